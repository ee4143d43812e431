-- arg 1 agent id, 2 conversation id, 3 queue, 4 channel. Rebuild after a Redis loss: the store says this agent
-- holds this conversation. Idempotent: a second call finds it assigned to that agent and changes nothing.
local agent, task, queue, channel = arg(1), arg(2), arg(3), arg(4)
local taskKey = TASK .. task
ensure_agent(agent)
local f = redis.call('HMGET', taskKey, 'state', 'agent', 'channel', 'queue', 'holder')
if f[1] == 'assigned' and f[2] == agent then
  return out
end
local freed = nil
if f[1] == 'transfer' then
  local receiver = cancel_transfer(task)
  emit('withdrawn', task, receiver, NOW)
  refresh_agent(receiver)
  f[2] = f[5]
  f[1] = 'assigned'
end
if f[1] == 'assigned' then
  -- The store is the source of truth: whoever Redis thought held it does not any more.
  add_load(f[2], f[3], -1)
  freed = f[2]
elseif f[1] == 'queued' then
  redis.call('ZREM', QUEUE .. f[4], task)
elseif f[1] == 'offered' then
  redis.call('ZREM', OFFERS, task)
  redis.call('HDEL', AGENT .. f[2], 'offer')
  emit('withdrawn', task, f[2], NOW)
  freed = f[2]
end
redis.call('DEL', taskKey, TASK .. task .. DECLINED)
redis.call('ZREM', OVERFLOW, task)
redis.call('HSET', taskKey, 'queue', queue, 'channel', channel, 'state', 'assigned', 'agent', agent,
  'enqueuedAt', NOW, 'since', NOW, 'acceptedAt', NOW, 'prio', 0, 'step', 0)
redis.call('SADD', QUEUES, queue)
add_load(agent, channel, 1)
emit('restored', task, agent, 0)
refresh_agent(agent)
if freed and refresh_agent(freed) then
  match_agent(freed, 'extra')
end
return out
