-- arg 1 conversation id, 2 queue, 3 channel, 4 enqueued-at ms, 5 priority, 6 skills, 7 preferred agent ('' none), 8 rule.
-- Idempotent: a task that exists in any state is left alone, which makes retries and the reconciler safe.
local task, queue = arg(1), arg(2)
local taskKey = TASK .. task
if redis.call('EXISTS', taskKey) == 1 then
  return out
end
local enqueued, priority = tonumber(arg(4)), tonumber(arg(5))
redis.call('HSET', taskKey, 'queue', queue, 'channel', arg(3), 'enqueuedAt', enqueued, 'since', enqueued,
  'prio', priority, 'state', 'queued', 'step', 0)
if arg(6) ~= '' then redis.call('HSET', taskKey, 'skills', arg(6)) end
if arg(7) ~= '' then redis.call('HSET', taskKey, 'pref', arg(7)) end
if arg(8) ~= '' then redis.call('HSET', taskKey, 'rule', arg(8)) end
redis.call('SADD', QUEUES, queue)
redis.call('ZADD', QUEUE .. queue, queue_score(priority, enqueued), task)
count_offered(queue)
local cfg = queue_config(queue)
if #cfg.overflow > 0 then
  schedule_overflow(task, cfg, enqueued)
end
match_task(task, 'next')
return out
