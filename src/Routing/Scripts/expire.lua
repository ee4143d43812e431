-- arg 1 most items of each kind to handle in one call; the sweep runs often, so bounded batches keep calls short.
-- Three kinds of due work: offers whose time ran out, wrap-ups that ended, waiting tasks reaching an overflow step.
local batch = tonumber(arg(1))
local more = false

local due = redis.call('ZRANGEBYSCORE', OFFERS, '-inf', NOW, 'LIMIT', 0, batch)
if #due == batch then more = true end
for _, task in ipairs(due) do
  local f = redis.call('HMGET', TASK .. task, 'state', 'agent', 'expiresAt', 'queue')
  if (f[1] == 'offered' or f[1] == 'transfer') and tonumber(f[3]) <= NOW then
    local agent = f[2]
    local agentKey = AGENT .. agent
    emit('expired', task, agent, f[3])
    if f[1] == 'transfer' then
      cancel_transfer(task)
    else
      mark_declined(task, agent)
      requeue(task)
    end
    -- An agent who let an offer lapse goes to the back of the idle line, so a walked-away agent
    -- does not stall every next task for a whole timeout; too many in a row and they are set away.
    redis.call('HSET', agentKey, 'idleSince', NOW)
    local misses = redis.call('HINCRBY', agentKey, 'misses', 1)
    if misses >= queue_config(f[4]).maxmiss and redis.call('HGET', agentKey, 'presence') == 'available' then
      set_unavailable(agent, 'away', 'missed offers', 'extra')
      emit('away', 0, agent, NOW, 'missed offers')
    end
    if f[1] == 'offered' then
      match_task(task, 'next')
    end
    if refresh_agent(agent) then
      match_agent(agent, 'extra')
    end
  else
    -- A leftover entry from an offer already answered: nothing to take back.
    redis.call('ZREM', OFFERS, task)
  end
end

local wrapped = redis.call('ZRANGEBYSCORE', WRAPUPS, '-inf', NOW, 'LIMIT', 0, batch)
if #wrapped == batch then more = true end
for _, agent in ipairs(wrapped) do
  if not end_wrap(agent, NOW) then
    redis.call('ZREM', WRAPUPS, agent)
  end
  if refresh_agent(agent) then
    match_agent(agent, 'extra')
  end
end

local stepping = redis.call('ZRANGEBYSCORE', OVERFLOW, '-inf', NOW, 'LIMIT', 0, batch)
if #stepping == batch then more = true end
for _, task in ipairs(stepping) do
  local ctx = task_context(task)
  if not ctx or ctx.state == 'assigned' then
    redis.call('ZREM', OVERFLOW, task)
  else
    schedule_overflow(task, ctx.cfg, tonumber(redis.call('HGET', TASK .. task, 'since')))
    if ctx.state == 'queued' then
      match_task(task, 'extra')
    end
  end
end

if more then
  emit('more', 0, 0, 0)
end
return out
