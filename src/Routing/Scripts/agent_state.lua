-- ARGV[8] agent id. Read-only, but one script so presence, load and the offer come from one instant.
-- Returns presence, load, pending conversation id (0 if none), its expiry ms (0 if none).
local agent = ARGV[8]
local f = redis.call('HMGET', AGENT .. agent, 'presence', 'load', 'offer')
local expires = 0
if f[3] then
  expires = redis.call('HGET', TASK .. f[3], 'expiresAt') or 0
end
return { f[1] or 'offline', tonumber(f[2]) or 0, f[3] or 0, expires }
