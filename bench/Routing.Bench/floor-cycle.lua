-- The floor: the fewest Redis commands any router needs for one assignment cycle with the guarantees the issue
-- asks for (idempotent enqueue, longest-idle pick, a reservation with an expiry, capacity, the counters behind
-- offered / answered / ASA / handled / AHT), run as ONE script per cycle. A real router is dearer: it needs three
-- scripts (the agent accepts and releases at other times), and skills, teams, declines, per-channel capacity,
-- wrap-up, overflow and the service-level counters. So this cycle's rate is an upper bound for any design.
-- ARGV 1 = a task id (redis-benchmark's __rand_int__); 200 agents a:0..a:199 are seeded by the benchmark.
local id = ARGV[1]
local task = 'floor:t:' .. id
local agent = 'floor:a:' .. (tonumber(id) % 200)
local now = 1700000000000

-- enqueue: idempotent create, pick the longest idle agent, check it, reserve
if redis.call('HSETNX', task, 'state', 'queued') == 0 then return 0 end
redis.call('HSET', task, 'queue', 'support', 'channel', 'webchat', 'enqueuedAt', now, 'prio', 1)
redis.call('ZRANGE', 'floor:avail', 0, 0)
redis.call('HMGET', agent, 'presence', 'offer', 'cap:webchat', 'load:webchat', 'sk:support')
redis.call('HSET', task, 'state', 'offered', 'agent', agent, 'expiresAt', now + 30000)
redis.call('HSET', agent, 'offer', id)
redis.call('ZREM', 'floor:avail', agent)
redis.call('ZADD', 'floor:offers', now + 30000, id)
redis.call('HINCRBY', 'floor:stats', 'offered', 1)

-- accept: check the reservation, assign, take capacity, back in line
redis.call('HMGET', task, 'state', 'agent', 'expiresAt', 'queue', 'channel', 'enqueuedAt')
redis.call('HSET', task, 'state', 'assigned', 'acceptedAt', now)
redis.call('ZREM', 'floor:offers', id)
redis.call('HSET', agent, 'offer', '', 'idleSince', now)
redis.call('HINCRBY', agent, 'load:webchat', 1)
redis.call('ZADD', 'floor:avail', now, agent)
redis.call('HINCRBY', 'floor:stats', 'answered', 1)
redis.call('HINCRBY', 'floor:stats', 'waitMs', 5)

-- release: end the task, free capacity, count it handled
redis.call('HMGET', task, 'state', 'agent', 'queue', 'channel', 'acceptedAt')
redis.call('DEL', task)
redis.call('HINCRBY', agent, 'load:webchat', -1)
redis.call('HINCRBY', 'floor:stats', 'handled', 1)
redis.call('HINCRBY', 'floor:stats', 'handleMs', 5)
return 1
