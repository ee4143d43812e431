-- ARGV[8] agent id, 9 conversation id.
-- The task ends here: its hash goes, so a transfer can enqueue the conversation again from scratch.
local agent, task = ARGV[8], ARGV[9]
local taskKey = TASK .. task
local f = redis.call('HMGET', taskKey, 'state', 'agent')
if f[1] ~= 'assigned' or f[2] ~= agent then
  return out
end
redis.call('DEL', taskKey, TASK .. task .. DECLINED)
local agentKey = AGENT .. agent
if tonumber(redis.call('HINCRBY', agentKey, 'load', -1)) < 0 then
  redis.call('HSET', agentKey, 'load', 0)
end
if refresh_agent(agent) then
  match_agent(agent, 'next')
end
return out
