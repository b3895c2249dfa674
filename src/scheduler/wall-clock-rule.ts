import { civilDateOf, weekdayOf } from './civil-date.js';
import type { Schedule } from './types.js';

/**
 * Both schedule kinds reduced to one shape: which local calendar days qualify, and which
 * local minutes of such a day. next-run only ever talks to this.
 */
export interface WallClockRule {
  /** Minutes since local midnight, sorted ascending, no duplicates, never empty. */
  readonly minutesOfDay: readonly number[];
  matchesDay(dayNumber: number): boolean;
}

const cache = new WeakMap<Schedule, WallClockRule>();

export function wallClockRuleFor(schedule: Schedule): WallClockRule {
  const cached = cache.get(schedule);
  if (cached) return cached;
  const rule = build(schedule);
  cache.set(schedule, rule);
  return rule;
}

function build(schedule: Schedule): WallClockRule {
  const weekdays = new Set<number>(schedule.weekdays);
  if (schedule.kind === 'time-of-day') {
    return {
      minutesOfDay: [schedule.hour * 60 + schedule.minute],
      matchesDay: (dayNumber) => weekdays.has(weekdayOf(dayNumber)),
    };
  }

  const months = new Set(schedule.months);
  const daysOfMonth = new Set(schedule.daysOfMonth);
  const minutesOfDay = [...new Set(schedule.hours.flatMap((hour) => schedule.minutes.map((minute) => hour * 60 + minute)))];
  minutesOfDay.sort((a, b) => a - b);
  return {
    minutesOfDay,
    matchesDay: (dayNumber) => {
      if (!weekdays.has(weekdayOf(dayNumber))) return false;
      const { month, day } = civilDateOf(dayNumber);
      return months.has(month) && daysOfMonth.has(day);
    },
  };
}
