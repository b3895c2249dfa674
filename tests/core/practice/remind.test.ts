import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { type Engine, createEngine } from '../../../src/core/engine.js';
import type { PracticeRating } from '../../../src/core/practice/index.js';
import type { ChannelRef, UserRef } from '../../../src/core/refs.js';
import { type Reply, replyText } from '../../../src/core/reply.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { FakePlatform } from '../../fakes/platform.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { type TestWorld, createTestWorld } from '../../fakes/world.js';
import { loadSeeds } from '../../helpers/bank.js';

const REDIS_URL = process.env['REDIS_URL'];
const seeds = loadSeeds();
const channel: ChannelRef = { platform: 'slack', workspaceId: 'T1', channelId: 'C-study' };
const ada: UserRef = { platform: 'slack', workspaceId: 'T1', userId: 'U-ada', name: 'Ada' };
const bob: UserRef = { platform: 'slack', workspaceId: 'T1', userId: 'U-bob', name: 'Bob' };

interface Process {
  world: TestWorld;
  engine: Engine;
  platform: FakePlatform;
  wake: FakeTimer;
}

const running: Process[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const p of running.splice(0)) await p.engine.stop();
  for (const s of stores.splice(0)) await s.close();
});

/** One Recall process: its own clock, timers and platform, over the store it is given (shared for a cluster). */
async function startProcess(store: Store, start: string): Promise<Process> {
  const world = await createTestWorld({ start, store });
  const platform = new FakePlatform();
  const wake = new FakeTimer();
  const bank = createBankService(seeds, async () => seeds);
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform, commands, wakeTimer: wake });
  await engine.start();
  const p = { world, engine, platform, wake };
  running.push(p);
  return p;
}

const nudges = (...ps: Process[]) => ps.flatMap((p) => p.platform.calls.filter((c) => c.kind === 'private' && replyText(c.reply).includes('Practice time')));

/** Every process's clock to `iso`, then one wake of each, all at once (as a shared minute tick would). */
async function tick(iso: string, ...ps: Process[]): Promise<void> {
  for (const p of ps) p.world.clock.set(iso);
  await Promise.all(ps.map((p) => p.wake.fire()));
}

function button(reply: Reply, label: RegExp): string {
  const hit = reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : [])).find((b) => label.test(b.label));
  if (!hit) throw new Error(`no ${label} in ${replyText(reply)}`);
  return hit.action;
}

/** A real practice session: `count` new cards, each shown and graded `rating`. */
async function practise(engine: Engine, user: UserRef, rating: PracticeRating, count: number): Promise<void> {
  let reply = await engine.services.practice.start(user, { kind: 'all' });
  const press = (action: string) => engine.handleAction({ action, user, channel, isAdmin: false, messageId: 'm1' });
  for (let i = 0; i < count; i++) {
    reply = await press(button(reply, /Show answer/));
    reply = await press(button(reply, new RegExp(`^${rating}`, 'i')));
  }
}

