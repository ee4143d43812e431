-- ARGV[8] most offers to take back in one call; the sweep runs often, so a bounded batch keeps each call short.
local due = redis.call('ZRANGEBYSCORE', OFFERS, '-inf', NOW, 'LIMIT', 0, tonumber(ARGV[8]))
for _, task in ipairs(due) do
  local f = redis.call('HMGET', TASK .. task, 'state', 'agent', 'expiresAt')
  if f[1] == 'offered' and tonumber(f[3]) <= NOW then
    local agent = f[2]
    redis.call('SADD', TASK .. task .. DECLINED, agent)
    requeue(task)
    -- An agent who let an offer lapse goes to the back of the idle line, so a walked-away agent
    -- does not stall every next task for a whole timeout.
    redis.call('HSET', AGENT .. agent, 'idleSince', NOW)
    emit('expired', task, agent, f[3])
    match_task(task, 'next')
    if refresh_agent(agent) then
      match_agent(agent, 'extra')
    end
  else
    -- A leftover entry from an offer already answered: nothing to take back.
    redis.call('ZREM', OFFERS, task)
  end
end
return out
