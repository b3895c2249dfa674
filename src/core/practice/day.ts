import { civilDateOf, dayNumberOf } from '../../scheduler/civil-date.js';
import { instantForWall } from '../../scheduler/zoned-time.js';
import { localDate } from '../scoring/periods.js';

/** `2026-12-04`: the calendar day a person is living at `at`, in their zone. */
export function localDay(at: Date, timeZone: string): string {
  const { year, month, day } = localDate(at, timeZone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The local day `days` after `day` (`2026-12-31` + 1 → `2027-01-01`). */
export function addDays(day: string, days: number): string {
  const [year = 0, month = 0, date = 0] = day.split('-').map(Number);
  const next = civilDateOf(dayNumberOf({ year, month, day: date }) + days);
  return `${next.year}-${String(next.month).padStart(2, '0')}-${String(next.day).padStart(2, '0')}`;
}

/**
 * The instant the local day `plusDays` after today ends, i.e. the next local midnight after it: a
 * 23- or 25-hour day around a DST change ends at its real midnight, not 24 hours after the last one.
 */
export function endOfLocalDay(at: Date, timeZone: string, plusDays = 0): number {
  const [year = 0, month = 0, day = 0] = addDays(localDay(at, timeZone), plusDays + 1)
    .split('-')
    .map(Number);
  return instantForWall(Date.UTC(year, month - 1, day), timeZone);
}
