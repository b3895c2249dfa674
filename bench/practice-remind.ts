import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { commands } from '../commands/index.js';
import { createBankService } from '../src/core/bank-service.js';
import { defaultEngineConfig } from '../src/core/engine-config.js';
import { type Engine, createEngine } from '../src/core/engine.js';
import { silentLogger } from '../src/core/logger.js';
import type { PlatformPort } from '../src/core/platform.js';
import { seededRandom } from '../src/core/random.js';
import type { ChannelRef, UserRef } from '../src/core/refs.js';
import { systemTimers } from '../src/core/timers.js';
import { loadBankFromDisk } from '../src/io/load-bank-from-disk.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/store.js';
import { FakeClock } from '../tests/fakes/clock.js';
import { FakeTimer } from '../tests/fakes/wake-timer.js';

/**
 * `npm run bench -- practice-remind`: the practice-reminder fan-out for N people (default 10,000) as a
 * ratio to the daily question's fan-out to N channels, both through the real engine and the same slot
 * claims, against a platform port that answers at once, so what is timed is the core and the store:
 * from the slot's wake until every nudge (every post) has been handed to the platform. Each person holds
 * --cards cards (default 3), all due at the reminder's time, so every reminder sends.
 * Flags: --people N --cards C --store memory|sqlite|redis (redis needs REDIS_URL). Printed, never asserted.
 */

const WS = { platform: 'slack' as const, workspaceId: 'T-bench' };
const SET_AT = '2026-11-23T08:00:00Z';
const BEFORE = '2026-11-24T07:29:00Z';
const SLOT = '2026-11-24T07:30:00Z';

export interface FanoutFigures {
  /** Wall time of the slot's wake, until the last nudge or post was handed over. */
  ms: number;
  /** Nudges or posts handed to the platform in that wake. */
  sent: number;
  setupMs: number;
}

export interface ReminderBenchOptions {
  people: number;
  cards: number;
  store: 'memory' | 'sqlite' | 'redis';
}

/** A platform that takes everything at once: the figures are Recall's own cost. */
function countingPort(): PlatformPort & { posts: number; privates: number } {
  let n = 0;
  const port = {
    posts: 0,
    privates: 0,
    async post() {
      port.posts++;
      return { messageId: `m${++n}` };
    },
    async postInThread() {
      return { messageId: `m${++n}` };
    },
    async sendPrivate() {
      port.privates++;
    },
    async update() {},
    capabilities: () => ({ spoilers: true }),
  };
  return port;
}

async function openStore(kind: ReminderBenchOptions['store'], dir: string, name: string): Promise<Store> {
  const namespace = `bench-remind-${name}-${Date.now()}`;
  if (kind === 'memory') return createStore('memory://', { namespace });
  if (kind === 'sqlite') return createStore(path.join(dir, `${name}.sqlite`), { namespace });
  const url = process.env['REDIS_URL'];
  if (!url) throw new Error('--store redis needs REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379)');
  return createStore(url, { namespace });
}

async function engineOn(store: Store, port: PlatformPort, bank: Awaited<ReturnType<typeof loadBankFromDisk>>) {
  const clock = new FakeClock(SET_AT);
  const wake = new FakeTimer();
  const world = { clock, store, random: seededRandom(3), logger: silentLogger, timers: systemTimers };
  const engine: Engine = createEngine({ world, config: defaultEngineConfig, bank: createBankService(bank, async () => bank), platform: port, commands, wakeTimer: wake });
  await engine.start();
  return { engine, clock, wake };
}

/** The slot's wake, timed; one wake a minute before lets every process's sync see every schedule first. */
async function timeSlot(clock: FakeClock, wake: FakeTimer): Promise<number> {
  clock.set(BEFORE);
  await wake.fire();
  clock.set(SLOT);
  const started = performance.now();
  await wake.fire();
  return performance.now() - started;
}

async function runBatches(n: number, width: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < n; start += width) {
    await Promise.all(Array.from({ length: Math.min(width, n - start) }, (_, k) => fn(start + k)));
  }
}

