import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../src/core/clock.js';
import { defaultEngineConfig } from '../src/core/engine-config.js';
import { silentLogger } from '../src/core/logger.js';
import { seededRandom } from '../src/core/random.js';
import type { UserRef, WorkspaceRef } from '../src/core/refs.js';
import { createScoringService } from '../src/core/scoring/index.js';
import { boardName } from '../src/core/scoring/keys.js';
import type { GradeRequest } from '../src/core/scoring/types.js';
import { systemTimers } from '../src/core/timers.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/store.js';

/**
 * What the practice engine costs on top of the store it stands on. With 100,000 people on one board:
 * answering `leaderboard` (top 10 and the caller's rank), and applying 10,000 grades — each against the
 * bare keyv get/set of the same number of records on the same store, in the same run. Printed, never
 * asserted (2 shared cores). Flags: --people N --grades G --store sqlite|memory|redis (redis needs REDIS_URL).
 */

const WS: WorkspaceRef = { platform: 'discord', workspaceId: 'bench-guild' };
const CONCURRENCY = 50;

interface Options {
  people: number;
  grades: number;
  store: 'sqlite' | 'memory' | 'redis';
}

export async function run(args: readonly string[] = []): Promise<void> {
  const options = parseOptions(args);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-bench-core-'));
  const url = options.store === 'memory' ? 'memory://' : options.store === 'redis' ? requireRedis() : path.join(dir, 'recall.sqlite');
  const store = await createStore(url, { namespace: `bench-${Date.now()}` });
  try {
    console.log(`Recall core benchmark: ${options.store} store, ${fmt(options.people)} people, ${fmt(options.grades)} grades, node ${process.version}, ${os.cpus().length} CPUs`);
    const world = { clock: systemClock, store, random: seededRandom(1), logger: silentLogger, timers: systemTimers };
    const scoring = createScoringService({ world, config: defaultEngineConfig });

    const fillStarted = performance.now();
    await fillBoard(store, options.people);
    console.log(`filled one board with ${fmt(options.people)} people in ${ms(performance.now() - fillStarted)}\n`);

    const someone = (i: number): UserRef => ({ ...WS, userId: `u${(i * 7919) % options.people}`, name: `Person ${i}` });
    const lbRecall = await timeEach(200, (i) => scoring.leaderboard({ workspace: WS, kind: 'people', period: 'all', user: someone(i), at: new Date() }));
    // The bare equivalent: read the same eleven records (ten rows and the caller's) as plain keyv values.
    const lbBare = await timeEach(200, async (i) => {
      for (let k = 0; k < 11; k++) await store.get(`bare:person:${(i + k) % options.people}`);
    });
    report('leaderboard (top 10 + own rank)', lbRecall, lbBare);

    const gradesRecall = await timeTotal(options.grades, (i) => scoring.grade(gradeRequest(i, options.people)));
    const gradesBare = await timeTotal(options.grades, async (i) => {
      const key = `bare:grade:${i}`;
      await store.get(key);
      await store.set(key, { grade: 'got', points: 3 });
    });
    console.log(
      `grades: ${fmt(options.grades)} through scoring.grade in ${ms(gradesRecall)} (${fmt(Math.round(options.grades / (gradesRecall / 1000)))}/s); ` +
        `bare get+set of ${fmt(options.grades)} records in ${ms(gradesBare)}; ratio ${(gradesRecall / gradesBare).toFixed(2)}x`,
    );
    console.log('\n(a grade is a record update, stats and profile updates and four board adds: week, month, all, team when in one)');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fillBoard(store: Store, people: number): Promise<void> {
  const board = boardName(WS, 'people', { period: 'all' });
  const random = seededRandom(7);
  for (let start = 0; start < people; start += CONCURRENCY * 20) {
    const batch = Array.from({ length: Math.min(CONCURRENCY * 20, people - start) }, (_, k) => start + k);
    await Promise.all(batch.map((i) => store.boardAdd(board, `u${i}`, Math.floor(random.next() * 1000))));
    await Promise.all(batch.map((i) => store.set(`bare:person:${i}`, { member: `u${i}`, score: i })));
  }
}

function gradeRequest(i: number, people: number): GradeRequest {
  const user: UserRef = { ...WS, userId: `u${i % people}`, name: `Person ${i}` };
  const postedAt = new Date();
  return {
    postId: `bench-post-${Math.floor(i / people)}-${i}`,
    kind: 'daily',
    user,
    channel: { ...WS, channelId: 'bench' },
    questionId: `q${i % 300}`,
    category: `Category ${i % 12}`,
    grade: (['got', 'partly', 'missed'] as const)[i % 3] ?? 'got',
    postedAt,
    closesAt: new Date(postedAt.getTime() + 86_400_000),
    at: postedAt,
  };
}

async function timeEach(n: number, op: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await op(i);
    samples.push(performance.now() - t);
  }
  return samples.sort((a, b) => a - b);
}

/** Runs n operations, CONCURRENCY at a time, as a bot under load would. */
async function timeTotal(n: number, op: (i: number) => Promise<unknown>): Promise<number> {
  const t = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await op(next++);
    }),
  );
  return performance.now() - t;
}

function report(name: string, recall: number[], bare: number[]): void {
  const p = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;
  console.log(
    `${name}: median ${ms(p(recall, 0.5))} (p99 ${ms(p(recall, 0.99))}); bare 11 keyv gets median ${ms(p(bare, 0.5))} (p99 ${ms(p(bare, 0.99))}); ` +
      `ratio ${(p(recall, 0.5) / p(bare, 0.5)).toFixed(2)}x median, ${(p(recall, 0.99) / p(bare, 0.99)).toFixed(2)}x p99`,
  );
}

function parseOptions(args: readonly string[]): Options {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const people = Number(value('--people') ?? 100_000);
  const grades = Number(value('--grades') ?? 10_000);
  const store = value('--store') ?? 'sqlite';
  if (!Number.isInteger(people) || people < 11 || !Number.isInteger(grades) || grades < 1) throw new Error('--people must be at least 11 and --grades at least 1');
  if (store !== 'sqlite' && store !== 'memory' && store !== 'redis') throw new Error('--store is sqlite, memory or redis');
  return { people, grades, store };
}

function requireRedis(): string {
  const url = process.env['REDIS_URL'];
  if (!url) throw new Error('--store redis needs REDIS_URL');
  return url;
}

const fmt = (n: number) => n.toLocaleString('en');
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(2)} ms`);
