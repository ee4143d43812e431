-- ARGV[8] agent id, 9 conversation id.
local agent, task = ARGV[8], ARGV[9]
local taskKey = TASK .. task
local f = redis.call('HMGET', taskKey, 'state', 'agent', 'expiresAt')
-- An expired offer is refused even before the sweep takes it back: the agent was told how long it had.
if f[1] ~= 'offered' or f[2] ~= agent or tonumber(f[3]) <= NOW then
  emit('refused', task, agent, 0)
  return out
end
local agentKey = AGENT .. agent
redis.call('HSET', taskKey, 'state', 'assigned')
redis.call('HDEL', taskKey, 'expiresAt')
redis.call('DEL', TASK .. task .. DECLINED)
redis.call('ZREM', OFFERS, task)
redis.call('HDEL', agentKey, 'offer')
redis.call('HINCRBY', agentKey, 'load', 1)
redis.call('HSET', agentKey, 'idleSince', NOW)
emit('accepted', task, agent, 0)
-- With spare capacity the agent is eligible again and may be the only one for a task that is waiting.
if refresh_agent(agent) then
  match_agent(agent, 'extra')
end
return out