export async function reminderFanout(options: ReminderBenchOptions, dir: string, bank: Awaited<ReturnType<typeof loadBankFromDisk>>): Promise<FanoutFigures> {
  const store = await openStore(options.store, dir, 'remind');
  const port = countingPort();
  const { engine, clock, wake } = await engineOn(store, port, bank);
  try {
    const questions = bank.questions.filter((q) => q.answer);
    const channel: ChannelRef = { ...WS, channelId: 'C-bench' };
    const setupStarted = performance.now();
    await runBatches(options.people, 50, async (i) => {
      const user: UserRef = { ...WS, userId: `U${i}` };
      for (let c = 0; c < options.cards; c++) {
        const q = questions[(i * 31 + c * 7) % questions.length]!;
        const at = clock.now();
        // A missed daily question: FSRS Again, back within minutes, so due at tomorrow's reminder.
        await engine.services.practice.learnFromGrade({
          postId: `seed-${i}-${c}`,
          kind: 'daily',
          user,
          channel,
          questionId: q.id,
          category: q.category,
          grade: 'missed',
          postedAt: at,
          closesAt: at,
          at,
        });
      }
      await engine.services.reminders.set(user, channel, { time: '07:30', timezone: 'UTC' });
    });
    const setupMs = performance.now() - setupStarted;
    const ms = await timeSlot(clock, wake);
    return { ms, sent: port.privates, setupMs };
  } finally {
    await engine.stop();
    await store.close();
  }
}

export async function dailyFanout(options: ReminderBenchOptions, dir: string, bank: Awaited<ReturnType<typeof loadBankFromDisk>>): Promise<FanoutFigures> {
  const store = await openStore(options.store, dir, 'daily');
  const port = countingPort();
  const { engine, wake, clock } = await engineOn(store, port, bank);
  try {
    const by: UserRef = { ...WS, userId: 'U-admin' };
    const setupStarted = performance.now();
    // One after another: each configure rewrites the daily channel index, and in parallel they would only queue on it.
    for (let i = 0; i < options.people; i++) await engine.services.daily.configure({ ...WS, channelId: `C${i}` }, { when: '07:30', timezone: 'UTC' }, by);
    const setupMs = performance.now() - setupStarted;
    const ms = await timeSlot(clock, wake);
    return { ms, sent: port.posts, setupMs };
  } finally {
    await engine.stop();
    await store.close();
  }
}

export async function run(args: readonly string[] = []): Promise<void> {
  const options = parseOptions(args);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-bench-remind-'));
  try {
    const bank = await loadBankFromDisk(['questions']);
    console.log(
      `Practice reminder fan-out: ${fmt(options.people)} people with ${options.cards} due cards each vs the daily question to ${fmt(options.people)} channels, ${options.store} store, instant platform port, node ${process.version}, ${os.cpus().length} CPUs\n`,
    );
    const daily = await dailyFanout(options, dir, bank);
    console.log(`daily question   set up in ${secs(daily.setupMs)}; slot wake: ${fmt(daily.sent)} posts in ${secs(daily.ms)} (${us(daily.ms / Math.max(1, daily.sent))} each)`);
    const remind = await reminderFanout(options, dir, bank);
    console.log(
      `practice reminder set up in ${secs(remind.setupMs)}; slot wake: ${fmt(remind.sent)} nudges in ${secs(remind.ms)} (${us(remind.ms / Math.max(1, remind.sent))} each)`,
    );
    console.log(`\nreminder fan-out / daily fan-out: ${(remind.ms / daily.ms).toFixed(2)}x`);
    if (remind.sent !== options.people || daily.sent !== options.people) console.log(`NOTE: expected ${options.people} of each, got ${remind.sent} nudges and ${daily.sent} posts`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseOptions(args: readonly string[]): ReminderBenchOptions {
  const options: ReminderBenchOptions = { people: 10_000, cards: 3, store: 'memory' };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--people' || flag === '--cards') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number above 0, not ${value}`);
      options[flag === '--people' ? 'people' : 'cards'] = n;
    } else if (flag === '--store') {
      if (value !== 'memory' && value !== 'sqlite' && value !== 'redis') throw new Error(`--store is memory, sqlite or redis, not ${value}`);
      options.store = value;
    } else {
      throw new Error(`unknown flag ${flag} (practice-remind takes --people N --cards C --store memory|sqlite|redis)`);
    }
  }
  return options;
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const us = (ms: number): string => `${(ms * 1000).toFixed(0)} µs`;
