-- arg 1 agent id, 2 conversation id.
-- The task ends here: its hash goes, so a transfer can enqueue the conversation again from scratch.
local agent, task = arg(1), arg(2)
local taskKey = TASK .. task
local f = redis.call('HMGET', taskKey, 'state', 'agent', 'holder', 'queue', 'channel', 'acceptedAt')
local plain = f[1] == 'assigned' and f[2] == agent
if f[1] == 'transfer' and f[3] == agent then
  -- Resolved while a transfer was pending: the transfer offer is withdrawn first.
  local receiver = cancel_transfer(task)
  emit('withdrawn', task, receiver, NOW)
  if refresh_agent(receiver) then
    match_agent(receiver, 'extra')
  end
elseif not plain then
  return out
end
local queue, channel, acceptedAt = f[4], f[5], f[6]
redis.call('DEL', taskKey, TASK .. task .. DECLINED)
local cfg = queue_config(queue)
if #cfg.overflow > 0 then
  redis.call('ZREM', OVERFLOW, task)
end
add_load(agent, channel, -1)
local handle = NOW - (tonumber(acceptedAt) or NOW)
local wrap = cfg.wrap
if wrap > 0 then
  -- A wrap-up still running from an earlier conversation ends now; this one starts.
  end_wrap(agent, NOW)
  local untilMs = NOW + wrap * 1000
  redis.call('HSET', AGENT .. agent, 'wrapUntil', untilMs, 'wrapStart', NOW, 'wrapQueue', queue, 'wrapHandle', handle)
  redis.call('ZADD', WRAPUPS, untilMs, agent)
else
  count(queue, 'handled', 1)
  count(queue, 'handleMs', handle)
end
-- Without a wrap-up only this channel's load changed, so only its set can change.
if refresh_agent(agent, (plain and wrap == 0) and channel or nil) then
  match_agent(agent, 'next')
end
return out
