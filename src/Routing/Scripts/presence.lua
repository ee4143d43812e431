-- arg 1 agent id, 2 presence: available | away | offline, 3 away reason, 4 tag for a withdrawn task's new offer.
local agent, presence = arg(1), arg(2)
local key = ensure_agent(agent)
if presence ~= 'available' then
  set_unavailable(agent, presence, arg(3), arg(4))
  return out
end
local previous = redis.call('HGET', key, 'presence')
-- Available ends a wrap-up early.
end_wrap(agent, NOW)
redis.call('HSET', key, 'presence', 'available')
redis.call('HDEL', key, 'awayReason')
if previous ~= 'available' then
  -- Idle time counts from the moment the agent became ready, not from before a break.
  redis.call('HSET', key, 'idleSince', NOW, 'misses', 0)
end
if refresh_agent(agent) then
  match_agent(agent, 'next')
end
return out
