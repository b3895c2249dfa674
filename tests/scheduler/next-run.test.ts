import { createTask } from 'node-cron';
import { describe, expect, it } from 'vitest';
import { nextRun, slotForKey, slotKey, slotsBetween } from '../../src/scheduler/next-run.js';
import type { Schedule } from '../../src/scheduler/schedule.js';
import { DAY, MINUTE, iso, schedule } from './helpers.js';

/** Follows nextRun `count` times from `from`, the way a long-running bot would. */
function runsFrom(parsed: Schedule, from: string, count: number): Date[] {
  const runs: Date[] = [];
  let cursor = new Date(from);
  for (let index = 0; index < count; index++) {
    cursor = nextRun(parsed, cursor);
    runs.push(cursor);
  }
  return runs;
}

const keysOf = (parsed: Schedule, slots: readonly Date[]): string[] => slots.map((slot) => slotKey(parsed, slot));

describe('nextRun through a week with a DST change', () => {
  describe('Europe/Berlin (clocks go forward 2026-03-29 02:00→03:00 and back 2026-10-25 03:00→02:00)', () => {
    const berlin = schedule('02:30', 'Europe/Berlin');

    it('fires a daily 02:30 exactly once on the spring-forward day, at 03:00 when the clock jumps', () => {
      const runs = runsFrom(berlin, '2026-03-26T00:00:00Z', 7);
      expect(iso(runs)).toEqual([
        '2026-03-26T01:30:00.000Z',
        '2026-03-27T01:30:00.000Z',
        '2026-03-28T01:30:00.000Z',
        '2026-03-29T01:00:00.000Z',
        '2026-03-30T00:30:00.000Z',
        '2026-03-31T00:30:00.000Z',
        '2026-04-01T00:30:00.000Z',
      ]);
      expect(keysOf(berlin, runs)).toEqual([
        '2026-03-26T02:30',
        '2026-03-27T02:30',
        '2026-03-28T02:30',
        '2026-03-29T03:00',
        '2026-03-30T02:30',
        '2026-03-31T02:30',
        '2026-04-01T02:30',
      ]);
    });

    it('fires a daily 02:30 exactly once on the fall-back day, at the first of the two 02:30s', () => {
      const runs = runsFrom(berlin, '2026-10-22T00:00:00Z', 7);
      expect(iso(runs)).toEqual([
        '2026-10-22T00:30:00.000Z',
        '2026-10-23T00:30:00.000Z',
        '2026-10-24T00:30:00.000Z',
        '2026-10-25T00:30:00.000Z',
        '2026-10-26T01:30:00.000Z',
        '2026-10-27T01:30:00.000Z',
        '2026-10-28T01:30:00.000Z',
      ]);
    });

    it('does not fire again at the second 02:30 of the fall-back night', () => {
      const firstOccurrence = new Date('2026-10-25T00:30:00Z');
      const secondOccurrence = new Date('2026-10-25T01:30:00Z');
      expect(slotKey(berlin, secondOccurrence)).toBe('2026-10-25T02:30');
      expect(nextRun(berlin, firstOccurrence).toISOString()).toBe('2026-10-26T01:30:00.000Z');
    });
  });

  describe('America/New_York (clocks go forward 2026-03-08 02:00→03:00 and back 2026-11-01 02:00→01:00)', () => {
    it('fires a daily 02:30 exactly once on the spring-forward day, at 03:00 EDT', () => {
      const newYork = schedule('02:30', 'America/New_York');
      const runs = runsFrom(newYork, '2026-03-05T00:00:00Z', 7);
      expect(iso(runs)).toEqual([
        '2026-03-05T07:30:00.000Z',
        '2026-03-06T07:30:00.000Z',
        '2026-03-07T07:30:00.000Z',
        '2026-03-08T07:00:00.000Z',
        '2026-03-09T06:30:00.000Z',
        '2026-03-10T06:30:00.000Z',
        '2026-03-11T06:30:00.000Z',
      ]);
      expect(slotKey(newYork, runs[3] ?? new Date(Number.NaN))).toBe('2026-03-08T03:00');
    });

    it('fires a daily 01:30 exactly once on the fall-back day, at the first 01:30 (EDT)', () => {
      const newYork = schedule('01:30', 'America/New_York');
      const runs = runsFrom(newYork, '2026-10-29T00:00:00Z', 7);
      expect(iso(runs)).toEqual([
        '2026-10-29T05:30:00.000Z',
        '2026-10-30T05:30:00.000Z',
        '2026-10-31T05:30:00.000Z',
        '2026-11-01T05:30:00.000Z',
        '2026-11-02T06:30:00.000Z',
        '2026-11-03T06:30:00.000Z',
        '2026-11-04T06:30:00.000Z',
      ]);
      expect(new Set(keysOf(newYork, runs)).size).toBe(7);
    });
  });
});

