import { MS_PER_DAY } from './civil-date.js';

/**
 * Converting between instants and a zone's wall clock using nothing but Intl.
 *
 * A "wall time" is written as milliseconds too: the local date and time read as if it
 * were UTC (Date.UTC(y, m, d, h, min)). That keeps the arithmetic in plain numbers and
 * makes "offset" simply `wall - instant`.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // h23, not hour12:false: the latter renders midnight as "24" in some ICU versions.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function wallClockAt(instantMs: number, timeZone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instantMs)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

export function wallMsOf(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
}

/** The zone's UTC offset in force at an instant, in ms (east positive). */
export function offsetMsAt(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  return wallMsOf(wallClockAt(wholeSecond, timeZone)) - wholeSecond;
}

/**
 * The instant at which a zone's wall clock shows `wallMs`, with the two DST rules:
 *
 * - Repeated (fall-back): a wall time that happens twice maps to its FIRST occurrence.
 * - Skipped (spring-forward gap): a wall time that never happens maps to the first
 *   instant after the gap, i.e. the moment the clock jumps (02:30 Europe/Berlin on
 *   2026-03-29 → 03:00 CEST). Every wall time in the gap lands on that one instant, so a
 *   daily 02:30 still fires exactly once that day, and an every-15-minutes cron fires
 *   once at 03:00 rather than four times at once.
 *
 * Both rules keep this function monotonic (a later wall time never maps to an earlier
 * instant), which is what lets next-run binary-search a day.
 */
export function instantForWall(wallMs: number, timeZone: string): number {
  // A day either side is safely clear of the transition we might be sitting on (offsets stay within ±14h).
  const offsetBefore = offsetMsAt(wallMs - MS_PER_DAY, timeZone);
  const offsetAfter = offsetMsAt(wallMs + MS_PER_DAY, timeZone);

  const earliest = wallMs - Math.max(offsetBefore, offsetAfter);
  const latest = wallMs - Math.min(offsetBefore, offsetAfter);
  for (const candidate of [earliest, latest]) {
    if (offsetMsAt(candidate, timeZone) === wallMs - candidate) return candidate;
  }

  if (offsetAfter <= offsetBefore) return wallMs - offsetBefore; // no gap to explain it; stay predictable

  // In a gap: the transition lies in (wall - offsetAfter, wall - offsetBefore]. Find it to the second.
  let stillBefore = wallMs - offsetAfter;
  let alreadyAfter = wallMs - offsetBefore;
  while (alreadyAfter - stillBefore > 1000) {
    const middle = stillBefore + Math.floor((alreadyAfter - stillBefore) / 2000) * 1000;
    if (offsetMsAt(middle, timeZone) === offsetBefore) stillBefore = middle;
    else alreadyAfter = middle;
  }
  return alreadyAfter;
}
