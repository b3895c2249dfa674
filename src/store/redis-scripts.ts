/**
 * Lua runs atomically on the server, which gives us snapshots and conditional
 * writes that a sequence of separate commands from the client could not.
 */

/**
 * Compare-and-swap for update(). ARGV: 'absent' | 'present', the raw value read,
 * the new raw value. Plain SET also drops any TTL, as update's contract says.
 */
export const COMPARE_AND_SET = `
local current = redis.call('GET', KEYS[1])
if ARGV[1] == 'absent' then
  if current then return 0 end
elseif current ~= ARGV[2] then
  return 0
end
redis.call('SET', KEYS[1], ARGV[3])
return 1`;

/** renew(): ARGV: the raw value read, the new raw value, the ttl in ms. Replaces only what was read. */
export const RENEW_IF_UNCHANGED = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

/** release(): ARGV: the raw value read. Deletes only what was read. */
export const DELETE_IF_UNCHANGED = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1`;

/**
 * Top n with ties by member ascending. ZREVRANGE orders ties by member descending,
 * so the members tied at the cut-off score are fetched with ZRANGEBYSCORE, which
 * lists equal scores in ascending member order. Returns flat member/score pairs;
 * the client sorts them into final order.
 */
export const BOARD_TOP = `
local n = tonumber(ARGV[1])
local top = redis.call('ZREVRANGE', KEYS[1], 0, n - 1, 'WITHSCORES')
if #top < 2 * n then return top end
local cutoff = top[#top]
local above = redis.call('ZCOUNT', KEYS[1], '(' .. cutoff, '+inf')
local result = {}
for i = 1, 2 * above do result[i] = top[i] end
local tied = redis.call('ZRANGEBYSCORE', KEYS[1], cutoff, cutoff, 'LIMIT', 0, n - above)
for _, member in ipairs(tied) do
  result[#result + 1] = member
  result[#result + 1] = cutoff
end
return result`;

/**
 * Rank with ties by member ascending: members with a higher score, plus members
 * with the same score that sort before this one (ZRANK counts those, after every
 * lower score). Returns nil, or { rank, score as a string } since Lua numbers
 * would truncate a fractional score.
 */
export const BOARD_RANK = `
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not score then return nil end
local above = redis.call('ZCOUNT', KEYS[1], '(' .. score, '+inf')
local below = redis.call('ZCOUNT', KEYS[1], '-inf', '(' .. score)
local ascending = redis.call('ZRANK', KEYS[1], ARGV[1])
return { above + (ascending - below) + 1, score }`;

/**
 * transact()'s snapshot: the raw values of KEYS[1..ARGV[1]] and, for the remaining KEYS (boards), the
 * scores of the members in ARGV[2..], all read at one instant. Missing ones come back as nil.
 */
export const TRANSACTION_READ = `
local n = tonumber(ARGV[1])
local out = {}
for i = 1, n do out[i] = redis.call('GET', KEYS[i]) end
for i = n + 1, #KEYS do out[i] = redis.call('ZSCORE', KEYS[i], ARGV[i - n + 1]) end
return out`;

/**
 * transact()'s commit. ARGV[1] is JSON: `reads` (key index, raw value or false), `scores` (key index,
 * member, score as text or false), `sets` (key index, raw value), `adds` (key index, member, delta and
 * floor as text, floor false when none). Everything is checked before the first write, so the script
 * either changes nothing (returns 0 when something it read has changed since) or applies every write:
 * a script that failed halfway would keep its earlier writes, as Redis does not roll scripts back.
 */
export const TRANSACTION_COMMIT = `
local plan = cjson.decode(ARGV[1])
for _, r in ipairs(plan.reads) do
  local t = redis.call('TYPE', KEYS[r[1]]).ok
  if t ~= 'string' and t ~= 'none' then return redis.error_reply('WRONGTYPE transaction value ' .. KEYS[r[1]] .. ' is not a string') end
  local current = redis.call('GET', KEYS[r[1]])
  if current ~= r[2] then return 0 end
end
for _, s in ipairs(plan.scores) do
  local t = redis.call('TYPE', KEYS[s[1]]).ok
  if t ~= 'zset' and t ~= 'none' then return redis.error_reply('WRONGTYPE transaction board ' .. KEYS[s[1]] .. ' is not a sorted set') end
  local current = redis.call('ZSCORE', KEYS[s[1]], s[2])
  if current ~= s[3] then return 0 end
end
for _, a in ipairs(plan.adds) do
  local t = redis.call('TYPE', KEYS[a[1]]).ok
  if t ~= 'zset' and t ~= 'none' then return redis.error_reply('WRONGTYPE transaction board ' .. KEYS[a[1]] .. ' is not a sorted set') end
end
for _, s in ipairs(plan.sets) do redis.call('SET', KEYS[s[1]], s[2]) end
for _, a in ipairs(plan.adds) do
  local score = tonumber(redis.call('ZINCRBY', KEYS[a[1]], a[3], a[2]))
  if a[4] and score < tonumber(a[4]) then redis.call('ZADD', KEYS[a[1]], a[4], a[2]) end
end
return 1`;
