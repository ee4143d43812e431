-- arg 1 queue, 2 open (1/0), 3 offer timeout ms, 4 service level s, 5 wrap-up s, 6 sticky s, 7 skills,
-- 8 team ('' none), 9 overflow steps, 10 missed offers before away.
local queue = arg(1)
local key = QCONF .. queue
redis.call('DEL', key)
redis.call('HSET', key, 'open', arg(2), 'timeout', arg(3), 'sl', arg(4), 'wrap', arg(5), 'sticky', arg(6),
  'skills', arg(7), 'overflow', arg(9), 'maxmiss', arg(10))
if arg(8) ~= '' then redis.call('HSET', key, 'team', arg(8)) end
redis.call('SADD', QUEUES, queue)
-- Tasks left by a router from before the queues-with-work set (or any other way) are found again.
if redis.call('ZCARD', QUEUE .. queue) > 0 then redis.call('SADD', WITH_WORK, queue) end
-- Waiting tasks follow the new overflow steps from now on.
local cfg = queue_config(queue)
for _, task in ipairs(redis.call('ZRANGE', QUEUE .. queue, 0, MAX_SCAN - 1)) do
  schedule_overflow(task, cfg, tonumber(redis.call('HGET', TASK .. task, 'since')))
end
match_queue(queue, 'next')
return out
