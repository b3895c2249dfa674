import { describe, expect, it } from 'vitest';
import { DAY, HOUR, type Harness, admin, channel, createHarness, otherChannel, postRecords } from './helpers.js';

const localTime = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));

describe('a week of daily posts across a DST change', () => {
  it('posts once a day at 09:30 Berlin time through the end of summer time on 2026-10-25', async () => {
    const h = await createHarness({ start: '2026-10-21T12:00:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();

    await h.runFor(7 * DAY);

    expect(h.platform.posts('general')).toHaveLength(7);
    const times = await postTimes(h);
    expect(times).toEqual([
      '2026-10-22T07:30:00.000Z',
      '2026-10-23T07:30:00.000Z',
      '2026-10-24T07:30:00.000Z',
      '2026-10-25T08:30:00.000Z', // clocks went back overnight: 09:30 CET is an hour later in UTC
      '2026-10-26T08:30:00.000Z',
      '2026-10-27T08:30:00.000Z',
      '2026-10-28T08:30:00.000Z',
    ]);
    expect(times.map((t) => localTime(t, 'Europe/Berlin'))).toEqual(Array(7).fill('09:30'));
    await h.daily.stop();
  });

  it('posts once a day at 09:30 New York time through the end of daylight time on 2026-11-01, next to a Berlin channel', async () => {
    const h = await createHarness({ start: '2026-10-28T18:00:00Z' });
    await h.daily.configure(otherChannel, { when: '09:30', timezone: 'America/New_York' }, admin);
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();

    await h.runFor(7 * DAY);

    const newYork = await postTimes(h, 'C-study');
    expect(newYork).toEqual([
      '2026-10-29T13:30:00.000Z',
      '2026-10-30T13:30:00.000Z',
      '2026-10-31T13:30:00.000Z',
      '2026-11-01T14:30:00.000Z', // EST from today: 09:30 is 14:30Z
      '2026-11-02T14:30:00.000Z',
      '2026-11-03T14:30:00.000Z',
      '2026-11-04T14:30:00.000Z',
    ]);
    expect(newYork.map((t) => localTime(t, 'America/New_York'))).toEqual(Array(7).fill('09:30'));
    const berlin = await postTimes(h, 'general');
    expect(berlin).toHaveLength(7);
    expect(berlin.map((t) => localTime(t, 'Europe/Berlin'))).toEqual(Array(7).fill('09:30'));
    await h.daily.stop();
  });

  it('turning a channel off stops its posts and setting it again resumes them', async () => {
    const h = await createHarness({ start: '2026-11-23T06:00:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    await h.runFor(DAY);
    expect(h.platform.posts()).toHaveLength(1);

    expect(await h.daily.disable(channel)).toBe(true);
    expect(await h.daily.disable(channel)).toBe(false);
    await h.runFor(DAY);
    expect(h.platform.posts()).toHaveLength(1);

    await h.daily.configure(channel, { when: '10:00' }, admin);
    await h.runFor(DAY);
    expect(h.platform.posts()).toHaveLength(2);
    await h.daily.stop();
  });

  it('does not post a time that has already passed today when the schedule is set', async () => {
    const h = await createHarness({ start: '2026-11-23T09:00:00Z' }); // 10:00 in Berlin
    await h.daily.start();
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.runFor(HOUR);
    expect(h.platform.posts()).toHaveLength(0);
    await h.daily.stop();
  });
});

async function postTimes(h: Harness, channelId = channel.channelId): Promise<string[]> {
  return (await postRecords(h, channelId)).map((p) => p.postedAt);
}
