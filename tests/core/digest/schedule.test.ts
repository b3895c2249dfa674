import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { createEngine } from '../../../src/core/engine.js';
import { replyText } from '../../../src/core/reply.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { lastDigestPost } from '../../../src/core/digest/store.js';
import { PlatformRefusal } from '../../../src/core/platform.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { HOUR, MINUTE, type Harness, admin, bank, channel, config, openHarness, sqliteFiles } from './harness.js';

const files = sqliteFiles();
const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  files.cleanup();
});

const REDIS_URL = process.env['REDIS_URL'] ?? '';
const KINDS = ['memory', 'sqlite', ...(REDIS_URL ? (['redis'] as const) : [])] as const;

/** One store as two processes see it: the same object in memory, two connections to one SQLite file or one Redis. */
async function sharedStore(kind: (typeof KINDS)[number]): Promise<[Store, Store]> {
  if (kind === 'memory') {
    const store = await createStore('memory://');
    return [store, store];
  }
  if (kind === 'sqlite') {
    const { path, store } = await files.open();
    const again = await files.openAt(path);
    opened.push(store, again);
    return [store, again];
  }
  const namespace = `digest-test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const pair: [Store, Store] = [await createStore(REDIS_URL, { namespace }), await createStore(REDIS_URL, { namespace })];
  opened.push(...pair);
  return pair;
}

async function slotKeyOfLast(h: Harness): Promise<string | null | undefined> {
  return (await lastDigestPost(h.world.store, channel))?.slotKey;
}

describe.each(KINDS)('two processes sharing one %s store', (kind) => {
  it('post each weekly digest once, this week and the next', async () => {
    const [a, b] = await sharedStore(kind);
    const h = await openHarness({ start: '2026-11-29T16:30:00Z', store: a });
    const other = h.second(b);
    await h.digest.configure(channel, { weekday: 'sun', time: '18:00', timezone: 'Europe/Berlin' }, admin);
    await Promise.all([h.digest.start(), other.digest.start()]);
    await h.runFor(HOUR, [h, other]);
    expect(h.platform.attempts.filter((p) => p.channel.channelId === channel.channelId)).toHaveLength(1);

    h.world.clock.set('2026-12-06T16:50:00Z');
    await h.runFor(20 * MINUTE, [h, other]);
    expect(h.platform.attempts).toHaveLength(2);
    expect(h.platform.posts().map((p) => p.reply.blocks[0])).toEqual([
      { type: 'text', markdown: '**Weekly digest · week 48, 2026 (23 Nov – 29 Nov)**' },
      { type: 'text', markdown: '**Weekly digest · week 49, 2026 (30 Nov – 6 Dec)**' },
    ]);
    expect(await slotKeyOfLast(h)).toBe('2026-12-06T18:00');
    await Promise.all([h.digest.stop(), other.digest.stop()]);
  });
});

describe('a Sunday 18:00 digest across the clock changes', () => {
  it('posts at 18:00 Berlin time on both sides of the autumn change (16:00Z, then 17:00Z)', async () => {
    const h = await openHarness({ start: '2026-10-18T15:00:00Z' });
    await h.digest.configure(channel, { weekday: 'sunday', time: '18:00', timezone: 'Europe/Berlin' }, admin);
    await h.digest.start();
    await h.runFor(59 * MINUTE);
    expect(h.platform.posts()).toHaveLength(0);
    await h.runFor(2 * MINUTE);
    expect(h.platform.posts()).toHaveLength(1);
    expect(await lastDigestPost(h.world.store, channel)).toMatchObject({ slotKey: '2026-10-18T18:00', weekId: '2026-W42', postedAt: '2026-10-18T16:00:00.000Z' });

    // Clocks go back in the night to Sunday 25 October: 18:00 is now 17:00Z, and 16:00Z is only 17:00.
    h.world.clock.set('2026-10-25T15:30:00Z');
    await h.runFor(HOUR);
    expect(h.platform.posts()).toHaveLength(1);
    await h.runFor(HOUR);
    expect(h.platform.posts()).toHaveLength(2);
    expect(await lastDigestPost(h.world.store, channel)).toMatchObject({ slotKey: '2026-10-25T18:00', weekId: '2026-W43', postedAt: '2026-10-25T17:00:00.000Z' });
    await h.digest.stop();
  });

  it('posts at 18:00 Berlin time on the Sunday clocks go forward (16:00Z, after 17:00Z the week before)', async () => {
    const h = await openHarness({ start: '2026-03-22T16:30:00Z' });
    await h.digest.configure(channel, { weekday: 'sun', time: '18:00', timezone: 'Europe/Berlin' }, admin);
    await h.digest.start();
    await h.runFor(HOUR);
    expect(await lastDigestPost(h.world.store, channel)).toMatchObject({ slotKey: '2026-03-22T18:00', postedAt: '2026-03-22T17:00:00.000Z' });
    h.world.clock.set('2026-03-29T15:30:00Z');
    await h.runFor(HOUR);
    expect(h.platform.posts()).toHaveLength(2);
    expect(await lastDigestPost(h.world.store, channel)).toMatchObject({ slotKey: '2026-03-29T18:00', weekId: '2026-W13', postedAt: '2026-03-29T16:00:00.000Z' });
    await h.digest.stop();
  });

  it('reads the week in the channel zone: Sunday 18:00 in New York is already Monday in UTC', async () => {
    const h = await openHarness({ start: '2026-11-29T22:30:00Z' });
    await h.digest.configure(channel, { weekday: 'sun', time: '18:00', timezone: 'America/New_York' }, admin);
    await h.digest.start();
    await h.runFor(HOUR);
    expect(await lastDigestPost(h.world.store, channel)).toMatchObject({ slotKey: '2026-11-29T18:00', weekId: '2026-W48', postedAt: '2026-11-29T23:00:00.000Z' });
    await h.digest.stop();
  });
});

describe('catching up after downtime', () => {
  /** A digest due at 18:00 Berlin (17:00Z) on a SQLite store, with the bot down at the slot; `reopen` is a process starting. */
  async function downAtSlot(): Promise<{ h: Harness; reopen(): Harness }> {
    const { store } = await files.open();
    opened.push(store);
    const h = await openHarness({ start: '2026-11-29T16:00:00Z', store });
    await h.digest.configure(channel, { weekday: 'sun', time: '18:00', timezone: 'Europe/Berlin' }, admin);
    return { h, reopen: () => ({ ...h, ...h.second() }) };
  }

  it('posts a digest missed within the catch-up grace once, late, for the week of its slot', async () => {
    const { h, reopen } = await downAtSlot();
    h.world.clock.set('2026-11-29T17:45:00Z'); // the bot comes back 45 minutes after the slot
    const first = reopen();
    const second = reopen();
    await Promise.all([first.digest.start(), second.digest.start()]);
    await h.runFor(10 * MINUTE, [first, second]);
    expect(h.platform.attempts).toHaveLength(1);
    expect(await lastDigestPost(h.world.store, channel)).toMatchObject({ slotKey: '2026-11-29T18:00', weekId: '2026-W48', postedAt: '2026-11-29T17:45:00.000Z' });
    await Promise.all([first.digest.stop(), second.digest.stop()]);
  });

  it('records a digest missed beyond the grace instead of posting it, and status says so', async () => {
    const { h, reopen } = await downAtSlot();
    h.world.clock.set('2026-11-29T20:30:00Z'); // three and a half hours late; the grace is two
    const back = reopen();
    await back.digest.start();
    await h.runFor(10 * MINUTE, [back]);
    expect(h.platform.attempts).toHaveLength(0);
    const status = await back.digest.status(channel);
    expect(status.problems[0]).toMatchObject({ kind: 'missed', slotKey: '2026-11-29T18:00' });
    expect(status.problems[0]?.message).toContain('skipped: the bot was not running then');
    expect(h.world.logger.at('warn').map((e) => e.msg)).toContain('digest slot missed: the bot was not running within the catch-up window');
    await back.digest.stop();
  });

  it('retries a failed post with back-off and posts it once the platform is back', async () => {
    const { h } = await downAtSlot();
    h.platform.failNext(new Error('502 from the platform'), 2);
    await h.digest.start();
    await h.runFor(2 * HOUR);
    expect(h.platform.posts()).toHaveLength(1);
    expect(h.platform.attempts).toHaveLength(3);
    expect(await slotKeyOfLast(h)).toBe('2026-11-29T18:00');
    await h.digest.stop();
  });

  it('tells the admin privately, once, when the platform refuses the post', async () => {
    const { h } = await downAtSlot();
    h.platform.failNext(new PlatformRefusal('the bot may not post in #general'), 1);
    await h.digest.start();
    await h.runFor(2 * HOUR);
    expect(h.platform.posts()).toHaveLength(0);
    expect(h.platform.privates(admin.userId).map((p) => p.reply.blocks[0])).toEqual([
      {
        type: 'text',
        markdown: expect.stringContaining('I could not post the weekly digest for Sun 29 Nov, 18:00 (Europe/Berlin) in this channel: the bot may not post in #general'),
      },
    ]);
    expect((await h.digest.status(channel)).problems[0]).toMatchObject({ kind: 'post-failed' });
    await h.digest.stop();
  });
});

describe('two whole engines on one SQLite file', () => {
  it('post the digest once between them, through the engine wiring (command, wake timer, services)', async () => {
    const [a, b] = await sharedStore('sqlite');
    const h = await openHarness({ start: '2026-11-29T16:30:00Z', store: a });
    const timers = [new FakeTimer(), new FakeTimer()] as const;
    const engines = [a, b].map((store, i) => createEngine({ world: { ...h.world, store }, config, bank, platform: h.platform, commands, wakeTimer: timers[i] ?? new FakeTimer() }));
    const typed = await engines[0]?.runText('digest set sun 18:00 Europe/Berlin', { user: admin, channel, isAdmin: true });
    expect(replyText(typed ?? { blocks: [] })).toContain('Weekly digest set.');
    // One after the other: the start-up settling pass of the second waits on the fake clock while the first runs it.
    for (const e of engines) await e.start();
    for (let minute = 0; minute < 60; minute++) {
      h.world.clock.advance(MINUTE);
      await Promise.all(timers.map((t) => t.fire()));
    }
    expect(h.platform.attempts).toHaveLength(1);
    expect(h.platform.posts()).toHaveLength(1);
    await Promise.all(engines.map((e) => e.stop()));
  });
});
