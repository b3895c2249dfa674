import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { DAY, HOUR, MINUTE, type Harness, admin, channel, createHarness, postRecords, sqliteFiles } from './helpers.js';

const files = sqliteFiles();
const opened: Store[] = [];
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close()));
  files.cleanup();
});

/** A store plus a way to open it again as a restarted or second process would. */
async function storeOf(kind: 'memory' | 'sqlite'): Promise<{ store: Store; reopen(): Promise<Store> }> {
  if (kind === 'memory') {
    const store = await createStore('memory://');
    return { store, reopen: async () => store };
  }
  const { path, store } = await files.open();
  opened.push(store);
  return {
    store,
    reopen: async () => {
      const again = await files.openAt(path);
      opened.push(again);
      return again;
    },
  };
}

/** 09:30 in Berlin is 08:30Z in November. */
async function berlinChannel(kind: 'memory' | 'sqlite', start = '2026-11-23T08:00:00Z') {
  const backing = await storeOf(kind);
  const h = await createHarness({ start, store: backing.store });
  await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
  return { h, reopen: backing.reopen };
}

/** Moves the shared clock a minute at a time and wakes every instance in the same instant. */
async function runTogether(instances: Harness[], ms: number, stepMs = MINUTE): Promise<void> {
  const clock = instances[0]?.world.clock;
  for (let done = 0; done < ms; done += stepMs) {
    clock?.advance(stepMs);
    await Promise.all(instances.map((i) => i.timer.fire()));
  }
}

describe.each(['memory', 'sqlite'] as const)('restarts and a second process on a %s store', (kind) => {
  it('a restart later the same day does not post the slot again, and the next day posts as usual', async () => {
    const { h, reopen } = await berlinChannel(kind);
    await h.daily.start();
    await h.runFor(HOUR);
    expect(h.platform.posts()).toHaveLength(1);
    await h.daily.stop();

    const restarted = h.restart({ store: await reopen() });
    await restarted.daily.start(); // 09:00Z = 10:00 Berlin, still inside the catch-up window of 09:30
    await restarted.runFor(HOUR);
    expect(h.platform.posts()).toHaveLength(1);

    await restarted.runFor(DAY);
    expect((await postRecords(restarted)).map((p) => p.slotKey)).toEqual(['2026-11-23T09:30', '2026-11-24T09:30']);
    await restarted.daily.stop();
  });

  it('posts a slot missed within the catch-up window once on start, however many instances start', async () => {
    const { h, reopen } = await berlinChannel(kind);
    await h.daily.start();
    await h.runFor(20 * MINUTE);
    await h.daily.stop(); // the bot goes down at 09:20 Berlin

    h.world.clock.set('2026-11-23T09:15:00Z'); // back up at 10:15 Berlin, 45 minutes late
    const first = h.restart({ store: await reopen() });
    const second = h.restart({ store: await reopen() });
    await Promise.all([first.daily.start(), second.daily.start()]);
    await runTogether([first, second], 10 * MINUTE);

    const posts = await postRecords(first);
    expect(posts.map((p) => p.slotKey)).toEqual(['2026-11-23T09:30']);
    expect(posts[0]?.postedAt).toBe('2026-11-23T09:15:00.000Z');
    await Promise.all([first.daily.stop(), second.daily.stop()]);
  });

  it('records a slot missed beyond the catch-up window instead of posting it late, then posts the next one', async () => {
    const { h, reopen } = await berlinChannel(kind);
    await h.daily.start();
    await h.runFor(20 * MINUTE);
    await h.daily.stop();

    h.world.clock.set('2026-11-23T11:00:00Z'); // 12:00 Berlin: two and a half hours late, grace is two
    const restarted = h.restart({ store: await reopen() });
    await restarted.daily.start();
    expect(h.platform.posts()).toHaveLength(0);
    const warning = h.world.logger.at('warn').find((e) => e.msg.startsWith('daily slot missed'));
    expect(warning?.obj).toMatchObject({ slotKey: '2026-11-23T09:30' });
    const status = await restarted.daily.status(channel);
    expect(status.problems).toMatchObject([{ kind: 'missed', slotKey: '2026-11-23T09:30' }]);

    await restarted.runFor(DAY);
    expect((await postRecords(restarted)).map((p) => p.slotKey)).toEqual(['2026-11-24T09:30']);
    await restarted.daily.stop();
  });

  it('two instances waking for the same slots post each exactly once', async () => {
    const { h, reopen } = await berlinChannel(kind);
    const other = h.restart({ store: await reopen() });
    await Promise.all([h.daily.start(), other.daily.start()]);

    await runTogether([h, other], 3 * DAY, 5 * MINUTE);

    const slots = (await postRecords(h)).map((p) => p.slotKey);
    expect(slots).toEqual(['2026-11-23T09:30', '2026-11-24T09:30', '2026-11-25T09:30']);
    await Promise.all([h.daily.stop(), other.daily.stop()]);
  });

  it('an instance picks up a schedule another instance set after it started', async () => {
    const backing = await storeOf(kind);
    const a = await createHarness({ start: '2026-11-23T08:00:00Z', store: backing.store });
    const b = a.restart({ store: await backing.reopen() });
    await Promise.all([a.daily.start(), b.daily.start()]);

    await a.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await a.daily.stop(); // only b is left to post
    await b.runFor(HOUR);

    expect(b.platform.posts()).toHaveLength(1);
    await b.daily.stop();
  });
});
