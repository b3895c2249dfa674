import { addDays } from './day.js';
import type { CategoryCounts, SummaryRecord } from './types.js';
import { RETENTION_DAYS } from './types.js';

export function emptySummary(): SummaryRecord {
  return { cards: 0, categories: {}, days: {}, newDay: null, newCount: 0, streakDay: null, streak: 0, bestStreak: 0 };
}

const emptyCounts = (): CategoryCounts => ({ cards: 0, mastered: 0, reviews: 0, misses: 0 });

export interface SummaryChange {
  /** The card did not exist before this review. */
  created: boolean;
  fromCategory: string | null;
  toCategory: string | null;
  wasMastered: boolean;
  isMastered: boolean;
  missed: boolean;
  /** Local day of the review. */
  day: string;
  /** A practice session's review (counts for the streak), and whether it introduced a new card. */
  practice: { introducedNew: boolean } | null;
}

/** Pure: the summary after one review. Old retention days fall off as new ones come in. */
export function applyToSummary(before: SummaryRecord, change: SummaryChange): SummaryRecord {
  const categories: Record<string, CategoryCounts> = Object.fromEntries(Object.entries(before.categories).map(([k, v]) => [k, { ...v }]));
  const counts = (name: string): CategoryCounts => {
    let c = categories[name];
    if (!c) categories[name] = c = emptyCounts();
    return c;
  };
  if (!change.created && change.fromCategory !== null) {
    const from = counts(change.fromCategory);
    from.cards--;
    if (change.wasMastered) from.mastered--;
  }
  if (change.toCategory !== null) {
    const to = counts(change.toCategory);
    to.cards++;
    if (change.isMastered) to.mastered++;
    to.reviews++;
    if (change.missed) to.misses++;
  }
  const oldest = addDays(change.day, -RETENTION_DAYS);
  const days: Record<string, [number, number]> = {};
  for (const [day, counted] of Object.entries(before.days)) if (day > oldest) days[day] = counted;
  const [reviews, kept] = days[change.day] ?? [0, 0];
  days[change.day] = [reviews + 1, kept + (change.missed ? 0 : 1)];

  const next: SummaryRecord = { ...before, cards: before.cards + (change.created ? 1 : 0), categories, days };
  if (change.practice) {
    if (change.practice.introducedNew) {
      next.newCount = before.newDay === change.day ? before.newCount + 1 : 1;
      next.newDay = change.day;
    }
    if (before.streakDay !== change.day) {
      next.streak = before.streakDay === addDays(change.day, -1) ? before.streak + 1 : 1;
      next.streakDay = change.day;
      next.bestStreak = Math.max(before.bestStreak, next.streak);
    }
  }
  return next;
}

/** New cards already introduced on `day`. */
export function newCountOn(summary: SummaryRecord | undefined, day: string): number {
  return summary && summary.newDay === day ? summary.newCount : 0;
}

/** The streak as of `day`: a run whose last day is before yesterday has ended. */
export function liveStreak(summary: SummaryRecord, day: string): number {
  return summary.streakDay === day || summary.streakDay === addDays(day, -1) ? summary.streak : 0;
}
