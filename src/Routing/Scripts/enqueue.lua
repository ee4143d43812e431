-- arg 1 conversation id, 2 queue, 3 channel, 4 enqueued-at ms, 5 priority, 6 skills, 7 preferred agent ('' none), 8 rule.
-- Idempotent: a task that exists in any state is left alone, which makes retries and the reconciler safe.
local task, queue = arg(1), arg(2)
local taskKey = TASK .. task
if redis.call('EXISTS', taskKey) == 1 then
  return out
end
local enqueued, priority = tonumber(arg(4)), tonumber(arg(5))
local fields = { 'queue', queue, 'channel', arg(3), 'enqueuedAt', enqueued, 'since', enqueued,
  'prio', priority, 'state', 'queued', 'step', 0 }
for i, name in ipairs({ 'skills', 'pref', 'rule' }) do
  if arg(5 + i) ~= '' then
    fields[#fields + 1] = name
    fields[#fields + 1] = arg(5 + i)
  end
end
redis.call('HSET', taskKey, unpack(fields))
redis.call('SADD', QUEUES, queue)
count_offered(queue)
local cfg = queue_config(queue)
if #cfg.overflow > 0 then
  schedule_overflow(task, cfg, enqueued)
end
local step = current_step(cfg, enqueued)
if step > 0 and cfg.overflow[step].queue then
  -- Enqueued late enough to be due in another queue already: the usual path moves it first.
  join_queue(queue, priority, enqueued, task)
  match_task(task, 'next')
  return out
end
-- The context is what was just written, so it is not read back; the task joins its queue only if nobody takes it.
local ctx = context_of('queued', queue, arg(3), cfg, step, arg(6), arg(7) ~= '' and arg(7) or nil,
  arg(8) ~= '' and arg(8) or nil, nil, false)
ctx.arriving = true
if not match_task(task, 'next', ctx) then
  join_queue(queue, priority, enqueued, task)
end
return out
