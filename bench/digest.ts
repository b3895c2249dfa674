import os from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { commands } from '../commands/index.js';
import { createBankService } from '../src/core/bank-service.js';
import { defaultEngineConfig } from '../src/core/engine-config.js';
import { type Engine, createEngine } from '../src/core/engine.js';
import type { BoardImages } from '../src/core/images.js';
import { seededRandom } from '../src/core/random.js';
import type { ChannelRef, UserRef } from '../src/core/refs.js';
import { systemTimers } from '../src/core/timers.js';
import { createBoardRenderer } from '../src/images/render.js';
import { loadBankFromDisk } from '../src/io/load-bank-from-disk.js';
import { createStore } from '../src/store/create-store.js';
import { digestImages } from './digest-images.js';
import { FakeClock } from '../tests/fakes/clock.js';
import { FakePlatform } from '../tests/fakes/platform.js';
import { FakeTimer } from '../tests/fakes/wake-timer.js';
import { RecordingLogger } from '../tests/fakes/world.js';

/**
 * `npm run bench -- digest`: the weekly digest for many channels, as a ratio to the daily question's
 * fan-out over the same channels. One process, the real engine, an in-process platform (no network, no
 * rate limits: those bound both posts alike, see `fanout`), so the figure is the core's own cost of a
 * digest (board reads, streak and tally reads, the reply) against a daily post (rotation, record).
 *
 * Every workspace gets a seeded week before: `DIGEST_PEOPLE` people grading seven daily posts, in two
 * teams. The daily question is set for Monday 09:30 and the digest for Monday 10:30 in every channel;
 * each slot is one timed wake.
 *   DIGEST_CHANNELS  channels in all (default 2000), spread over
 *   DIGEST_GUILDS    workspaces (default 50)
 *   DIGEST_PEOPLE    people per workspace (default 30)
 *   DIGEST_STORE     memory | sqlite (default memory)
 *   DIGEST_IMAGES    1 draws the board picture into each digest (default 0: text)
 */
export async function run(args: readonly string[] = []): Promise<void> {
  if (args.length > 0) throw new Error(`digest takes no flags (got ${args.join(' ')}); size it with DIGEST_CHANNELS, DIGEST_GUILDS, DIGEST_PEOPLE, DIGEST_STORE, DIGEST_IMAGES`);
  // The picture first: its timings are per render, apart from the fan-out's totals.
  await digestImages();
  await digestFanout(process.env);
}

interface Sizes {
  channels: number;
  guilds: number;
  people: number;
  store: 'memory' | 'sqlite';
  images: boolean;
}

