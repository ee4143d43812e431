-- arg 1 sender, 2 conversation id, 3 queue, 4 priority, 5 basis (transfer, reclaimed...).
-- The sender's capacity comes free now; its part of the conversation counts as handled in the old queue.
local from, task, queue = arg(1), arg(2), arg(3)
local taskKey = TASK .. task
local f = redis.call('HMGET', taskKey, 'state', 'agent', 'holder')
if f[1] == 'transfer' and f[3] == from then
  local receiver = cancel_transfer(task)
  emit('withdrawn', task, receiver, NOW)
  if refresh_agent(receiver) then
    match_agent(receiver, 'extra')
  end
elseif f[1] ~= 'assigned' or f[2] ~= from then
  return out
end
f = redis.call('HMGET', taskKey, 'queue', 'channel', 'acceptedAt')
add_load(from, f[2], -1)
count(f[1], 'handled', 1)
count(f[1], 'handleMs', NOW - (tonumber(f[3]) or NOW))
local priority = tonumber(arg(4))
redis.call('HSET', taskKey, 'queue', queue, 'prio', priority, 'state', 'queued', 'enqueuedAt', NOW, 'since', NOW,
  'step', 0, 'basis', arg(5))
redis.call('HDEL', taskKey, 'agent', 'acceptedAt', 'pref')
-- The sender handed it on: they are not offered it straight back.
redis.call('DEL', TASK .. task .. DECLINED)
mark_declined(task, from)
redis.call('SADD', QUEUES, queue)
join_queue(queue, priority, NOW, task)
count_offered(queue)
schedule_overflow(task, queue_config(queue), NOW)
match_task(task, 'next')
if refresh_agent(from) then
  match_agent(from, 'extra')
end
return out
