import { DAYS_PER_GREGORIAN_CYCLE, MS_PER_DAY, MS_PER_MINUTE, dayNumberOf } from './civil-date.js';
import type { Schedule } from './types.js';
import { wallClockRuleFor } from './wall-clock-rule.js';
import { instantForWall, wallClockAt } from './zoned-time.js';

/*
 * Pure slot arithmetic: no clock, no timers, only Intl for the zone rules.
 *
 * DST, in one README-ready sentence: a time that does not exist because clocks spring
 * forward fires once, at the moment the clock jumps (02:30 on a 02:00→03:00 night posts
 * at 03:00), and a time that happens twice because clocks fall back fires once, at its
 * first occurrence (01:30 on a 02:00→01:00 night posts at the first 01:30).
 *
 * Slot keys are the local wall-clock minute the slot actually fires at, so the skipped
 * 02:30 above is keyed `…T03:00`. Neither rule can produce two slots with the same key.
 */

/** The first slot strictly after `after`. Throws only for a schedule parseSchedule would have refused. */
export function nextRun(schedule: Schedule, after: Date): Date {
  for (const slot of slotsAfter(schedule, after.getTime())) return new Date(slot);
  throw new Error(`schedule never fires: ${JSON.stringify(schedule)}`);
}

/** Every slot in (fromExclusive, toInclusive], oldest first, at most `max` of them. */
export function slotsBetween(schedule: Schedule, fromExclusive: Date, toInclusive: Date, max = 1000): Date[] {
  const toMs = toInclusive.getTime();
  // One local day of slack past `to` covers any zone offset; beyond it nothing can be ≤ to.
  const lastDay = localDayNumber(toMs, schedule.timezone) + 1;
  const slots: Date[] = [];
  for (const slot of slotsAfter(schedule, fromExclusive.getTime(), lastDay)) {
    if (slot > toMs || slots.length >= max) break;
    slots.push(new Date(slot));
  }
  return slots;
}

/** The slot's local wall-clock minute in the schedule's zone, e.g. `2026-03-29T09:30`. */
export function slotKey(schedule: Schedule, slot: Date): string {
  const wall = wallClockAt(slot.getTime(), schedule.timezone);
  const pad = (value: number, width = 2): string => String(value).padStart(width, '0');
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The instant a slotKey names in the schedule's zone, or undefined when the key is malformed. */
export function slotForKey(schedule: Schedule, key: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(key.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return undefined;
  const wallMs = Date.UTC(year, month - 1, day, hour, minute);
  if (new Date(wallMs).getUTCDate() !== day) return undefined; // e.g. 2026-02-30
  return new Date(instantForWall(wallMs, schedule.timezone));
}

/**
 * Slot instants strictly after `afterMs`, strictly increasing. Wall times that DST folds
 * onto the same instant (the whole gap lands on the jump) come out once.
 */
function* slotsAfter(schedule: Schedule, afterMs: number, lastDay?: number): Generator<number> {
  const rule = wallClockRuleFor(schedule);
  const zone = schedule.timezone;
  // Start a day early: in zones far from UTC a slot on the previous local date can still lie ahead.
  const firstDay = localDayNumber(afterMs, zone) - 1;
  const finalDay = lastDay ?? firstDay + DAYS_PER_GREGORIAN_CYCLE + 1;
  let latest = afterMs;

  for (let day = firstDay; day <= finalDay; day++) {
    if (!rule.matchesDay(day)) continue;
    const instantOf = (index: number): number => instantForWall(day * MS_PER_DAY + (rule.minutesOfDay[index] ?? 0) * MS_PER_MINUTE, zone);

    for (let index = firstIndexAfter(rule.minutesOfDay.length, instantOf, latest); index < rule.minutesOfDay.length; index++) {
      const instant = instantOf(index);
      if (instant <= latest) continue;
      latest = instant;
      yield instant;
    }
  }
}

/** Binary search over one day's slots; valid because instantForWall never runs backwards. */
function firstIndexAfter(count: number, instantOf: (index: number) => number, afterMs: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (instantOf(middle) > afterMs) high = middle;
    else low = middle + 1;
  }
  return low;
}

function localDayNumber(instantMs: number, timeZone: string): number {
  return dayNumberOf(wallClockAt(instantMs, timeZone));
}
