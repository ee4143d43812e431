-- Shared by every routing script (prepended to each). The contract every script keeps:
-- after it runs, no waiting task and eligible agent are left unmatched unless that agent declined that task.
-- So a script that makes a task wait calls match_task, and one that makes an agent eligible calls match_agent.
--
-- KEYS: 1 available agents (zset, score idle-since ms), 2 offers (zset, score expiry ms), 3 known queues (set)
-- ARGV: 1 task key prefix, 2 declined-set suffix, 3 agent key prefix, 4 queue key prefix,
--       5 now in ms (the caller's clock, see RedisRouter), 6 offer timeout ms, 7 default capacity, 8.. per script
-- Returns a flat array of 4-tuples: tag, conversation id, agent id, expiry ms.
local AVAILABLE, OFFERS, QUEUES = KEYS[1], KEYS[2], KEYS[3]
local TASK, DECLINED, AGENT, QUEUE = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local NOW = tonumber(ARGV[5])
local OFFER_TIMEOUT = tonumber(ARGV[6])
local DEFAULT_CAPACITY = tonumber(ARGV[7])
-- Candidates are read in pages so a long queue or a crowd of agents is not copied into the script at once.
local PAGE = 64

local out = {}

local function emit(tag, task, agent, expires)
  out[#out + 1] = tag
  out[#out + 1] = task
  out[#out + 1] = agent
  out[#out + 1] = expires
end

local function ensure_agent(agent)
  local key = AGENT .. agent
  redis.call('HSETNX', key, 'capacity', DEFAULT_CAPACITY)
  redis.call('HSETNX', key, 'load', 0)
  redis.call('HSETNX', key, 'presence', 'offline')
  redis.call('HSETNX', key, 'idleSince', NOW)
  return key
end

-- Keeps the available set exactly the agents who may get an offer now: available, no pending offer, spare capacity.
-- Then matching never has to look at anyone else.
local function refresh_agent(agent)
  local f = redis.call('HMGET', AGENT .. agent, 'presence', 'load', 'capacity', 'offer', 'idleSince')
  local capacity = tonumber(f[3]) or DEFAULT_CAPACITY
  if f[1] == 'available' and not f[4] and (tonumber(f[2]) or 0) < capacity then
    redis.call('ZADD', AVAILABLE, tonumber(f[5]) or NOW, agent)
    return true
  end
  redis.call('ZREM', AVAILABLE, agent)
  return false
end

local function make_offer(task, agent)
  local expires = NOW + OFFER_TIMEOUT
  local taskKey = TASK .. task
  local queue = redis.call('HGET', taskKey, 'queue')
  redis.call('ZREM', QUEUE .. queue, task)
  redis.call('HSET', taskKey, 'state', 'offered', 'agent', agent, 'expiresAt', expires)
  redis.call('HSET', AGENT .. agent, 'offer', task)
  redis.call('ZREM', AVAILABLE, agent)
  redis.call('ZADD', OFFERS, expires, task)
  return expires
end

-- Puts a task back in its queue at its original enqueue time, so it keeps its place at the front.
local function requeue(task)
  local taskKey = TASK .. task
  local f = redis.call('HMGET', taskKey, 'queue', 'enqueuedAt', 'agent')
  redis.call('HSET', taskKey, 'state', 'queued')
  redis.call('HDEL', taskKey, 'agent', 'expiresAt')
  redis.call('ZREM', OFFERS, task)
  redis.call('ZADD', QUEUE .. f[1], tonumber(f[2]), task)
  if f[3] then
    local agentKey = AGENT .. f[3]
    if redis.call('HGET', agentKey, 'offer') == task then
      redis.call('HDEL', agentKey, 'offer')
    end
  end
  return f[3]
end

-- Offers a waiting task to the longest idle eligible agent who has not declined it.
local function match_task(task, tag)
  local declined = TASK .. task .. DECLINED
  local start = 0
  while true do
    local page = redis.call('ZRANGE', AVAILABLE, start, start + PAGE - 1)
    if #page == 0 then
      return nil
    end
    for _, agent in ipairs(page) do
      if redis.call('SISMEMBER', declined, agent) == 0 then
        emit(tag, task, agent, make_offer(task, agent))
        return agent
      end
    end
    start = start + PAGE
  end
end

-- Offers an eligible agent the oldest waiting task, across every queue, that the agent has not declined.
local function match_agent(agent, tag)
  local best, bestScore
  for _, queue in ipairs(redis.call('SMEMBERS', QUEUES)) do
    local key = QUEUE .. queue
    local start = 0
    local done = false
    while not done do
      local page = redis.call('ZRANGE', key, start, start + PAGE - 1, 'WITHSCORES')
      if #page == 0 then
        break
      end
      for i = 1, #page, 2 do
        local task, score = page[i], tonumber(page[i + 1])
        if bestScore and score >= bestScore then
          -- Everything further down this queue is younger than the best found so far.
          done = true
          break
        end
        if redis.call('SISMEMBER', TASK .. task .. DECLINED, agent) == 0 then
          best, bestScore = task, score
          done = true
          break
        end
      end
      start = start + PAGE
    end
  end
  if best then
    emit(tag, best, agent, make_offer(best, agent))
    return best
  end
  return nil
end

