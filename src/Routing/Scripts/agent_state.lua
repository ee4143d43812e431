-- arg 1 agent id. Read-only, but one script so every field comes from one instant.
-- Returns presence, load, pending conversation id (0 if none), its expiry ms, activity, state-since ms (0 if
-- unknown), away reason, wrap-up end ms (0 if none), and the pending offer's basis, candidates, rule, step.
local agent = arg(1)
local f, load = read_agent_with_load(agent, 'presence', 'offer', 'activity', 'stateSince', 'awayReason', 'wrapUntil')
local o = { 0, '', 0, '', 0 }
if f[2] then
  o = redis.call('HMGET', TASK .. f[2], 'expiresAt', 'obasis', 'ocands', 'rule', 'ostep')
end
return { f[1] or 'offline', load, f[2] or 0, tonumber(o[1]) or 0, f[3] or 'offline',
  tonumber(f[4]) or 0, f[5] or '', tonumber(f[6]) or 0, o[2] or '', tonumber(o[3]) or 0, o[4] or '', tonumber(o[5]) or 0 }
