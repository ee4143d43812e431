-- arg 1 sender, 2 conversation id, 3 receiver. The receiver must be eligible for the channel now (available, not
-- in wrap-up, no pending offer, free capacity); the sender keeps the conversation, and its capacity, until then.
local from, task, to = arg(1), arg(2), arg(3)
local taskKey = TASK .. task
local f = redis.call('HMGET', taskKey, 'state', 'agent', 'channel', 'queue', 'rule')
if f[1] ~= 'assigned' or f[2] ~= from or from == to then
  return out
end
if not redis.call('ZSCORE', AVAIL .. f[3], to) then
  return out
end
local expires = NOW + queue_config(f[4]).timeout
redis.call('HSET', taskKey, 'state', 'transfer', 'agent', to, 'holder', from, 'expiresAt', expires,
  'obasis', 'transfer', 'ocands', 1, 'ostep', 0)
redis.call('HSET', AGENT .. to, 'offer', task)
leave_available(to)
redis.call('ZADD', OFFERS, expires, task)
emit('next', task, to, expires, 'transfer', 1, f[5], 0)
return out
