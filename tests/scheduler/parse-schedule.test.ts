import { describe, expect, it } from 'vitest';
import { describeSchedule, parseSchedule } from '../../src/scheduler/schedule.js';
import type { ScheduleInput } from '../../src/scheduler/schedule.js';
import { schedule } from './helpers.js';

const errorOf = (input: ScheduleInput): string => {
  const result = parseSchedule(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.error;
};

describe('parseSchedule reads a time of day', () => {
  it.each([
    ['09:30', 9, 30],
    ['9:05', 9, 5],
    ['00:00', 0, 0],
    ['23:59', 23, 59],
    ['9am', 9, 0],
    ['9:30pm', 21, 30],
    ['9:30 PM', 21, 30],
    ['12am', 0, 0],
    ['12:15pm', 12, 15],
  ])('reads %s as %i:%i', (when, hour, minute) => {
    expect(parseSchedule({ when, timezone: 'UTC' })).toEqual({
      ok: true,
      schedule: { kind: 'time-of-day', hour, minute, weekdays: [0, 1, 2, 3, 4, 5, 6], timezone: 'UTC' },
    });
  });

  it.each([
    [undefined, [0, 1, 2, 3, 4, 5, 6]],
    ['daily', [0, 1, 2, 3, 4, 5, 6]],
    ['weekdays', [1, 2, 3, 4, 5]],
    ['weekends', [0, 6]],
    ['mon,wed,fri', [1, 3, 5]],
    ['Mon, Wed , FRI', [1, 3, 5]],
    ['mon-fri', [1, 2, 3, 4, 5]],
    ['fri-mon', [0, 1, 5, 6]],
    ['tuesday,thursday', [2, 4]],
    ['weekends,wed', [0, 3, 6]],
  ])('reads days %s as weekdays %j (0 = Sunday)', (days, weekdays) => {
    const parsed = schedule('09:30', 'UTC', days);
    expect(parsed.kind === 'time-of-day' && parsed.weekdays).toEqual(weekdays);
  });
});

describe('parseSchedule reads the timezone', () => {
  it('accepts UTC and IANA names, storing the canonical spelling', () => {
    expect(schedule('09:30', 'UTC').timezone).toBe('UTC');
    expect(schedule('09:30', 'Europe/Berlin').timezone).toBe('Europe/Berlin');
    expect(schedule('09:30', 'europe/berlin').timezone).toBe('Europe/Berlin');
    expect(schedule('09:30', ' America/New_York ').timezone).toBe('America/New_York');
    // The runtime's ICU renames these (Asia/Calcutta, Europe/Kiev); people read back what they wrote.
    expect(schedule('09:30', 'Asia/Kolkata').timezone).toBe('Asia/Kolkata');
    expect(schedule('09:30', 'Europe/Kyiv').timezone).toBe('Europe/Kyiv');
  });
});

describe('parseSchedule reads a cron expression', () => {
  it('expands its fields, with names and ranges resolved', () => {
    expect(parseSchedule({ when: '0 9 * * mon-fri', timezone: 'America/New_York' })).toEqual({
      ok: true,
      schedule: {
        kind: 'cron',
        expression: '0 9 * * mon-fri',
        timezone: 'America/New_York',
        minutes: [0],
        hours: [9],
        daysOfMonth: Array.from({ length: 31 }, (_, index) => index + 1),
        months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        weekdays: [1, 2, 3, 4, 5],
      },
    });
  });

  it('normalises spacing and treats weekday 7 as Sunday', () => {
    const parsed = schedule('  */20   8-9  1,15 jan-mar  7 ', 'UTC');
    expect(parsed).toMatchObject({
      kind: 'cron',
      expression: '*/20 8-9 1,15 jan-mar 7',
      minutes: [0, 20, 40],
      hours: [8, 9],
      daysOfMonth: [1, 15],
      months: [1, 2, 3],
      weekdays: [0],
    });
  });

  it('accepts `daily` next to a cron line, since it adds no restriction', () => {
    expect(parseSchedule({ when: '0 9 * * 1', timezone: 'UTC', days: 'daily' }).ok).toBe(true);
  });
});

describe('parseSchedule explains what is wrong', () => {
  it.each<[string, ScheduleInput, string]>([
    ['an hour past 23', { when: '25:00', timezone: 'UTC' }, '`25:00` is not a time (use HH:MM, 00:00–23:59)'],
    ['a minute past 59', { when: '9:60', timezone: 'UTC' }, '`9:60` is not a time (use HH:MM, 00:00–23:59)'],
    ['13pm', { when: '13pm', timezone: 'UTC' }, '`13pm` is not a time (use HH:MM, 00:00–23:59)'],
    ['a word', { when: 'noon', timezone: 'UTC' }, '`noon` is not a time (use HH:MM, 00:00–23:59)'],
    ['an unknown zone', { when: '09:30', timezone: 'Mars/Olympus' }, '`Mars/Olympus` is not a timezone (use an IANA name like Europe/Berlin)'],
    ['a fixed offset, which would ignore DST', { when: '09:30', timezone: '+02:00' }, '`+02:00` is not a timezone (use an IANA name like Europe/Berlin)'],
    ['an empty zone', { when: '09:30', timezone: ' ' }, 'a timezone is required (use an IANA name like Europe/Berlin)'],
    ['an unknown day', { when: '09:30', timezone: 'UTC', days: 'funday' }, '`funday` is not a day (use mon–sun, weekdays, weekends or daily)'],
    ['an unknown day inside a list', { when: '09:30', timezone: 'UTC', days: 'mon,funday' }, '`funday` is not a day (use mon–sun, weekdays, weekends or daily)'],
    ['a broken range', { when: '09:30', timezone: 'UTC', days: 'mon-someday' }, '`mon-someday` is not a day (use mon–sun, weekdays, weekends or daily)'],
    ['too few cron fields', { when: '* * *', timezone: 'UTC' }, '`* * *` is not a cron expression (need 5 fields: minute hour day month weekday)'],
    ['a seconds field', { when: '0 0 9 * * *', timezone: 'UTC' }, '`0 0 9 * * *` is not a cron expression (need 5 fields: minute hour day month weekday)'],
    ['a cron value out of range', { when: '61 * * * *', timezone: 'UTC' }, '`61 * * * *` is not a cron expression (`61` is not a minute: use 0–59)'],
    ['a month that does not exist', { when: '0 9 * 13 *', timezone: 'UTC' }, '`0 9 * 13 *` is not a cron expression (`13` is not a month: use 1–12 or jan–dec)'],
    ['a date that never happens', { when: '0 9 30 2 *', timezone: 'UTC' }, '`0 9 30 2 *` is not a cron expression (it never fires: that day does not exist in those months)'],
    [
      'a node-cron extension our maths does not model',
      { when: '0 9 L * *', timezone: 'UTC' },
      '`0 9 L * *` is not a supported cron expression (L, W and # are not supported; use numbers, names, ranges, lists and steps)',
    ],
    [
      'days next to a cron line',
      { when: '0 9 * * *', timezone: 'UTC', days: 'weekdays' },
      '`weekdays` cannot be combined with a cron expression (put the weekdays in its fifth field)',
    ],
    ['an empty time', { when: '  ', timezone: 'UTC' }, 'a time is required (use HH:MM, 00:00–23:59, or a 5-field cron expression)'],
  ])('refuses %s', (_case, input, message) => {
    expect(errorOf(input)).toBe(message);
  });

  it('complains about the time before the timezone when both are wrong', () => {
    expect(errorOf({ when: '25:00', timezone: 'Mars/Olympus' })).toMatch(/^`25:00` is not a time/);
  });

  it.each(['', '::', '9:3', '-1:00', '0am', '24:00', '@daily', 'a b c d e', '* * * * * * *', '*/0 * * * *', '0 9 ? ? ?'])(
    'returns an error rather than throwing for %j',
    (when) => {
      expect(() => parseSchedule({ when, timezone: 'UTC', days: 'nope' })).not.toThrow();
      expect(parseSchedule({ when, timezone: 'UTC' }).ok).toBe(false);
    },
  );
});

describe('describeSchedule', () => {
  it.each([
    ['09:30 on weekdays, Europe/Berlin', schedule('9:30', 'Europe/Berlin', 'weekdays')],
    ['09:30 every day, Europe/Berlin', schedule('9:30', 'Europe/Berlin')],
    ['10:00 on weekends, UTC', schedule('10am', 'UTC', 'weekends')],
    ['17:05 on Mon, Wed, Fri, UTC', schedule('17:05', 'UTC', 'fri,mon,wed')],
    ['00:00 on Mon–Wed, Sat, UTC', schedule('0:00', 'UTC', 'sat,mon-wed')],
    ['cron `0 9 * * 1-5`, America/New_York', schedule('0 9 * * 1-5', 'America/New_York')],
  ])('says "%s"', (text, parsed) => {
    expect(describeSchedule(parsed)).toBe(text);
  });
});
