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
