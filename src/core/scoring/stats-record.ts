import type { Grade } from './grades.js';

/** A person's running totals. Only ever changed by `applyGrade`, inside the grade's store transaction. */
export interface StatsRecord {
  graded: number;
  counts: Record<Grade, number>;
  late: number;
  categories: Record<string, { graded: number; got: number }>;
  /** Per channel: the last daily sequence number graded and the streak it made. */
  channels: Record<string, { lastSeq: number; streak: number }>;
  currentStreak: number;
  bestStreak: number;
}

export interface GradeFacts {
  grade: Grade;
  late: boolean;
}

export interface StatsChange {
  /** The grade this one replaces; null for a first grade. */
  before: GradeFacts | null;
  after: GradeFacts;
  category: string | null;
  /** Present only for the first grade of a daily post with a sequence number: the one moment streaks move. */
  daily?: { channelId: string; seq: number };
}

export const EMPTY_STATS: StatsRecord = {
  graded: 0,
  counts: { got: 0, partly: 0, missed: 0, discussed: 0 },
  late: 0,
  categories: {},
  channels: {},
  currentStreak: 0,
  bestStreak: 0,
};

const selfGraded = (facts: GradeFacts): number => (facts.grade === 'discussed' ? 0 : 1);

/**
 * Pure, because a store transaction may run it more than once. A changed grade applies as "take the old one
 * out, put the new one in", so any number of changes, applied in any order, add up to the last grade.
 */
export function applyGrade(current: StatsRecord | undefined, change: StatsChange): StatsRecord {
  const base = current ?? EMPTY_STATS;
  const { before, after } = change;
  // Records from before `discussed` existed have no count for it: start it at 0.
  const counts = { ...EMPTY_STATS.counts, ...base.counts };
  if (before) counts[before.grade] -= 1;
  counts[after.grade] += 1;

  const categories = { ...base.categories };
  if (change.category !== null) {
    const cat = categories[change.category] ?? { graded: 0, got: 0 };
    // Categories rank got-it rates, so a discussion (no right answer) is not one of their grades.
    categories[change.category] = {
      graded: cat.graded + selfGraded(after) - (before ? selfGraded(before) : 0),
      got: cat.got + (after.grade === 'got' ? 1 : 0) - (before?.grade === 'got' ? 1 : 0),
    };
  }

  const next: StatsRecord = {
    ...base,
    graded: base.graded + (before ? 0 : 1),
    counts,
    late: base.late + (after.late ? 1 : 0) - (before?.late ? 1 : 0),
    categories,
  };
  if (!change.daily) return next;

  const { channelId, seq } = change.daily;
  const last = base.channels[channelId];
  // An older post graded after a newer one neither extends nor breaks the streak: windows can overlap.
  if (last && seq <= last.lastSeq) return next;
  const streak = last && seq === last.lastSeq + 1 ? last.streak + 1 : 1;
  return {
    ...next,
    channels: { ...base.channels, [channelId]: { lastSeq: seq, streak } },
    currentStreak: streak,
    bestStreak: Math.max(base.bestStreak, streak),
  };
}
