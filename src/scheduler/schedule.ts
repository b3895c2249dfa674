import { parseCronExpression } from './cron-expression.js';
import { describeDays, parseDays } from './days.js';
import { formatTimeOfDay, looksLikeTimeOfDay, parseTimeOfDay } from './time-of-day.js';
import { parseTimezone } from './timezone.js';
import type { Schedule, ScheduleInput } from './types.js';

export type { CronSchedule, Schedule, ScheduleInput, TimeOfDaySchedule, Weekday } from './types.js';

export type ScheduleParseResult = { ok: true; schedule: Schedule } | { ok: false; error: string };

/**
 * Turns what a user typed into a Schedule, or into one sentence saying what to type
 * instead. Never throws for user input: every problem comes back as `{ ok: false }`.
 */
export function parseSchedule(input: ScheduleInput): ScheduleParseResult {
  // Checked in reading order (time, days, zone) so the first complaint matches the first mistake.
  const when = input.when.trim();
  if (when === '') return { ok: false, error: 'a time is required (use HH:MM, 00:00–23:59, or a 5-field cron expression)' };

  if (looksLikeTimeOfDay(when)) {
    const time = parseTimeOfDay(when);
    if (!time.ok) return time;
    const days = parseDays(input.days);
    if (!days.ok) return days;
    const timezone = parseTimezone(input.timezone);
    if (!timezone.ok) return timezone;
    return {
      ok: true,
      schedule: { kind: 'time-of-day', ...time.value, weekdays: days.value, timezone: timezone.value },
    };
  }

  const cron = parseCronExpression(when);
  if (!cron.ok) return cron;
  // A cron line already names its weekdays; a second, conflicting source of truth would be a trap.
  const days = input.days?.trim() ?? '';
  if (days !== '' && days.toLowerCase() !== 'daily') {
    return { ok: false, error: `\`${days}\` cannot be combined with a cron expression (put the weekdays in its fifth field)` };
  }
  const timezone = parseTimezone(input.timezone);
  if (!timezone.ok) return timezone;
  return { ok: true, schedule: { kind: 'cron', ...cron.value, timezone: timezone.value } };
}

/** For humans: "09:30 on weekdays, Europe/Berlin" or "cron `0 9 * * 1-5`, America/New_York". */
export function describeSchedule(schedule: Schedule): string {
  if (schedule.kind === 'cron') return `cron \`${schedule.expression}\`, ${schedule.timezone}`;
  return `${formatTimeOfDay(schedule)} ${describeDays(schedule.weekdays)}, ${schedule.timezone}`;
}
