-- arg 1 agent id, 2 team ('' none), 3 skills "name=level" lines, 4 capacity "channel=n" lines.
local agent = arg(1)
local key = ensure_agent(agent)
local old = redis.call('HGET', key, 'skills')
if old then
  for _, name in ipairs(parse_skills(old)) do
    redis.call('HDEL', key, 'sk:' .. name)
  end
end
if arg(2) ~= '' then redis.call('HSET', key, 'team', arg(2)) else redis.call('HDEL', key, 'team') end
redis.call('HSET', key, 'skills', arg(3))
local names, levels = parse_skills(arg(3))
for _, name in ipairs(names) do
  redis.call('HSET', key, 'sk:' .. name, levels[name])
end
local channels, capacity = parse_skills(arg(4))
for _, channel in ipairs(channels) do
  redis.call('HSET', key, 'cap:' .. channel, capacity[channel])
end
if refresh_agent(agent) then
  match_agent(agent, 'next')
end
return out