describe('practice reminders (real engine and practice service, fake clock)', () => {
  it('nudges privately at the time in the person’s zone, only on days a card is due, with what is waiting', async () => {
    const store = await createStore('memory://');
    stores.push(store);
    // Monday 23 Nov 2026, 08:00 UTC = 09:00 in Berlin.
    const p = await startProcess(store, '2026-11-23T08:00:00Z');
    await practise(p.engine, ada, 'again', 3);
    const set = await p.engine.services.reminders.set(ada, channel, { time: '07:30', timezone: 'Europe/Berlin' });
    expect(set.schedule).toMatchObject({ hour: 7, minute: 30, timezone: 'Europe/Berlin' });

    // 07:29 Berlin the next morning: not yet.
    await tick('2026-11-24T06:29:00Z', p);
    expect(nudges(p)).toEqual([]);
    await tick('2026-11-24T06:30:00Z', p);
    const [nudge] = nudges(p);
    expect(nudge).toMatchObject({ kind: 'private', channel, user: { userId: 'U-ada' } });
    expect(replyText(nudge!.reply)).toMatch(/3 cards due, \d+ new/);
    expect(nudge!.reply.ephemeral).toBe(true);

    // Later wakes that morning send nothing more.
    await tick('2026-11-24T06:31:00Z', p);
    await tick('2026-11-24T07:30:00Z', p);
    expect(nudges(p)).toHaveLength(1);
  });

  it('sends nothing when no card is due, and nothing to someone with new cards only', async () => {
    const store = await createStore('memory://');
    stores.push(store);
    const p = await startProcess(store, '2026-11-23T08:00:00Z');
    // Easy on a new card: back in days, so nothing is due tomorrow.
    await practise(p.engine, ada, 'easy', 2);
    await p.engine.services.reminders.set(ada, channel, { time: '07:30', timezone: 'UTC' });
    await p.engine.services.reminders.set(bob, channel, { time: '07:30', timezone: 'UTC' });
    await tick('2026-11-24T07:30:00Z', p);
    expect(nudges(p)).toEqual([]);
    expect((await p.engine.services.practice.dueSummary(bob, p.world.clock.now())).newAvailable).toBeGreaterThan(0);

    // Weeks later Ada's cards are due again: the same reminder nudges her.
    await tick('2027-02-01T07:30:00Z', p);
    expect(nudges(p).map((n) => n.kind === 'private' && n.user.userId)).toEqual(['U-ada']);
  });

  it('follows the zone across the DST change: 07:30 Berlin is 06:30 UTC before and 05:30 UTC after', async () => {
    const store = await createStore('memory://');
    stores.push(store);
    const p = await startProcess(store, '2027-03-20T08:00:00Z');
    await practise(p.engine, ada, 'again', 2);
    await p.engine.services.reminders.set(ada, channel, { time: '07:30', timezone: 'Europe/Berlin' });

    await tick('2027-03-27T06:30:00Z', p); // Saturday, still CET
    expect(nudges(p)).toHaveLength(1);
    // Sunday 28 March: clocks go forward at 02:00. 06:30 UTC is 08:30 in Berlin, an hour after the nudge.
    await tick('2027-03-28T05:29:00Z', p);
    expect(nudges(p)).toHaveLength(1);
    await tick('2027-03-28T05:30:00Z', p);
    expect(nudges(p)).toHaveLength(2);
  });

  it('keeps to the weekdays asked for, and `off` stops it', async () => {
    const store = await createStore('memory://');
    stores.push(store);
    const p = await startProcess(store, '2026-11-23T08:00:00Z');
    await practise(p.engine, ada, 'again', 1);
    await p.engine.services.reminders.set(ada, channel, { time: '09:00', days: 'weekdays', timezone: 'UTC' });
    await tick('2026-11-27T09:00:00Z', p); // Friday
    await tick('2026-11-28T09:00:00Z', p); // Saturday
    await tick('2026-11-29T09:00:00Z', p); // Sunday
    expect(nudges(p)).toHaveLength(1);
    expect(await p.engine.services.reminders.off(ada)).toBe(true);
    expect(await p.engine.services.reminders.off(ada)).toBe(false);
    await tick('2026-11-30T09:00:00Z', p);
    expect(nudges(p)).toHaveLength(1);
  });

  it('uses the person’s practice zone when none is typed, and says clearly what it cannot read', async () => {
    const store = await createStore('memory://');
    stores.push(store);
    const p = await startProcess(store, '2026-11-23T08:00:00Z');
    await p.engine.services.practice.setTimezone(ada, 'America/New_York');
    expect((await p.engine.services.reminders.set(ada, channel, { time: '7:30am' })).schedule.timezone).toBe('America/New_York');
    // A zone typed where the days go is still a zone.
    expect((await p.engine.services.reminders.set(ada, channel, { time: '07:30', days: 'Asia/Kolkata' })).zoneAsTyped).toBe('Asia/Kolkata');
    await expect(p.engine.services.reminders.set(ada, channel, { time: '25:00' })).rejects.toThrow(/is not a time/);
    await expect(p.engine.services.reminders.set(ada, channel, { time: '07:30', timezone: 'Mars/Olympus' })).rejects.toThrow(/is not a timezone/);
    await expect(p.engine.services.reminders.set(ada, channel, { time: '07:30', days: 'someday' })).rejects.toThrow(/is not a day/);
  });
});