describe('nextRun edges', () => {
  const nineThirty = schedule('09:30', 'Europe/Berlin');

  it('is strictly after: asking from a slot gives the following one', () => {
    expect(nextRun(nineThirty, new Date('2026-06-01T07:30:00Z')).toISOString()).toBe('2026-06-02T07:30:00.000Z');
    expect(nextRun(nineThirty, new Date('2026-06-01T07:29:59.999Z')).toISOString()).toBe('2026-06-01T07:30:00.000Z');
  });

  it('fires a 00:00 schedule on the local date across month and year ends', () => {
    const berlinMidnight = schedule('00:00', 'Europe/Berlin');
    const berlinRuns = runsFrom(berlinMidnight, '2026-03-30T12:00:00Z', 3);
    expect(iso(berlinRuns)).toEqual(['2026-03-30T22:00:00.000Z', '2026-03-31T22:00:00.000Z', '2026-04-01T22:00:00.000Z']);
    expect(keysOf(berlinMidnight, berlinRuns)).toEqual(['2026-03-31T00:00', '2026-04-01T00:00', '2026-04-02T00:00']);

    const newYorkMidnight = schedule('00:00', 'America/New_York');
    const newYorkRuns = runsFrom(newYorkMidnight, '2026-12-30T12:00:00Z', 2);
    expect(keysOf(newYorkMidnight, newYorkRuns)).toEqual(['2026-12-31T00:00', '2027-01-01T00:00']);

    const leapMidnight = schedule('00:00', 'UTC');
    expect(keysOf(leapMidnight, runsFrom(leapMidnight, '2028-02-28T00:00:00Z', 2))).toEqual(['2028-02-29T00:00', '2028-03-01T00:00']);
  });

  it('skips Saturday and Sunday as the channel sees them, not as UTC does', () => {
    // Monday 08:00 in Auckland (UTC+13) is still Sunday in UTC.
    const auckland = schedule('08:00', 'Pacific/Auckland', 'weekdays');
    const aucklandSlots = slotsBetween(auckland, new Date('2026-03-13T00:00:00Z'), new Date('2026-03-21T00:00:00Z'));
    expect(keysOf(auckland, aucklandSlots)).toEqual(['2026-03-16T08:00', '2026-03-17T08:00', '2026-03-18T08:00', '2026-03-19T08:00', '2026-03-20T08:00']);
    expect(aucklandSlots[0]?.getUTCDay()).toBe(0);

    // Friday 20:00 in Los Angeles is already Saturday in UTC; Sunday 20:00 there is Monday in UTC.
    const losAngeles = schedule('20:00', 'America/Los_Angeles', 'weekdays');
    const laSlots = slotsBetween(losAngeles, new Date('2026-03-20T00:00:00Z'), new Date('2026-03-24T12:00:00Z'));
    expect(iso(laSlots)).toEqual(['2026-03-20T03:00:00.000Z', '2026-03-21T03:00:00.000Z', '2026-03-24T03:00:00.000Z']);
    expect(keysOf(losAngeles, laSlots)).toEqual(['2026-03-19T20:00', '2026-03-20T20:00', '2026-03-23T20:00']);
  });

  it('throws only for a schedule the parser would never produce', () => {
    const impossible: Schedule = {
      kind: 'cron',
      expression: '0 9 31 2 *',
      timezone: 'UTC',
      minutes: [0],
      hours: [9],
      daysOfMonth: [31],
      months: [2],
      weekdays: [0, 1, 2, 3, 4, 5, 6],
    };
    expect(() => nextRun(impossible, new Date('2026-01-01T00:00:00Z'))).toThrow(/never fires/);
  });
});

