-- ARGV[8] conversation id, 9 queue, 10 channel, 11 enqueued-at ms.
-- Idempotent: a task that exists in any state is left alone, which makes retries and the reconciler safe.
local task, queue = ARGV[8], ARGV[9]
local taskKey = TASK .. task
if redis.call('EXISTS', taskKey) == 1 then
  return out
end
redis.call('HSET', taskKey, 'queue', queue, 'channel', ARGV[10], 'enqueuedAt', ARGV[11], 'state', 'queued')
redis.call('SADD', QUEUES, queue)
redis.call('ZADD', QUEUE .. queue, tonumber(ARGV[11]), task)
match_task(task, 'next')
return out
