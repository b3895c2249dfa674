import { validateDetailed } from 'node-cron';
import type { CronSchedule, Parsed, Weekday } from './types.js';

type CronFields = Omit<CronSchedule, 'kind' | 'timezone'>;

const FIELD_HINTS: Readonly<Record<string, string>> = {
  minute: 'a minute: use 0–59',
  hour: 'an hour: use 0–23',
  dayOfMonth: 'a day of the month: use 1–31',
  month: 'a month: use 1–12 or jan–dec',
  dayOfWeek: 'a weekday: use 0–7 or sun–sat',
};

/**
 * A classic 5-field cron line, validated by node-cron itself so we accept exactly what the
 * library that wakes us accepts. We still count fields ourselves because node-cron also
 * takes 6 (with seconds) and @nicknames, and a daily question has no use for seconds.
 * node-cron's L / W / # day tokens are refused: our next-run maths does not model them,
 * and accepting a schedule we would then mis-fire is worse than saying no up front.
 */
export function parseCronExpression(input: string): Parsed<CronFields> {
  const fields = input
    .trim()
    .split(/\s+/)
    .filter((field) => field !== '');
  const expression = fields.join(' ');
  const notCron = (why: string): Parsed<CronFields> => ({
    ok: false,
    error: `\`${expression}\` is not a cron expression (${why})`,
  });

  if (fields.length !== 5) return notCron('need 5 fields: minute hour day month weekday');

  const result = validateDetailed(expression);
  if (!result.valid || !result.fields) {
    const first = result.errors[0];
    if (first?.message.includes('impossible')) return notCron('it never fires: that day does not exist in those months');
    const hint = first ? FIELD_HINTS[first.field] : undefined;
    if (first && hint) return notCron(`\`${first.value ?? ''}\` is not ${hint}`);
    return notCron('use digits, names, *, ranges a-b, lists a,b and steps */n');
  }

  const { minute, hour, dayOfMonth, month, dayOfWeek } = result.fields;
  const daysOfMonth = onlyNumbers(dayOfMonth);
  const weekdays = onlyNumbers(dayOfWeek);
  if (!daysOfMonth || !weekdays) {
    return {
      ok: false,
      error: `\`${expression}\` is not a supported cron expression (L, W and # are not supported; use numbers, names, ranges, lists and steps)`,
    };
  }

  return {
    ok: true,
    value: {
      expression,
      minutes: sorted(minute),
      hours: sorted(hour),
      daysOfMonth: sorted(daysOfMonth),
      months: sorted(month),
      weekdays: sorted(weekdays.map((day) => (day % 7) as Weekday)),
    },
  };
}

function onlyNumbers(values: readonly (number | string)[]): number[] | undefined {
  const numbers = values.filter((value): value is number => typeof value === 'number');
  return numbers.length === values.length ? numbers : undefined;
}

function sorted<T extends number>(values: readonly T[]): T[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
