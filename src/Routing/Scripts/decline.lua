-- arg 1 agent id, 2 conversation id.
local agent, task = arg(1), arg(2)
local f = redis.call('HMGET', TASK .. task, 'state', 'agent')
if f[2] ~= agent then
  return out
end
if f[1] == 'transfer' then
  -- A declined transfer stays with the sender.
  cancel_transfer(task)
elseif f[1] == 'offered' then
  mark_declined(task, agent)
  requeue(task)
  -- The declined task is placed first, with the longest idle colleague; only then may the decliner take other work.
  match_task(task, 'next')
else
  return out
end
if refresh_agent(agent) then
  match_agent(agent, 'extra')
end
return out
