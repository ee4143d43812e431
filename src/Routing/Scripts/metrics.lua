-- Read-only. Per known queue: name, config, today's counters and histogram, waiting now, oldest enqueue ms;
-- per known agent: id, activity, state-since, away reason, load. Nothing here scans interactions: counters are
-- kept by the scripts that make the changes, and waiting counts come from the queue sets and the offers set.
local offeredWaiting, offeredOldest = {}, {}
for _, task in ipairs(redis.call('ZRANGE', OFFERS, 0, -1)) do
  local f = redis.call('HMGET', TASK .. task, 'state', 'queue', 'enqueuedAt')
  if f[1] == 'offered' then
    offeredWaiting[f[2]] = (offeredWaiting[f[2]] or 0) + 1
    local enq = tonumber(f[3])
    if not offeredOldest[f[2]] or enq < offeredOldest[f[2]] then offeredOldest[f[2]] = enq end
  end
end
local queues = {}
local fields = { 'offered', 'answered', 'abandoned', 'shortAbandoned', 'waitMs', 'slAnswered', 'handled', 'handleMs' }
for i = 0, #BUCKETS do fields[#fields + 1] = 'h' .. i end
for _, queue in ipairs(redis.call('SMEMBERS', QUEUES)) do
  local key = QUEUE .. queue
  local waiting = redis.call('ZCARD', key) + (offeredWaiting[queue] or 0)
  local oldest = offeredOldest[queue] or 0
  -- The oldest task of each priority band is that band's first member; the bands are few.
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  local bands = 0
  while #first > 0 and bands < 100 do
    local enq = tonumber(redis.call('HGET', TASK .. first[1], 'enqueuedAt'))
    if enq and (oldest == 0 or enq < oldest) then oldest = enq end
    local band = math.floor(tonumber(first[2]) / BAND)
    first = redis.call('ZRANGEBYSCORE', key, (band + 1) * BAND, '+inf', 'WITHSCORES', 'LIMIT', 0, 1)
    bands = bands + 1
  end
  local s = redis.call('HMGET', stats_key(queue), unpack(fields))
  local row = { queue, waiting, oldest, queue_config(queue).sl }
  for i = 1, #s do row[#row + 1] = tonumber(s[i]) or 0 end
  -- Answered is not counted apart: every answer lands in exactly one histogram bucket.
  local answered = 0
  for i = 9, #s do answered = answered + (tonumber(s[i]) or 0) end
  row[6] = answered
  queues[#queues + 1] = row
end
local agents = {}
for _, agent in ipairs(redis.call('SMEMBERS', AGENTS)) do
  local f, load = read_agent_with_load(agent, 'activity', 'stateSince', 'awayReason')
  agents[#agents + 1] = { agent, f[1] or 'offline', tonumber(f[2]) or 0, f[3] or '', load }
end
return { queues, agents }