describe('`practice remind` typed as a command (real command list and parser)', () => {
  it('sets, shows and turns off a reminder, echoing the zone as typed', async () => {
    const store = await createStore('memory://');
    stores.push(store);
    const p = await startProcess(store, '2026-11-23T08:00:00Z');
    const run = async (text: string) => replyText(await p.engine.runText(text, { user: ada, channel, isAdmin: false }));
    expect(await run('practice remind')).toMatch(/No practice reminder/);
    expect(await run('practice remind 07:30 weekdays Asia/Kolkata')).toMatch(/Practice reminder set: 07:30 on weekdays, Asia\/Kolkata/);
    expect(await run('practice remind')).toMatch(/Your practice reminder: 07:30 on weekdays, Asia\/Kolkata/);
    expect(await run('practice remind 7pm')).toMatch(/19:00 every day/);
    expect(await run('practice remind half past seven')).toBe('`half` is not a time (use HH:MM, 00:00–23:59).');
    expect(await run('practice remind off')).toBe('Practice reminder off.');
    expect(await run('practice remind off')).toBe('You had no practice reminder.');
  });
});

/** Two processes on one store, each with its own clock tick, as on a cluster; every slot is sent once. */
function clusterTests(open: () => Promise<Store>) {
  it('sends each reminder once across two processes, for a reminder set through either of them', async () => {
    const store = await open();
    const a = await startProcess(store, '2026-11-23T08:00:00Z');
    const b = await startProcess(store, '2026-11-23T08:00:00Z');
    const people = Array.from({ length: 12 }, (_, i): UserRef => ({ platform: 'slack', workspaceId: 'T1', userId: `U-p${i}` }));
    for (const [i, person] of people.entries()) {
      await practise(a.engine, person, 'again', 1);
      await (i % 2 === 0 ? a : b).engine.services.reminders.set(person, channel, { time: '07:30', timezone: 'Europe/Berlin' });
    }
    // B learns of A's reminders (and A of B's) on its next wake.
    await tick('2026-11-23T08:01:00Z', a, b);
    // Both wake in the same minute; which one starts first alternates by day.
    for (const [day, order] of [
      ['2026-11-24', [a, b]],
      ['2026-11-25', [b, a]],
    ] as const) {
      await tick(`${day}T06:30:00Z`, ...order);
      await tick(`${day}T06:31:00Z`, ...order);
      await tick(`${day}T06:35:00Z`, ...order);
    }
    const sent = nudges(a, b).map((n) => (n.kind === 'private' ? n.user.userId : ''));
    expect(sent.sort()).toEqual([...people.map((p) => p.userId), ...people.map((p) => p.userId)].sort());
    // Both processes did some of the sending: the lease, not one idle process, is what kept it to once.
    expect(nudges(a).length).toBeGreaterThan(0);
    expect(nudges(b).length).toBeGreaterThan(0);
  });
}

describe('practice reminders on one shared memory store (two engines)', () => {
  clusterTests(async () => {
    const store = await createStore('memory://');
    stores.push(store);
    return store;
  });
});

describe.skipIf(!REDIS_URL)('practice reminders on Redis (two engines, one Redis)', () => {
  clusterTests(async () => {
    const store = await createStore(REDIS_URL ?? '', { namespace: `remind-${process.pid}-${Date.now()}`, connectTimeoutMs: 2000 });
    stores.push(store);
    return store;
  });
});
