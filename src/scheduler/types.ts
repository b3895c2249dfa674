/** 0 = Sunday … 6 = Saturday, the numbering cron and Date#getUTCDay share. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** "Post at HH:MM on these weekdays", read in the channel's own timezone. */
export interface TimeOfDaySchedule {
  readonly kind: 'time-of-day';
  readonly hour: number;
  readonly minute: number;
  /** Sorted ascending, never empty; all seven means daily. */
  readonly weekdays: readonly Weekday[];
  readonly timezone: string;
}

/**
 * A 5-field cron expression, kept verbatim for display plus its expanded fields so the
 * next-run maths never has to re-parse. Day-of-month and weekday must BOTH match, as in
 * node-cron (classic Vixie cron would OR them when both are restricted).
 */
export interface CronSchedule {
  readonly kind: 'cron';
  readonly expression: string;
  readonly timezone: string;
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly number[];
  readonly months: readonly number[];
  readonly weekdays: readonly Weekday[];
}

/** Plain data (JSON-safe) so callers may persist it, though re-parsing the input is cheaper to migrate. */
export type Schedule = TimeOfDaySchedule | CronSchedule;

export interface ScheduleInput {
  when: string;
  timezone: string;
  days?: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };
