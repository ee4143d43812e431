-- The routing library: loaded once into Redis as a function library (RoutingLibrary), each script's body
-- registered as a function that calls begin() first. Everything here is defined once per load, not per call,
-- and begin() resets all per-call state, so no call sees another's. The contract every script keeps:
-- after it runs, no waiting task and eligible agent are left unmatched unless that agent declined that task
-- (bounded by MAX_SCAN per queue, see below). So a script that makes a task wait calls match_task, and one that
-- makes an agent eligible calls match_agent.
--
-- keys: 1 offers (zset, score expiry ms), 2 known queues (set), 3 known agents (set),
--       4 agents in wrap-up (zset, score wrap-up end ms), 5 waiting tasks' next overflow step (zset, score due ms),
--       6 queues that may have waiting tasks (set: every queue with one is in it; see join_queue)
-- args: 1 task key prefix, 2 declined-set suffix, 3 agent key prefix, 4 queue key prefix, 5 queue config prefix,
--       6 stats prefix, 7 available-agents-per-channel prefix,
--       8 now in ms (the caller's clock, see RedisRouter), 9 default offer timeout ms, 10 default chat-like capacity,
--       11 default missed offers before away, 12.. per script (read with arg(1), arg(2)...)
-- Returns a flat array of 8-tuples: tag, conversation id, agent id, expiry ms, basis, candidates, rule, step.
local OFFERS, QUEUES, AGENTS, WRAPUPS, OVERFLOW, WITH_WORK
local TASK, DECLINED, AGENT, QUEUE, QCONF, STATS, AVAIL
local NOW, DEFAULT_TIMEOUT, CHAT_CAPACITY, DEFAULT_MAX_MISSES
local ARGS
local function arg(i) return ARGS[11 + i] end

local CHANNELS = { 'sms', 'voice', 'email', 'telegram', 'whatsapp', 'webchat' }
-- Abandons shorter than this are not the centre's failure: counted apart and left out of the service level.
local SHORT_ABANDON_MS = 5000
-- Upper bounds of the wait histogram's buckets in ms; one more bucket holds everything above the last.
local BUCKETS = { 1000, 2000, 5000, 10000, 20000, 30000, 60000, 120000, 300000, 600000, 1800000, 3600000 }
-- Queue score = -priority * BAND + enqueued ms: higher priority first, then oldest first. BAND exceeds any
-- epoch-ms time and |priority| <= 500 keeps the score below 2^53, so doubles hold it exactly.
local BAND = 1e13
-- Candidates are read in pages so a long queue or a crowd of agents is not copied into the script at once.
local PAGE = 64
-- REVIEW: an agent-side match looks at most this many tasks per queue, to bound one script's time; a task
-- deeper than that behind ineligible ones waits for the next sweep or arrival.
local MAX_SCAN = 1000

-- Per call (begin): the steps to return, queue configurations read so far, the last refresh_agent's findings.
local out, config_cache, refreshed

local function emit(tag, task, agent, expires, basis, candidates, rule, step)
  local n = #out
  out[n + 1] = tag
  out[n + 2] = task
  out[n + 3] = agent
  out[n + 4] = expires or 0
  out[n + 5] = basis or ''
  out[n + 6] = candidates or 0
  out[n + 7] = rule or ''
  out[n + 8] = step or 0
end

local function default_capacity(channel)
  if channel == 'voice' then return 1 end
  if channel == 'email' then return 5 end
  return CHAT_CAPACITY
end

local function queue_score(priority, enqueued)
  return -priority * BAND + enqueued
end

-- The only way a task enters a queue: the queue is marked as having work in the same step. Leaving a queue does
-- not unmark it; match_agent drops a queue it finds empty. So every queue with a task is always marked.
local function join_queue(queue, priority, enqueued, task)
  redis.call('ZADD', QUEUE .. queue, queue_score(priority, enqueued), task)
  redis.call('SADD', WITH_WORK, queue)
end

-- "name=level\nname=level" -> names (ordered), levels
local function parse_skills(text, names, levels)
  names = names or {}
  levels = levels or {}
  if text and text ~= '' then
    for item in string.gmatch(text, '[^\n]+') do
      local name, level = string.match(item, '^(.*)=(%-?%d+)$')
      if name then
        level = tonumber(level)
        if levels[name] == nil then
          names[#names + 1] = name
          levels[name] = level
        elseif level > levels[name] then
          levels[name] = level
        end
      end
    end
  end
  return names, levels
end

-- A queue's routing configuration (ApplyQueueAsync), with defaults for a queue never configured.
local function queue_config(queue)
  local cached = config_cache[queue]
  if cached then return cached end
  local f = redis.call('HMGET', QCONF .. queue, 'open', 'timeout', 'sl', 'wrap', 'sticky', 'skills', 'team', 'overflow', 'maxmiss')
  local cfg = {
    open = f[1] ~= '0',
    timeout = tonumber(f[2]) or DEFAULT_TIMEOUT,
    sl = tonumber(f[3]) or 60,
    wrap = tonumber(f[4]) or 0,
    sticky = tonumber(f[5]) or 0,
    skills = f[6] or '',
    team = f[7],
    overflow = {},
    maxmiss = tonumber(f[9]) or DEFAULT_MAX_MISSES,
  }
  if f[8] and f[8] ~= '' then
    -- "after-ms\tteam\tqueue" per step, one per line; empty team and queue = everyone.
    for line in string.gmatch(f[8], '[^\n]+') do
      local after, team, target = string.match(line, '^(%d+)\t([^\t]*)\t([^\t]*)$')
      if after then
        cfg.overflow[#cfg.overflow + 1] = {
          after = tonumber(after),
          team = team ~= '' and team or nil,
          queue = target ~= '' and target or nil,
        }
      end
    end
  end
  config_cache[queue] = cfg
  return cfg
end

-- Today's counters of one queue (UTC day number since the epoch).
local function stats_key(queue)
  return STATS .. queue .. ':' .. math.floor(NOW / 86400000)
end

local function count(queue, field, by)
  redis.call('HINCRBY', stats_key(queue), field, by)
end

local function count_offered(queue)
  local key = stats_key(queue)
  if redis.call('HINCRBY', key, 'offered', 1) == 1 then
    -- A new day's counters: kept a while for late readers, then they go on their own.
    redis.call('EXPIRE', key, 3 * 86400)
  end
end

local function bucket(wait)
  for i, upper in ipairs(BUCKETS) do
    if wait < upper then return i - 1 end
  end
  return #BUCKETS
end

-- The overflow step reached after waiting since `since` (0 = the queue's own target).
local function current_step(cfg, since)
  local waited = NOW - since
  local step = 0
  for i, s in ipairs(cfg.overflow) do
    if waited >= s.after then step = i end
  end
  return step
end

local function target_team(cfg, step)
  if step == 0 then return cfg.team end
  return cfg.overflow[step].team
end

-- Schedules the sweep for the task's next overflow step, or forgets it when none is left. Only a task in a queue
-- with overflow steps has an entry, so callers skip the call for the rest.
local function schedule_overflow(task, cfg, since)
  local waited = NOW - since
  for _, s in ipairs(cfg.overflow) do
    if s.after > waited then
      redis.call('ZADD', OVERFLOW, since + s.after, task)
      return
    end
  end
  redis.call('ZREM', OVERFLOW, task)
end

local function ensure_agent(agent)
  local key = AGENT .. agent
  if redis.call('HSETNX', key, 'presence', 'offline') == 1 then
    redis.call('HSET', key, 'idleSince', NOW, 'stateSince', NOW, 'activity', 'offline')
    redis.call('SADD', AGENTS, agent)
  end
  return key
end

local function agent_capacity(f, i, channel)
  return tonumber(f[i]) or default_capacity(channel)
end

-- Keeps each channel's available set exactly the agents who may get an offer of that channel now: available,
-- not in wrap-up, no pending offer, spare capacity on that channel. Then matching never looks at anyone else.
-- Also keeps the derived activity and the time it started. Busy = available (not in wrap-up) with at least one
-- active conversation and no free capacity on any channel that has an active conversation.
-- `refreshed` holds what the last refresh_agent found, so the match_agent that usually follows reads nothing again.

-- `only` (a channel) is for a caller that changed nothing but that channel's load, on sets that were right
-- before: the other channels' sets cannot have changed, so they are not touched (five calls fewer).
local function refresh_agent(agent, only)
  local key = AGENT .. agent
  local f = redis.call('HMGET', key, 'presence', 'offer', 'wrapUntil', 'activity', 'idleSince',
    'cap:sms', 'load:sms', 'cap:voice', 'load:voice', 'cap:email', 'load:email',
    'cap:telegram', 'load:telegram', 'cap:whatsapp', 'load:whatsapp', 'cap:webchat', 'load:webchat', 'team')
  local eligible = f[1] == 'available' and not f[2] and not f[3]
  local idle = tonumber(f[5]) or NOW
  local any, working, allFull = false, false, true
  local free = {}
  for i, channel in ipairs(CHANNELS) do
    local capacity = agent_capacity(f, 4 + 2 * i, channel)
    local load = tonumber(f[5 + 2 * i]) or 0
    if load > 0 then
      working = true
      if load < capacity then allFull = false end
    end
    if eligible and load < capacity then
      if not only or only == channel then redis.call('ZADD', AVAIL .. channel, idle, agent) end
      any = true
      free[channel] = true
    elseif not only or only == channel then
      redis.call('ZREM', AVAIL .. channel, agent)
    end
  end
  local activity
  if f[1] == 'away' then
    activity = 'away'
  elseif f[1] ~= 'available' then
    activity = 'offline'
  elseif f[3] then
    activity = 'wrapup'
  elseif working and allFull then
    activity = 'busy'
  else
    activity = 'available'
  end
  if activity ~= f[4] then
    redis.call('HSET', key, 'activity', activity, 'stateSince', NOW)
  end
  refreshed.agent, refreshed.free, refreshed.team = agent, free, f[18]
  return any
end

local function leave_available(agent)
  if refreshed.agent == agent then refreshed.agent = nil end
  for _, channel in ipairs(CHANNELS) do
    redis.call('ZREM', AVAIL .. channel, agent)
  end
end

local function add_load(agent, channel, by)
  if refreshed.agent == agent then refreshed.agent = nil end
  local key = AGENT .. agent
  if tonumber(redis.call('HINCRBY', key, 'load:' .. channel, by)) < 0 then
    redis.call('HSET', key, 'load:' .. channel, 0)
  end
end

-- Reads the given fields of an agent and its conversations on every channel together (for the readers: the
-- scripts keep only per-channel loads).
local function read_agent_with_load(agent, ...)
  local names = { ... }
  local n = #names
  for _, channel in ipairs(CHANNELS) do names[#names + 1] = 'load:' .. channel end
  local f = redis.call('HMGET', AGENT .. agent, unpack(names))
  local total = 0
  for i = n + 1, #f do total = total + (tonumber(f[i]) or 0) end
  return f, total
end

-- Ends a wrap-up: the conversation it followed counts as handled, with its handling time plus the wrap-up.
local function end_wrap(agent, at)
  local key = AGENT .. agent
  local f = redis.call('HMGET', key, 'wrapUntil', 'wrapStart', 'wrapQueue', 'wrapHandle')
  if not f[1] then return false end
  local ended = math.min(at, tonumber(f[1]))
  count(f[3], 'handled', 1)
  count(f[3], 'handleMs', tonumber(f[4]) + ended - tonumber(f[2]))
  redis.call('HDEL', key, 'wrapUntil', 'wrapStart', 'wrapQueue', 'wrapHandle')
  redis.call('ZREM', WRAPUPS, agent)
  return true
end

-- Does the agent have every skill at its level and belong to the team (nil = any team)?
local function fits(agent, team, names, levels)
  if not team and #names == 0 then return true end
  local fields = { 'team' }
  for i, name in ipairs(names) do fields[i + 1] = 'sk:' .. name end
  local f = redis.call('HMGET', AGENT .. agent, unpack(fields))
  if team and f[1] ~= team then return false end
  for i, name in ipairs(names) do
    if (tonumber(f[i + 1]) or -1) < levels[name] then return false end
  end
  return true
end

local function declined_by(task, agent)
  return redis.call('SISMEMBER', TASK .. task .. DECLINED, agent) == 1
end

-- The task hash's `dec` flag says the declined set exists, so the common task nobody declined costs no lookup.
local function mark_declined(task, agent)
  redis.call('SADD', TASK .. task .. DECLINED, agent)
  redis.call('HSET', TASK .. task, 'dec', 1)
end

-- Moves a waiting task to another queue (overflow or transfer): it counts as offered there, keeps its age.
local function move_task(task, from, to, basis)
  local taskKey = TASK .. task
  local f = redis.call('HMGET', taskKey, 'prio', 'enqueuedAt', 'basis')
  redis.call('ZREM', QUEUE .. from, task)
  redis.call('HSET', taskKey, 'queue', to, 'since', NOW, 'step', 0, 'basis', f[3] or basis)
  redis.call('SADD', QUEUES, to)
  join_queue(to, tonumber(f[1]) or 0, tonumber(f[2]), task)
  count_offered(to)
  schedule_overflow(task, queue_config(to), NOW)
end

-- What matching needs to know of a task: its queue's configuration, the overflow step it reached, and the skills
-- of the queue and the task together.
local function context_of(state, queue, channel, cfg, step, skills, pref, rule, basis, declined)
  local names, levels = parse_skills(cfg.skills)
  parse_skills(skills, names, levels)
  return {
    state = state, queue = queue, channel = channel, cfg = cfg, step = step, team = target_team(cfg, step),
    names = names, levels = levels, pref = pref, rule = rule, basis = basis, declined = declined,
  }
end

-- Reads a task and, if it is waiting and a queue-moving overflow step is due, moves it first (a few hops at most).
local function task_context(task)
  local taskKey = TASK .. task
  for _ = 1, 4 do
    local f = redis.call('HMGET', taskKey, 'state', 'queue', 'channel', 'since', 'prio', 'skills', 'pref', 'rule', 'basis', 'dec')
    if not f[1] then return nil end
    local cfg = queue_config(f[2])
    local step = current_step(cfg, tonumber(f[4]))
    local target = step > 0 and cfg.overflow[step].queue or nil
    if f[1] == 'queued' and target and target ~= f[2] then
      move_task(task, f[2], target, 'overflow')
    else
      return context_of(f[1], f[2], f[3], cfg, step, f[6], f[7], f[8], f[9], f[10] ~= false)
    end
  end
  return nil
end

local function basis_of(ctx, agent)
  if ctx.cfg.sticky > 0 and ctx.pref == agent then return 'sticky' end
  if ctx.basis then return ctx.basis end
  if ctx.step > 0 then return 'overflow' end
  return 'longest-idle'
end

local function make_offer(task, agent, ctx, tag, basis, candidates)
  local expires = NOW + ctx.cfg.timeout
  -- A task offered on arrival never entered its queue.
  if not ctx.arriving then redis.call('ZREM', QUEUE .. ctx.queue, task) end
  redis.call('HSET', TASK .. task, 'state', 'offered', 'agent', agent, 'expiresAt', expires,
    'obasis', basis, 'ocands', candidates, 'ostep', ctx.step)
  redis.call('HSET', AGENT .. agent, 'offer', task)
  leave_available(agent)
  redis.call('ZADD', OFFERS, expires, task)
  emit(tag, task, agent, expires, basis, candidates, ctx.rule, ctx.step)
  return expires
end

-- Puts a task back in its queue at its original place (priority, then enqueue time).
local function requeue(task)
  local taskKey = TASK .. task
  local f = redis.call('HMGET', taskKey, 'queue', 'enqueuedAt', 'agent', 'prio', 'since')
  local cfg = queue_config(f[1])
  if #cfg.overflow > 0 then
    local since = tonumber(f[5])
    local step = current_step(cfg, since)
    if step > 0 and cfg.overflow[step].queue then
      -- A move that fell due while the task was offered: the next sweep makes it.
      redis.call('ZADD', OVERFLOW, NOW, task)
    else
      schedule_overflow(task, cfg, since)
    end
  end
  redis.call('HSET', taskKey, 'state', 'queued')
  redis.call('HDEL', taskKey, 'agent', 'expiresAt', 'obasis', 'ocands', 'ostep')
  redis.call('ZREM', OFFERS, task)
  join_queue(f[1], tonumber(f[4]) or 0, tonumber(f[2]), task)
  if f[3] then
    local agentKey = AGENT .. f[3]
    if redis.call('HGET', agentKey, 'offer') == task then
      redis.call('HDEL', agentKey, 'offer')
    end
  end
  return f[3]
end

-- A transfer offer that was not taken: the conversation stays with the agent who holds it.
local function cancel_transfer(task)
  local taskKey = TASK .. task
  local f = redis.call('HMGET', taskKey, 'holder', 'agent')
  redis.call('HSET', taskKey, 'state', 'assigned', 'agent', f[1])
  redis.call('HDEL', taskKey, 'holder', 'expiresAt', 'obasis', 'ocands', 'ostep')
  redis.call('ZREM', OFFERS, task)
  if f[2] and redis.call('HGET', AGENT .. f[2], 'offer') == task then
    redis.call('HDEL', AGENT .. f[2], 'offer')
  end
  return f[2]
end

-- Offers a waiting task to the preferred agent (when the queue is sticky and they are eligible), else to the
-- longest idle eligible agent who has not declined it. `known` is the context of a task just written (enqueue),
-- so it is not read back.
local function match_task(task, tag, known)
  local ctx = known or task_context(task)
  if not ctx or ctx.state ~= 'queued' or not ctx.cfg.open then return nil end
  local available = AVAIL .. ctx.channel
  local anyDeclined = ctx.declined
  local function eligible(agent)
    return not (anyDeclined and declined_by(task, agent)) and fits(agent, ctx.team, ctx.names, ctx.levels)
  end
  local examined = 0
  if ctx.cfg.sticky > 0 and ctx.pref and redis.call('ZSCORE', available, ctx.pref) then
    examined = 1
    if eligible(ctx.pref) then
      make_offer(task, ctx.pref, ctx, tag, 'sticky', 1)
      return ctx.pref
    end
  end
  local start = 0
  while true do
    local page = redis.call('ZRANGE', available, start, start + PAGE - 1)
    if #page == 0 then return nil end
    for _, agent in ipairs(page) do
      if agent ~= ctx.pref or ctx.cfg.sticky == 0 then
        examined = examined + 1
        if eligible(agent) then
          make_offer(task, agent, ctx, tag, basis_of(ctx, agent), examined)
          return agent
        end
      end
    end
    start = start + PAGE
  end
end

-- Offers an eligible agent the first waiting task it may take, across every open queue: highest priority,
-- then oldest. The agent's free channels, team and skills are read once.
local function match_agent(agent, tag)
  local key = AGENT .. agent
  local free, team
  if refreshed.agent == agent then
    free, team = refreshed.free, refreshed.team
  else
    free = {}
    for _, channel in ipairs(CHANNELS) do
      if redis.call('ZSCORE', AVAIL .. channel, agent) then free[channel] = true end
    end
    team = redis.call('HGET', key, 'team')
  end
  if next(free) == nil then return nil end
  local skillCache = {}
  local function level(name)
    local v = skillCache[name]
    if v == nil then
      v = tonumber(redis.call('HGET', key, 'sk:' .. name)) or -1
      skillCache[name] = v
    end
    return v
  end
  local best, bestScore, bestQueue
  for _, queue in ipairs(redis.call('SMEMBERS', WITH_WORK)) do
    local qkey = QUEUE .. queue
    local page = redis.call('ZRANGE', qkey, 0, PAGE - 1, 'WITHSCORES')
    if #page == 0 then redis.call('SREM', WITH_WORK, queue) end
    local cfg = #page > 0 and queue_config(queue) or nil
    if cfg and cfg.open then
      local start = 0
      local done = false
      while not done and start < MAX_SCAN do
        if start > 0 then page = redis.call('ZRANGE', qkey, start, start + PAGE - 1, 'WITHSCORES') end
        if #page == 0 then break end
        for i = 1, #page, 2 do
          local task, score = page[i], tonumber(page[i + 1])
          if bestScore and score >= bestScore then
            -- Everything further down this queue ranks below the best found so far.
            done = true
            break
          end
          local f = redis.call('HMGET', TASK .. task, 'channel', 'since', 'skills', 'dec')
          if free[f[1]] then
            local step = current_step(cfg, tonumber(f[2]))
            -- A task due to move queues waits for the move (task_context does it), so it is skipped here.
            if step == 0 or not cfg.overflow[step].queue then
              local want = target_team(cfg, step)
              local ok = not want or want == team
              if ok then
                local names, levels = parse_skills(cfg.skills)
                parse_skills(f[3], names, levels)
                for _, name in ipairs(names) do
                  if level(name) < levels[name] then ok = false break end
                end
              end
              if ok and not (f[4] and declined_by(task, agent)) then
                best, bestScore, bestQueue = task, score, queue
                done = true
                break
              end
            end
          end
        end
        start = start + PAGE
      end
    end
  end
  if best then
    local ctx = task_context(best)
    make_offer(best, agent, ctx, tag, basis_of(ctx, agent), 1)
    return best
  end
  return nil
end

-- Offers a queue's waiting tasks, in order, while any agent is free.
local function match_queue(queue, tag)
  if not queue_config(queue).open then return end
  local tasks = redis.call('ZRANGE', QUEUE .. queue, 0, MAX_SCAN - 1)
  for _, task in ipairs(tasks) do
    local anyone = false
    for _, channel in ipairs(CHANNELS) do
      if redis.call('ZCARD', AVAIL .. channel) > 0 then anyone = true break end
    end
    if not anyone then return end
    match_task(task, tag)
  end
end

-- Withdraws an agent's pending offer (going away or offline): a waiting task goes back and on to someone else,
-- a transfer stays with its sender.
local function withdraw_offer(agent, tag)
  local pending = redis.call('HGET', AGENT .. agent, 'offer')
  if not pending then return end
  local state = redis.call('HGET', TASK .. pending, 'state')
  if state == 'transfer' then
    cancel_transfer(pending)
    emit('withdrawn', pending, agent, NOW)
  elseif state == 'offered' then
    requeue(pending)
    emit('withdrawn', pending, agent, NOW)
    match_task(pending, tag)
  else
    redis.call('HDEL', AGENT .. agent, 'offer')
  end
end

-- Sets an agent away (or offline): ends wrap-up, leaves every available set, withdraws the pending offer.
local function set_unavailable(agent, presence, reason, tag)
  local key = ensure_agent(agent)
  end_wrap(agent, NOW)
  redis.call('HSET', key, 'presence', presence)
  if reason and reason ~= '' then
    redis.call('HSET', key, 'awayReason', reason)
  else
    redis.call('HDEL', key, 'awayReason')
  end
  refresh_agent(agent)
  withdraw_offer(agent, tag)
end

-- Every registered function's first statement: this call's keys, arguments and clock, and fresh per-call state.
local function begin(keys, args)
  OFFERS, QUEUES, AGENTS, WRAPUPS, OVERFLOW, WITH_WORK = keys[1], keys[2], keys[3], keys[4], keys[5], keys[6]
  TASK, DECLINED, AGENT, QUEUE, QCONF, STATS, AVAIL = args[1], args[2], args[3], args[4], args[5], args[6], args[7]
  NOW = tonumber(args[8])
  DEFAULT_TIMEOUT = tonumber(args[9])
  CHAT_CAPACITY = tonumber(args[10])
  DEFAULT_MAX_MISSES = tonumber(args[11])
  ARGS = args
  out = {}
  config_cache = {}
  refreshed = { agent = nil, free = nil, team = nil }
end
