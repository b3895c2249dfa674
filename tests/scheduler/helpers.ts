import { parseSchedule } from '../../src/scheduler/schedule.js';
import type { Schedule, ScheduleInput } from '../../src/scheduler/schedule.js';

/** Parses a schedule a test knows to be valid, failing loudly with the parser's message if not. */
export function schedule(when: string, timezone: string, days?: string): Schedule {
  const input: ScheduleInput = days === undefined ? { when, timezone } : { when, timezone, days };
  const result = parseSchedule(input);
  if (!result.ok) throw new Error(`test schedule did not parse: ${result.error}`);
  return result.schedule;
}

export const iso = (dates: readonly Date[]): string[] => dates.map((date) => date.toISOString());

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A promise the test settles by hand, to hold a handler mid-flight. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}
