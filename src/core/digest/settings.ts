import { type TimeOfDaySchedule, parseSchedule } from '../../scheduler/index.js';
import { UserError } from '../errors.js';
import type { DigestConfigureInput } from './types.js';

export const DIGEST_EXAMPLE = '`digest set sun 18:00 Europe/Berlin`';

/** One weekday, a time of day, a zone; anything else is a UserError that shows what to type. */
export function digestSchedule(input: DigestConfigureInput, timezone: string): TimeOfDaySchedule {
  const weekday = input.weekday.trim().toLowerCase();
  if (/^(daily|weekdays|weekends)$/.test(weekday) || /[,-]/.test(weekday)) {
    throw new UserError('bad-input', `The digest goes out once a week: name one day, like ${DIGEST_EXAMPLE}.`);
  }
  if (!DAY_NAMES.includes(weekday)) throw new UserError('bad-input', `\`${input.weekday.trim()}\` is not a day: use mon, tue, wed, thu, fri, sat or sun, like ${DIGEST_EXAMPLE}.`);
  if (input.time.trim().includes(' ')) throw new UserError('bad-input', `The digest takes a time of day (HH:MM), not a cron line: ${DIGEST_EXAMPLE}.`);
  const parsed = parseSchedule({ when: input.time, days: weekday, timezone });
  if (!parsed.ok) throw new UserError('bad-input', `${capitalise(parsed.error)}. For example ${DIGEST_EXAMPLE}.`);
  if (parsed.schedule.kind !== 'time-of-day') throw new UserError('bad-input', `The digest takes a time of day (HH:MM), not a cron line: ${DIGEST_EXAMPLE}.`);
  return parsed.schedule;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
