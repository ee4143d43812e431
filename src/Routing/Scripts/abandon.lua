-- arg 1 conversation id. Only a task nobody answered yet can be abandoned.
local task = arg(1)
local taskKey = TASK .. task
local f = redis.call('HMGET', taskKey, 'state', 'queue', 'enqueuedAt', 'agent')
if f[1] == 'queued' then
  redis.call('ZREM', QUEUE .. f[2], task)
elseif f[1] == 'offered' then
  redis.call('ZREM', OFFERS, task)
  redis.call('HDEL', AGENT .. f[4], 'offer')
  emit('withdrawn', task, f[4], NOW)
else
  return out
end
redis.call('DEL', taskKey, TASK .. task .. DECLINED)
redis.call('ZREM', OVERFLOW, task)
count(f[2], 'abandoned', 1)
if NOW - tonumber(f[3]) < SHORT_ABANDON_MS then
  count(f[2], 'shortAbandoned', 1)
end
emit('abandoned', task, 0, 0)
if f[1] == 'offered' and refresh_agent(f[4]) then
  match_agent(f[4], 'extra')
end
return out
