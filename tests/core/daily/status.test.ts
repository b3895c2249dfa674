import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { admin, channel, createHarness, otherChannel } from './helpers.js';

describe('channel settings and status', () => {
  it('shows the schedule and the next three runs in the channel local time', async () => {
    const h = await createHarness({ start: '2026-11-23T09:00:00Z' }); // Monday 10:00 in Berlin
    const settings = await h.daily.configure(channel, { when: '09:30', days: 'weekdays', timezone: 'europe/berlin', reveal: 'thread' }, admin);
    expect(settings).toMatchObject({
      schedule: { kind: 'time-of-day', hour: 9, minute: 30, timezone: 'Europe/Berlin' },
      reveal: { kind: 'thread' },
      discussion: false,
      setBy: admin,
      enabled: true,
    });

    const status = await h.daily.status(channel);
    expect(status.schedule).toBe('09:30 on weekdays, Europe/Berlin');
    expect(status.nextRuns).toEqual(['Tue 24 Nov, 09:30 (Europe/Berlin)', 'Wed 25 Nov, 09:30 (Europe/Berlin)', 'Thu 26 Nov, 09:30 (Europe/Berlin)']);
    expect(status.lastPost).toBeNull();
  });

  it('reports the last post in the channel local time', async () => {
    const h = await createHarness({ start: '2026-11-23T09:00:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.postNow(channel, admin);
    expect((await h.daily.status(channel)).lastPost).toMatchObject({ dailySeq: 1, postedLocal: 'Mon 23 Nov, 10:00 (Europe/Berlin)' });
  });

  it('keeps the options not given when the time changes', async () => {
    const h = await createHarness();
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin', reveal: 'public-at after 3', discussion: true, categories: 'basics' }, admin);
    const moved = await h.daily.configure(channel, { when: '10:15' }, admin);
    expect(moved).toMatchObject({
      schedule: { hour: 10, minute: 15, timezone: 'Europe/Berlin' },
      reveal: { kind: 'public-at', trigger: { kind: 'reactions', count: 3 } },
      discussion: true,
      scope: { categories: ['Basics'] },
    });
  });

  it('understands every reveal mode spelling a text command line allows', async () => {
    const h = await createHarness();
    const reveal = async (text: string) => (await h.daily.configure(channel, { when: '09:30', reveal: text }, admin)).reveal;
    expect(await reveal('private')).toEqual({ kind: 'private' });
    expect(await reveal('Thread')).toEqual({ kind: 'thread' });
    expect(await reveal('public-at 17:00')).toEqual({ kind: 'public-at', trigger: { kind: 'time', hour: 17, minute: 0 } });
    expect(await reveal('public-at:5pm')).toEqual({ kind: 'public-at', trigger: { kind: 'time', hour: 17, minute: 0 } });
    expect(await reveal('public-at:after:2')).toEqual({ kind: 'public-at', trigger: { kind: 'reactions', count: 2 } });
    expect(await reveal('after 4')).toEqual({ kind: 'public-at', trigger: { kind: 'reactions', count: 4 } });
  });

  it('refuses bad input with one sentence that says what to type', async () => {
    const h = await createHarness();
    const attempt = (input: Parameters<typeof h.daily.configure>[1]) => h.daily.configure(channel, input, admin);
    await expect(attempt({ when: '25:00' })).rejects.toThrow('`25:00` is not a time (use HH:MM, 00:00–23:59).');
    await expect(attempt({ when: '09:30', timezone: 'Mars/Olympus' })).rejects.toThrow('`Mars/Olympus` is not a timezone (use an IANA name like Europe/Berlin).');
    await expect(attempt({ when: '09:30', reveal: 'public-at 25:00' })).rejects.toThrow('`25:00` is not a time');
    await expect(attempt({ when: '09:30', reveal: 'after 0' })).rejects.toThrow('`0` is not a number of reactions (use 1–100).');
    await expect(attempt({ when: '09:30', reveal: 'shout' })).rejects.toThrow('`shout` is not a reveal mode');
    await expect(attempt({ when: '09:30', reveal: 'shout' })).rejects.toBeInstanceOf(UserError);
    expect(await h.daily.listChannels()).toEqual([]);
  });

  it('lists every channel with settings, enabled or not', async () => {
    const h = await createHarness();
    await h.daily.configure(channel, { when: '09:30' }, admin);
    await h.daily.configure(otherChannel, { when: '08:00', timezone: 'America/New_York' }, admin);
    await h.daily.disable(otherChannel);
    const listed = await h.daily.listChannels();
    expect(listed.map((s) => [s.channel.channelId, s.enabled])).toEqual([
      ['general', true],
      ['C-study', false],
    ]);
    expect((await h.daily.status(otherChannel)).nextRuns).toEqual([]);
  });
});
