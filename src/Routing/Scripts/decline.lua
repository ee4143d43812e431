-- ARGV[8] agent id, 9 conversation id.
local agent, task = ARGV[8], ARGV[9]
local f = redis.call('HMGET', TASK .. task, 'state', 'agent')
if f[1] ~= 'offered' or f[2] ~= agent then
  return out
end
redis.call('SADD', TASK .. task .. DECLINED, agent)
requeue(task)
-- The declined task is placed first, with the longest idle colleague; only then may the decliner take other waiting work.
match_task(task, 'next')
if refresh_agent(agent) then
  match_agent(agent, 'extra')
end
return out
