import { type CivilDate, civilDateOf, dayNumberOf, weekdayOf } from '../../scheduler/civil-date.js';
import { wallClockAt } from '../../scheduler/zoned-time.js';

/**
 * Weeks and months as a workspace lives them: the calendar date in its timezone decides, so a grade
 * on Sunday 23:30 in New York belongs to that week even though it is Monday in UTC.
 */
export function localDate(at: Date, timeZone: string): CivilDate {
  const wall = wallClockAt(at.getTime(), timeZone);
  return { year: wall.year, month: wall.month, day: wall.day };
}

/** ISO 8601 week: weeks start on Monday and belong to the year that holds their Thursday. */
export function isoWeekOf(date: CivilDate): { year: number; week: number; monday: CivilDate; sunday: CivilDate } {
  const day = dayNumberOf(date);
  const isoWeekday = ((weekdayOf(day) + 6) % 7) + 1;
  const thursday = day - isoWeekday + 4;
  const year = civilDateOf(thursday).year;
  const week = Math.floor((thursday - dayNumberOf({ year, month: 1, day: 1 })) / 7) + 1;
  return { year, week, monday: civilDateOf(thursday - 3), sunday: civilDateOf(thursday + 3) };
}

/** `2026-W48` */
export function weekId(at: Date, timeZone: string): string {
  const { year, week } = isoWeekOf(localDate(at, timeZone));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** `2026-11` */
export function monthId(at: Date, timeZone: string): string {
  const { year, month } = localDate(at, timeZone);
  return `${year}-${String(month).padStart(2, '0')}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Day before month, as core/dates.ts writes a calendar date (`23 Nov`), so the two never disagree on order. */
const shortDate = (d: CivilDate): string => `${d.day} ${(MONTHS[d.month - 1] ?? '').slice(0, 3)}`;

/** `week 48, 2026 (23 Nov – 29 Nov)`: the ISO week holding `date`. */
export function weekLabelOf(date: CivilDate): string {
  const { year, week, monday, sunday } = isoWeekOf(date);
  return `week ${week}, ${year} (${shortDate(monday)} – ${shortDate(sunday)})`;
}

/** `week 48, 2026 (23 Nov – 29 Nov)` */
export function weekLabel(at: Date, timeZone: string): string {
  return weekLabelOf(localDate(at, timeZone));
}

/** `November 2026` */
export function monthLabel(at: Date, timeZone: string): string {
  const { year, month } = localDate(at, timeZone);
  return `${MONTHS[month - 1] ?? month} ${year}`;
}
