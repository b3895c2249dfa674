/**
 * Points for a right choice: the base plus the bonus for the share of the time limit it came in
 * (with [2, 1, 0]: the first third earns 2, the second 1, the last 0). Answers at or past the limit
 * never reach here.
 */
export function choicePoints(opts: { correctPoints: number; speedBonus: readonly number[]; timeLimitMs: number; elapsedMs: number }): number {
  const shares = opts.speedBonus.length;
  if (shares === 0) return opts.correctPoints;
  const share = Math.floor((Math.max(0, opts.elapsedMs) * shares) / opts.timeLimitMs);
  return opts.correctPoints + (opts.speedBonus[Math.min(shares - 1, share)] ?? 0);
}