export async function digestFanout(env: NodeJS.ProcessEnv): Promise<void> {
  const sizes = readSizes(env);
  console.log(
    `Recall digest fan-out: ${sizes.channels} channels in ${sizes.guilds} workspaces, ${sizes.people} people each, ${sizes.store} store, images ${sizes.images ? 'on' : 'off'}, node ${process.version}, ${os.cpus().length} CPUs`,
  );
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-bench-digest-'));
  const store = await createStore(sizes.store === 'memory' ? 'memory://' : path.join(dir, 'recall.sqlite'));
  const loaded = await loadBankFromDisk(['questions']);
  const bank = createBankService(loaded, async () => loaded);
  const clock = new FakeClock('2026-11-16T08:00:00Z');
  const wake = new FakeTimer();
  const platform = new FakePlatform();
  const images: BoardImages | undefined = sizes.images ? await createBoardRenderer() : undefined;
  const engine = createEngine({
    world: { clock, store, random: seededRandom(7), logger: new RecordingLogger(), timers: systemTimers },
    config: defaultEngineConfig,
    bank,
    platform,
    commands,
    wakeTimer: wake,
    ...(images ? { images } : {}),
  });
  try {
    await engine.start();
    const channels = channelsOf(sizes);
    const seedStart = performance.now();
    await seedWeek(
      engine,
      channels,
      sizes,
      bank
        .all()
        .filter((q) => q.answer !== null)
        .map((q) => q.id),
    );
    console.log(`  seeded ${sizes.guilds} workspaces × ${sizes.people} people × 7 posts in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    clock.set('2026-11-23T09:00:00Z');
    for (const channel of channels) {
      const by: UserRef = { ...channel, userId: 'admin' };
      await engine.services.daily.configure(channel, { when: '09:30', timezone: 'UTC' }, by);
      await engine.services.digest.configure(channel, { weekday: 'mon', time: '10:30', timezone: 'UTC' }, by);
    }
    clock.set('2026-11-23T09:29:00Z');
    await wake.fire();

    const daily = await timedSlot(clock, wake, platform, '2026-11-23T09:30:00Z');
    clock.set('2026-11-23T10:29:00Z');
    await wake.fire();
    const digest = await timedSlot(clock, wake, platform, '2026-11-23T10:30:00Z');

    const per = (ms: number): string => `${((ms * 1000) / sizes.channels).toFixed(0)} µs per channel`;
    console.log(`  daily question: ${daily.posts} posts in ${daily.ms.toFixed(0)} ms (${per(daily.ms)})`);
    console.log(`  weekly digest:  ${digest.posts} posts in ${digest.ms.toFixed(0)} ms (${per(digest.ms)})`);
    console.log(`  digest / daily fan-out: ${(digest.ms / daily.ms).toFixed(2)}x`);
    const exact = daily.posts === sizes.channels && digest.posts === sizes.channels;
    console.log(`  one post per channel per slot: ${exact ? 'yes' : 'NO'}`);
  } finally {
    await engine.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function timedSlot(clock: FakeClock, wake: FakeTimer, platform: FakePlatform, at: string): Promise<{ ms: number; posts: number }> {
  const before = platform.posts().length;
  clock.set(at);
  const t0 = performance.now();
  await wake.fire();
  return { ms: performance.now() - t0, posts: platform.posts().length - before };
}

function channelsOf(sizes: Sizes): ChannelRef[] {
  return Array.from({ length: sizes.channels }, (_, i) => ({ platform: 'discord', workspaceId: `g${i % sizes.guilds}`, channelId: `c${i}` }));
}

/** Week 47 (Nov 16–22) in every workspace: each person grades the seven daily posts of its first channel. */
async function seedWeek(engine: Engine, channels: readonly ChannelRef[], sizes: Sizes, questionIds: readonly string[]): Promise<void> {
  const { scoring } = engine.services;
  const grades = ['got', 'partly', 'missed'] as const;
  for (let g = 0; g < sizes.guilds; g++) {
    const channel = channels[g];
    if (!channel) continue;
    const ws = { platform: channel.platform, workspaceId: channel.workspaceId };
    const admin: UserRef = { ...ws, userId: 'admin' };
    await scoring.createTeam(ws, 'Owls', admin);
    await scoring.createTeam(ws, 'Foxes', admin);
    for (let p = 0; p < sizes.people; p++) {
      const user: UserRef = { ...ws, userId: `u${p}`, name: `Person ${p}` };
      await scoring.joinTeam(user, p % 2 === 0 ? 'Owls' : 'Foxes');
      for (let day = 0; day < 7; day++) {
        const postedAt = new Date(Date.UTC(2026, 10, 16 + day, 9));
        await scoring.grade({
          postId: `${channel.channelId}-${day}`,
          kind: 'daily',
          user,
          channel,
          questionId: questionIds[(g * 7 + day) % questionIds.length] ?? 'q',
          category: null,
          grade: grades[(p + day) % 3] ?? 'got',
          postedAt,
          closesAt: new Date(postedAt.getTime() + 86_400_000),
          at: new Date(postedAt.getTime() + 3_600_000),
          dailySeq: day + 1,
        });
      }
    }
  }
}

function readSizes(env: NodeJS.ProcessEnv): Sizes {
  const store = env['DIGEST_STORE'] ?? 'memory';
  if (store !== 'memory' && store !== 'sqlite') throw new Error(`DIGEST_STORE is memory or sqlite, not ${store}`);
  const sizes: Sizes = {
    channels: whole(env, 'DIGEST_CHANNELS', 2_000),
    guilds: whole(env, 'DIGEST_GUILDS', 50),
    people: whole(env, 'DIGEST_PEOPLE', 30),
    store,
    images: env['DIGEST_IMAGES'] === '1',
  };
  if (sizes.guilds > sizes.channels) throw new Error(`DIGEST_GUILDS (${sizes.guilds}) is more than DIGEST_CHANNELS (${sizes.channels})`);
  return sizes;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not ${raw}`);
  return n;
}
