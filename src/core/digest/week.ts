import { civilDateOf, dayNumberOf, weekdayOf } from '../../scheduler/civil-date.js';
import { isoWeekOf, localDate, weekLabelOf } from '../scoring/periods.js';

export interface DigestWeek {
  /** `2026-W48`, the id the scoring week boards carry. */
  id: string;
  /** The ISO week before it, for movement and participation. */
  previousId: string;
  /** `week 48, 2026 (23 Nov – 29 Nov)`, as the leaderboard says it. */
  label: string;
}

/**
 * The week a digest posted at `at` reports on, read in the channel's zone: the latest ISO week
 * (Monday–Sunday) whose Sunday is on or before the local date. A Sunday evening digest so covers the
 * week it ends (grades given after it still count on the boards, not in the digest), a Monday morning
 * one the week that ended the night before.
 */
export function weekJustEnded(at: Date, timeZone: string): DigestWeek {
  const day = dayNumberOf(localDate(at, timeZone));
  const sunday = day - weekdayOf(day);
  return { id: weekIdOf(sunday), previousId: weekIdOf(sunday - 7), label: weekLabelOf(civilDateOf(sunday)) };
}

function weekIdOf(dayNumber: number): string {
  const { year, week } = isoWeekOf(civilDateOf(dayNumber));
  return `${year}-W${String(week).padStart(2, '0')}`;
}
