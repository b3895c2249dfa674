import type { UserRef } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { scoringKeys } from './keys.js';
import type { ProfileRecord } from './store.js';
import { EMPTY_STATS, type StatsRecord } from './stats-record.js';
import type { CategoryStat, UserStats } from './types.js';

/** A category needs this many grades before it can be called strongest or weakest. */
export const MIN_CATEGORY_GRADES = 2;

export async function statsOf(deps: ScoringDeps, user: UserRef): Promise<UserStats> {
  const [record, profile] = await Promise.all([
    deps.world.store.get<StatsRecord>(scoringKeys.stats(user, user.userId)),
    deps.world.store.get<ProfileRecord>(scoringKeys.profile(user, user.userId)),
  ]);
  return summarize(user.userId, profile?.name ?? user.name ?? user.userId, record ?? EMPTY_STATS);
}

/** Records from before `discussed` existed lack its count. */
const discussed = (r: StatsRecord): number => r.counts.discussed ?? 0;

export function summarize(userId: string, name: string, r: StatsRecord): UserStats {
  const ranked = Object.entries(r.categories)
    .filter(([, c]) => c.graded >= MIN_CATEGORY_GRADES)
    .map(([category, c]): CategoryStat => ({ category, graded: c.graded, got: c.got, rate: c.got / c.graded }))
    // Best rate first; with equal rates more evidence wins, then the name keeps the order stable.
    .sort((a, b) => b.rate - a.rate || b.graded - a.graded || a.category.localeCompare(b.category));
  return {
    userId,
    name,
    graded: r.graded,
    got: r.counts.got,
    partly: r.counts.partly,
    missed: r.counts.missed,
    discussed: discussed(r),
    gotRate: r.graded - discussed(r) > 0 ? r.counts.got / (r.graded - discussed(r)) : null,
    currentStreak: r.currentStreak,
    bestStreak: r.bestStreak,
    strongest: ranked[0] ?? null,
    weakest: ranked.length > 1 ? (ranked[ranked.length - 1] ?? null) : null,
    late: r.late,
  };
}