describe('nextRun for cron expressions, read in the schedule timezone', () => {
  it('runs weekdays at 09:00 New York time, following its DST change', () => {
    const weekdayMornings = schedule('0 9 * * 1-5', 'America/New_York');
    expect(iso(runsFrom(weekdayMornings, '2026-03-06T15:00:00Z', 2))).toEqual(['2026-03-09T13:00:00.000Z', '2026-03-10T13:00:00.000Z']);
  });

  it('gives the same line different instants in different zones', () => {
    const after = '2026-01-15T00:00:00Z';
    expect(iso(runsFrom(schedule('30 8 1 * *', 'Asia/Kolkata'), after, 2))).toEqual(['2026-02-01T03:00:00.000Z', '2026-03-01T03:00:00.000Z']);
    expect(iso(runsFrom(schedule('30 8 1 * *', 'UTC'), after, 1))).toEqual(['2026-02-01T08:30:00.000Z']);
  });

  it('folds every slot inside the spring-forward gap onto the jump, once', () => {
    const halfHourly = schedule('*/30 1-3 * * *', 'Europe/Berlin');
    const slots = slotsBetween(halfHourly, new Date('2026-03-28T23:00:00Z'), new Date('2026-03-29T02:00:00Z'));
    expect(keysOf(halfHourly, slots)).toEqual(['2026-03-29T01:00', '2026-03-29T01:30', '2026-03-29T03:00', '2026-03-29T03:30']);
  });

  it('skips the repeated hour on the fall-back night instead of running it twice', () => {
    const halfHourly = schedule('*/30 1-3 * * *', 'Europe/Berlin');
    const slots = slotsBetween(halfHourly, new Date('2026-10-24T22:00:00Z'), new Date('2026-10-25T03:00:00Z'));
    expect(iso(slots)).toEqual([
      '2026-10-24T23:00:00.000Z',
      '2026-10-24T23:30:00.000Z',
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T00:30:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T02:30:00.000Z',
    ]);
  });

  it('agrees with node-cron on every minute of a DST week, away from the gap', () => {
    const expression = '*/15 8-18 * * 1-5';
    const ours = schedule(expression, 'America/New_York');
    const from = new Date('2026-03-05T00:00:00Z');
    const to = new Date(from.getTime() + 7 * DAY);
    const slots = new Set(slotsBetween(ours, from, to).map((slot) => slot.getTime()));
    const theirs = createTask(expression, () => undefined, { timezone: 'America/New_York' });
    try {
      const disagreements: string[] = [];
      for (let minute = from.getTime() + MINUTE; minute <= to.getTime(); minute += MINUTE) {
        if (theirs.match(new Date(minute)) !== slots.has(minute)) disagreements.push(new Date(minute).toISOString());
      }
      expect(slots.size).toBe(5 * 11 * 4);
      expect(disagreements).toEqual([]);
    } finally {
      void theirs.destroy();
    }
  });
});

describe('slotsBetween', () => {
  const daily = schedule('09:30', 'UTC');

  it('excludes the start and includes the end', () => {
    const slots = slotsBetween(daily, new Date('2026-06-01T09:30:00Z'), new Date('2026-06-03T09:30:00Z'));
    expect(iso(slots)).toEqual(['2026-06-02T09:30:00.000Z', '2026-06-03T09:30:00.000Z']);
  });

  it('returns nothing for an empty or backwards window', () => {
    expect(slotsBetween(daily, new Date('2026-06-01T09:31:00Z'), new Date('2026-06-02T09:29:00Z'))).toEqual([]);
    expect(slotsBetween(daily, new Date('2026-06-05T00:00:00Z'), new Date('2026-06-01T00:00:00Z'))).toEqual([]);
  });

  it('stops at max, oldest first', () => {
    const slots = slotsBetween(daily, new Date('2026-06-01T00:00:00Z'), new Date('2026-07-01T00:00:00Z'), 3);
    expect(iso(slots)).toEqual(['2026-06-01T09:30:00.000Z', '2026-06-02T09:30:00.000Z', '2026-06-03T09:30:00.000Z']);
  });
});

describe('slotKey', () => {
  it('never gives two slots of a year the same key, DST nights included', () => {
    const nightly = schedule('*/30 0-3 * * *', 'America/New_York');
    const slots = slotsBetween(nightly, new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'), 10_000);
    const keys = keysOf(nightly, slots);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => key.startsWith('2026-03-08'))).toEqual([
      '2026-03-08T00:00',
      '2026-03-08T00:30',
      '2026-03-08T01:00',
      '2026-03-08T01:30',
      '2026-03-08T03:00',
      '2026-03-08T03:30',
    ]);
    expect(keys.filter((key) => key.startsWith('2026-11-01'))).toHaveLength(8);
  });

  it('turns back into the same slot with slotForKey', () => {
    const berlin = schedule('*/30 1-3 * * *', 'Europe/Berlin');
    for (const window of [
      ['2026-03-28T22:00:00Z', '2026-03-29T03:00:00Z'],
      ['2026-10-24T22:00:00Z', '2026-10-25T03:00:00Z'],
    ] as const) {
      for (const slot of slotsBetween(berlin, new Date(window[0]), new Date(window[1]))) {
        expect(slotForKey(berlin, slotKey(berlin, slot))?.toISOString()).toBe(slot.toISOString());
      }
    }
  });

  it('refuses keys that do not name a minute', () => {
    const berlin = schedule('09:30', 'Europe/Berlin');
    for (const key of ['yesterday', '2026-02-30T09:30', '2026-03-29T24:00', '2026-13-01T09:30', '2026-03-29 09:30']) {
      expect(slotForKey(berlin, key)).toBeUndefined();
    }
  });
});
