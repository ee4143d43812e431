-- arg 1 queue, 2 open (1/0). A closed queue keeps its tasks unoffered; opening offers them.
local queue = arg(1)
redis.call('HSET', QCONF .. queue, 'open', arg(2))
redis.call('SADD', QUEUES, queue)
match_queue(queue, 'next')
return out
