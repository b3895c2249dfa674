import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBankService } from '../src/core/bank-service.js';
import { defaultEngineConfig } from '../src/core/engine-config.js';
import { silentLogger } from '../src/core/logger.js';
import { createPracticeService } from '../src/core/practice/index.js';
import { practiceKeys } from '../src/core/practice/keys.js';
import { resolveDeck } from '../src/core/practice/deck.js';
import { nextDue } from '../src/core/practice/queue.js';
import type { PracticeDeps } from '../src/core/practice/service.js';
import type { CardRecord, SessionRecord } from '../src/core/practice/types.js';
import { seededRandom } from '../src/core/random.js';
import { createScoringService } from '../src/core/scoring/index.js';
import type { World } from '../src/core/world.js';
import { createStore } from '../src/store/create-store.js';
import type { Store } from '../src/store/store.js';
import { redisServerOnPath } from '../tests/helpers/redis-global-setup.js';
import { freePort } from '../tests/helpers/main-process.js';
import { ms, percentile, ratio } from './discord/stats.js';
import { WS, seedRedis, seedSqlite, syntheticBank, userId } from './practice/seed.js';

/**
 * `npm run bench -- practice`: PRACTICE_PEOPLE people (default 10,000) with PRACTICE_CARDS cards each
 * (default 2,000: 20M in all) on SQLite, and on Redis when redis-server is on PATH (a private one on a
 * free port, no persistence). Reported, never asserted:
 *  - the next due card for one person (the queue read a session makes: the person's due index, first
 *    page, filtered by the bank), median and p99 over PRACTICE_SAMPLES random people; goal under 5 ms
 *    on SQLite; as a ratio to a bare boardTop of 16 rows on the same store (the floor of that read);
 *  - opening a session (`practice.start`: settings, summary, the queue read, the session write);
 *  - PRACTICE_GRADES (default 1,000) people pressing Good at once, each press delivered twice: wall
 *    time, and how many cards, summaries and sessions show exactly one review;
 *  - dueSummary for every person (what a reminder fan-out asks), 32 at a time.
 * The due indexes are seeded with direct batched writes (SQLite rows in recall_boards, Redis ZADD of a
 * whole index), not 40M store calls; card values exist only for the cards graded here, since no read
 * measured touches the others (a card value is read when graded, or when looking for new cards).
 */
export async function run(args: readonly string[] = []): Promise<void> {
  if (args.length > 0)
    throw new Error(`practice takes no flags (got ${args.join(' ')}); size it with PRACTICE_PEOPLE, PRACTICE_CARDS, PRACTICE_SAMPLES, PRACTICE_GRADES, PRACTICE_STORES`);
  const o = {
    people: whole('PRACTICE_PEOPLE', 10_000),
    cards: whole('PRACTICE_CARDS', 2_000),
    samples: whole('PRACTICE_SAMPLES', 2_000),
    grades: whole('PRACTICE_GRADES', 1_000),
    stores: (process.env['PRACTICE_STORES'] ?? 'sqlite,redis').split(',').map((s) => s.trim()),
  };
  const bankSize = Math.ceil(o.cards * 1.25);
  console.log(
    `Recall practice benchmark: ${o.people} people × ${o.cards} cards (${((o.people * o.cards) / 1e6).toFixed(1)}M) over a bank of ${bankSize}, node ${process.version}, ${os.cpus().length} CPUs\n`,
  );
  for (const kind of o.stores) {
    if (kind === 'sqlite') await onSqlite(o, bankSize);
    else if (kind === 'redis') await onRedis(o, bankSize);
    else throw new Error(`PRACTICE_STORES lists sqlite and/or redis, not ${kind}`);
  }
}

type Options = { people: number; cards: number; samples: number; grades: number };
const NOW = Date.parse('2026-12-01T09:00:00Z');

