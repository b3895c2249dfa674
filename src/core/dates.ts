import { wallClockAt } from '../scheduler/zoned-time.js';

/**
 * Calendar dates. A date is a day people lived: the one in the zone given (the workspace's, for boards
 * and seasons), not UTC's. Replies carry it as data (`CalendarDay` in a `dated` block, src/core/reply.ts)
 * and each platform writes it for its reader, in their own locale: Discord `<t:…:D>`, Slack
 * `<!date^…^{date_short}|…>`, the playground with `Intl` in the browser. Where no platform writes it
 * (plain text, logs, a Slack client that cannot), it falls back to `3 Dec 2026`: a month name is never
 * ambiguous the way `12/3/2026` is. Times of day go through daily/format.ts.
 */
export interface CalendarDay {
  /** `2026-12-03`: the calendar date, in the zone it was taken in. */
  day: string;
}

export const DATE_FIELDS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };

const FALLBACK = new Intl.DateTimeFormat('en-GB', { ...DATE_FIELDS, timeZone: 'UTC' });

/** The calendar day an instant falls on in `timezone`. */
export function calendarDay(at: string | Date, timezone: string): CalendarDay {
  const wall = wallClockAt((typeof at === 'string' ? new Date(at) : at).getTime(), timezone);
  return { day: `${wall.year}-${pad(wall.month)}-${pad(wall.day)}` };
}

/**
 * 10:00 UTC of the day, in epoch seconds: what a platform that shows a moment in the reader's own zone is
 * given. Zones span 26 hours (UTC−12 to UTC+14), so no instant is the same day everywhere; 10:00 UTC is
 * that day from UTC−10 (Hawaii) to UTC+13 (New Zealand in summer, Tonga), where noon UTC would give New
 * Zealand and Fiji the next day. Only UTC−11 (Niue, American Samoa) and UTC+14 (Line Islands) miss it.
 */
export function dayUnixSeconds(d: CalendarDay): number {
  return Math.floor(Date.parse(`${d.day}T10:00:00Z`) / 1000);
}

/** `3 Dec 2026`: the words a date falls back to. */
export function fallbackDate(d: CalendarDay): string {
  return FALLBACK.format(new Date(`${d.day}T12:00:00Z`));
}

/** `3 Dec 2026`, the day an instant falls on in `timezone`, as plain text (logs, errors that are only words). */
export function formatDate(at: string | Date, timezone: string): string {
  return fallbackDate(calendarDay(at, timezone));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
