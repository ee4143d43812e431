-- arg 1 agent id, 2 conversation id.
local agent, task = arg(1), arg(2)
local taskKey = TASK .. task
local f = redis.call('HMGET', taskKey, 'state', 'agent', 'expiresAt', 'holder', 'queue', 'channel', 'enqueuedAt', 'dec')
-- An expired offer is refused even before the sweep takes it back: the agent was told how long it had.
if (f[1] ~= 'offered' and f[1] ~= 'transfer') or f[2] ~= agent or tonumber(f[3]) <= NOW then
  return out
end
local agentKey = AGENT .. agent
local queue, channel = f[5], f[6]
if f[1] == 'transfer' then
  redis.call('HSET', taskKey, 'state', 'assigned')
else
  redis.call('HSET', taskKey, 'state', 'assigned', 'acceptedAt', NOW)
end
redis.call('HDEL', taskKey, 'expiresAt', 'holder', 'obasis', 'ocands', 'ostep', 'dec')
redis.call('ZREM', OFFERS, task)
redis.call('HDEL', agentKey, 'offer')
redis.call('HSET', agentKey, 'idleSince', NOW, 'misses', 0)
add_load(agent, channel, 1)
emit('accepted', task, agent, 0)
if f[1] == 'transfer' then
  -- The receiver took it: only now does the sender's capacity come free.
  local holder = f[4]
  add_load(holder, channel, -1)
  if refresh_agent(holder) then
    match_agent(holder, 'extra')
  end
else
  if f[8] then redis.call('DEL', TASK .. task .. DECLINED) end
  if #queue_config(queue).overflow > 0 then
    redis.call('ZREM', OVERFLOW, task)
  end
  local wait = NOW - tonumber(f[7])
  -- Answered is the histogram's total (metrics.lua adds the buckets up): one counter fewer per answer.
  count(queue, 'waitMs', wait)
  count(queue, 'h' .. bucket(wait), 1)
  if wait <= queue_config(queue).sl * 1000 then
    count(queue, 'slAnswered', 1)
  end
end
-- With spare capacity the agent is eligible again and may be the only one for a task that is waiting.
if refresh_agent(agent) then
  match_agent(agent, 'extra')
end
return out