async function onSqlite(o: Options, bankSize: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-bench-practice-'));
  const file = path.join(dir, 'store.sqlite');
  try {
    await (await createStore(file)).close(); // the schema
    const seeded = await timed(() => seedSqlite(file, 'recall', o.people, o.cards, bankSize, NOW, progress('sqlite')));
    console.log(`\nsqlite: seeded in ${(seeded.ms / 1000).toFixed(0)} s, file ${(statSync(file).size / 1e9).toFixed(2)} GB (+ WAL ${(walSize(file) / 1e9).toFixed(2)} GB)`);
    const store = await createStore(file);
    try {
      await measure('sqlite', store, o, bankSize);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function onRedis(o: Options, bankSize: number): Promise<void> {
  const binary = redisServerOnPath();
  if (!binary) {
    console.log('redis: skipped, no redis-server on PATH');
    return;
  }
  const port = await freePort();
  const server = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await ready(server);
    const url = `redis://127.0.0.1:${port}`;
    const seeded = await timed(() => seedRedis(url, 'recall', o.people, o.cards, bankSize, NOW, progress('redis')));
    console.log(`\nredis: seeded in ${(seeded.ms / 1000).toFixed(0)} s`);
    const store = await createStore(url);
    try {
      await measure('redis', store, o, bankSize);
    } finally {
      await store.close();
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
}

async function measure(kind: string, store: Store, o: Options, bankSize: number): Promise<void> {
  let now = NOW;
  const world: World = { clock: { now: () => new Date(now) }, store, random: seededRandom(7), logger: silentLogger, timers: { after: () => ({ cancel() {} }) } };
  const loaded = syntheticBank(bankSize);
  const bank = createBankService(loaded, async () => loaded);
  const config = defaultEngineConfig;
  const deps: PracticeDeps = { world, config, bank, scoring: createScoringService({ world, config }) };
  const practice = createPracticeService(deps);
  const all = resolveDeck(deps, { kind: 'all' });
  const pick = seededRandom(11);
  const person = () => ({ ...WS, userId: userId(Math.floor(pick.next() * o.people)) });

  const bare = await sample(o.samples, async () => void (await store.boardTop(practiceKeys.due(WS, person().userId), 16)));
  const next = await sample(o.samples, async () => {
    if (!(await nextDue(deps, person(), all, new Date(now)))) throw new Error('no due card: the seed should leave some due');
  });
  const start = await sample(Math.min(o.samples, 500), async () => void (await practice.start(person(), { kind: 'all' })));

  console.log(`${kind}: next due card for one person, ${o.samples} random people`);
  console.log(`  bare boardTop(16)      median ${ms(percentile(bare, 50))}  p99 ${ms(percentile(bare, 99))}`);
  console.log(
    `  next due card          median ${ms(percentile(next, 50))}  p99 ${ms(percentile(next, 99))}  (${ratio(percentile(next, 50) / percentile(bare, 50))} the bare read${kind === 'sqlite' ? `; goal < 5 ms: ${percentile(next, 99) < 5 ? 'met at p99' : percentile(next, 50) < 5 ? 'met at the median' : 'missed'}` : ''})`,
  );
  console.log(`  practice.start         median ${ms(percentile(start, 50))}  p99 ${ms(percentile(start, 99))}  (settings, summary, queue, session write)`);

  // Grades: distinct people, each opening a session first (untimed), then every press sent twice at once.
  const graders = Array.from({ length: o.grades }, (_, i) => ({ ...WS, userId: `G-${i}` }));
  const firstOffset = o.people - o.grades; // graders reuse the last people's due indexes
  const copy = await Promise.all(graders.map((_, i) => store.boardTop(practiceKeys.due(WS, userId(Math.max(0, firstOffset + i) % o.people)), 32)));
  await Promise.all(graders.map((g, i) => Promise.all((copy[i] ?? []).map((e) => store.boardAdd(practiceKeys.due(WS, g.userId), e.member, e.score)))));
  for (const g of graders) await practice.start(g, { kind: 'all' });
  const sessions = await Promise.all(graders.map((g) => store.get<SessionRecord>(practiceKeys.session(WS, g.userId))));
  const presses = graders.flatMap((g, i) => {
    const s = sessions[i];
    if (!s) throw new Error('no session');
    const action = `practice:grade:${s.id}:${s.n}:good`;
    return [0, 1].map(() => ({ action, user: g, channel: { ...WS, channelId: 'C-bench' }, isAdmin: false }));
  });
  now += 1000;
  const graded = await timed(() => Promise.all(presses.map((p) => practice.handleAction(p))));
  let exact = 0;
  for (const [i, g] of graders.entries()) {
    const s = sessions[i];
    const card = s?.current ? await store.get<CardRecord>(practiceKeys.card(WS, g.userId, s.current.questionId)) : undefined;
    const after = await store.get<SessionRecord>(practiceKeys.session(WS, g.userId));
    if (card?.fsrs.reps === 1 && after?.reviewed === 1) exact++;
  }
  console.log(
    `  ${o.grades} grades at once, each delivered twice: ${(graded.ms / 1000).toFixed(2)} s (${((2 * o.grades) / (graded.ms / 1000)).toFixed(0)} presses/s); recorded exactly once: ${exact}/${o.grades}${exact === o.grades ? '' : ' NOT EXACT'}`,
  );

  const everyone = Array.from({ length: o.people }, (_, p) => ({ ...WS, userId: userId(p) }));
  let dueTotal = 0;
  const summaries = await timed(async () => {
    for (let i = 0; i < everyone.length; i += 32) {
      const batch = await Promise.all(everyone.slice(i, i + 32).map((u) => practice.dueSummary(u, new Date(now))));
      for (const b of batch) dueTotal += b.due;
    }
  });
  console.log(
    `  dueSummary for all ${o.people} people, 32 at a time: ${(summaries.ms / 1000).toFixed(1)} s (${(summaries.ms / o.people).toFixed(2)} ms each; ${(dueTotal / o.people).toFixed(0)} due per person on average)\n`,
  );
}

async function sample(n: number, fn: () => Promise<void>): Promise<number[]> {
  for (let i = 0; i < Math.min(50, n); i++) await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

function progress(kind: string): (done: number) => void {
  let last = 0;
  return (done) => {
    if (done - last < 1000 && done % 1000 !== 0) return;
    last = done;
    process.stdout.write(`\r${kind}: seeding… ${done} people`);
  };
}

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

function ready(server: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`redis-server did not start:\n${output}`)), 10_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout?.on('data', read);
    server.once('exit', () => reject(new Error(`redis-server exited:\n${output}`)));
  });
}

function whole(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not ${raw}`);
  return n;
}
