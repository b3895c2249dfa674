import { describe, expect, it } from 'vitest';
import { endOfLocalDay, localDay } from '../../../src/core/practice/day.js';
import { replyText } from '../../../src/core/reply.js';
import { alice, describeEachStore, gradeShown, shownId } from './harness.js';

/** Grades every card a fresh session offers Easy (so none comes back soon); returns how many it showed. */
async function drain(h: Parameters<Parameters<typeof describeEachStore>[1]>[0]): Promise<{ shown: number; text: string }> {
  let reply = await h().practice.start(alice, { kind: 'all' });
  let shown = 0;
  while (shownId(h(), reply)) {
    shown++;
    reply = await gradeShown(h(), reply, 'Easy');
  }
  return { shown, text: replyText(reply) };
}

describeEachStore('the daily new-card limit', (h) => {
  it('introduces 10 new cards a day by default, then says the day is done', async () => {
    const first = await drain(h);
    expect(first.shown).toBe(10);
    expect(first.text).toContain("Today's 10 new cards are done");
    expect((await h().practice.dueSummary(alice, h().world.clock.now())).newAvailable).toBe(0);
  });

  it('follows `practice settings new <n>` and refuses nonsense', async () => {
    await h().practice.setNewPerDay(alice, 3);
    expect((await drain(h)).shown).toBe(3);
    await expect(h().practice.setNewPerDay(alice, 101)).rejects.toThrow('from 0 to 100');
    await expect(h().practice.setNewPerDay(alice, 2.5)).rejects.toThrow('whole number');
  });

  it('starts a new day at midnight in the person’s own zone, not UTC', async () => {
    await h().practice.setTimezone(alice, 'america/new_york');
    await h().practice.setNewPerDay(alice, 2);
    h().world.clock.set('2026-12-02T04:00:00Z'); // 23:00 on Dec 1 in New York
    expect((await drain(h)).shown).toBe(2);
    h().world.clock.set('2026-12-02T04:59:00Z'); // 23:59: still Dec 1 there, though Dec 2 in UTC
    expect((await h().practice.dueSummary(alice, h().world.clock.now())).newAvailable).toBe(0);
    h().world.clock.set('2026-12-02T05:01:00Z'); // 00:01 on Dec 2
    expect(await h().practice.dueSummary(alice, h().world.clock.now())).toEqual({ due: 0, newAvailable: 2, timezone: 'America/New_York' });
  });

  it('counts the 25-hour day when New York falls back as one day', async () => {
    await h().practice.setTimezone(alice, 'America/New_York');
    await h().practice.setNewPerDay(alice, 2);
    h().world.clock.set('2026-11-01T04:30:00Z'); // 00:30 EDT, Sunday Nov 1: clocks fall back at 02:00
    expect((await drain(h)).shown).toBe(2);
    h().world.clock.set('2026-11-02T04:30:00Z'); // 24 hours later it is 23:30 EST, still Nov 1
    expect((await h().practice.dueSummary(alice, h().world.clock.now())).newAvailable).toBe(0);
    h().world.clock.set('2026-11-02T05:00:00Z'); // midnight EST: Nov 2
    expect((await h().practice.dueSummary(alice, h().world.clock.now())).newAvailable).toBe(2);
  });

  it('lives the workspace’s zone until the person sets one, and goes back to it', async () => {
    await h().scoring.setTimezone(alice, 'Asia/Tokyo');
    expect(await h().practice.timezoneOf(alice)).toBe('Asia/Tokyo');
    await h().practice.setTimezone(alice, 'Europe/Berlin');
    expect(await h().practice.timezoneOf(alice)).toBe('Europe/Berlin');
    await h().practice.setTimezone(alice, null);
    expect(await h().practice.timezoneOf(alice)).toBe('Asia/Tokyo');
    await expect(h().practice.setTimezone(alice, '+02:00')).rejects.toThrow('is not a timezone');
  });
});

describe('local days', () => {
  it('ends a day at the zone’s real midnight across DST changes', () => {
    const sunday = new Date('2026-11-01T12:00:00Z');
    expect(localDay(sunday, 'America/New_York')).toBe('2026-11-01');
    expect(new Date(endOfLocalDay(sunday, 'America/New_York')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    const spring = new Date('2027-03-14T12:00:00Z');
    expect(new Date(endOfLocalDay(spring, 'America/New_York', -1)).toISOString()).toBe('2027-03-14T05:00:00.000Z');
    expect(new Date(endOfLocalDay(spring, 'America/New_York')).toISOString()).toBe('2027-03-15T04:00:00.000Z');
  });
});
