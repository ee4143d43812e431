-- ARGV[8] agent id, 9 presence: available | away | offline.
local agent, presence = ARGV[8], ARGV[9]
local agentKey = ensure_agent(agent)
local previous = redis.call('HGET', agentKey, 'presence')
redis.call('HSET', agentKey, 'presence', presence)
if presence == 'available' then
  if previous ~= 'available' then
    -- Idle time counts from the moment the agent became ready, not from before a break.
    redis.call('HSET', agentKey, 'idleSince', NOW)
  end
  if refresh_agent(agent) then
    match_agent(agent, 'next')
  end
  return out
end
redis.call('ZREM', AVAILABLE, agent)
local pending = redis.call('HGET', agentKey, 'offer')
if pending then
  -- Going away is not a decline: the agent may be offered this task again after coming back.
  requeue(pending)
  emit('withdrawn', pending, agent, NOW)
  match_task(pending, 'next')
end
return out
