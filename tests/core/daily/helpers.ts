import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BankLoadResult, Question } from '../../../src/bank/types.js';
import { type BankService, createBankService } from '../../../src/core/bank-service.js';
import type { Command } from '../../../src/core/commands/types.js';
import { createDailyService } from '../../../src/core/daily/index.js';
import type { DailyPost, DailyService } from '../../../src/core/daily/index.js';
import { loadPost } from '../../../src/core/daily/store.js';
import { type EngineConfig, defaultEngineConfig } from '../../../src/core/engine-config.js';
import { normalizeReaction } from '../../../src/core/emoji.js';
import type { ChannelRef, UserRef } from '../../../src/core/refs.js';
import type { Button, Reply } from '../../../src/core/reply.js';
import type { ScoringService } from '../../../src/core/scoring/service.js';
import type { GradeRequest, GradeResult, HeldGrade } from '../../../src/core/scoring/types.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { FakePlatform } from '../../fakes/platform.js';
import { type TestWorld, createTestWorld } from '../../fakes/world.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { commandHarness } from '../../helpers/commands.js';
import { discord, slack } from '../../helpers/people.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const { channel, alice, bob, carol } = discord;
export const otherChannel: ChannelRef = slack.channel;
export const admin: UserRef = discord.person('admin-ann', 'Ann');

export function question(id: string, overrides: Partial<Question> = {}): Question {
  return {
    id,
    question: `What is ${id}?`,
    answer: `${id} is the answer.`,
    hints: [],
    category: 'Basics',
    tags: [],
    difficulty: null,
    sources: [{ file: 'bank.md', line: 1 }],
    ...overrides,
  };
}

/** A bank whose next reload returns whatever the test put in `next`. */
export function testBank(questions: Question[]): { bank: BankService; setNext(questions: Question[]): void } {
  let next: BankLoadResult = { questions, warnings: [], files: ['bank.md'] };
  const bank = createBankService(next, async () => next);
  return { bank, setNext: (qs) => void (next = { questions: qs, warnings: [], files: ['bank.md'] }) };
}

/**
 * Scoring as documented, minimally: idempotent per (post, user), a changed grade replaces the earlier
 * one, late grades score nothing, and the streak counts the person's on-time graded posts.
 */
export class FakeScoring implements Pick<ScoringService, 'grade' | 'gradeOn'> {
  readonly requests: GradeRequest[] = [];
  private readonly grades = new Map<string, GradeRequest>();

  constructor(private readonly points: EngineConfig['points'] = defaultEngineConfig.points) {}

  async grade(req: GradeRequest): Promise<GradeResult> {
    this.requests.push(req);
    const key = `${req.postId}|${req.user.userId}`;
    const before = this.grades.get(key);
    const late = req.at > req.closesAt;
    const points = late ? 0 : this.points[req.grade];
    if (before?.grade === req.grade) return { grade: req.grade, points, bonus: 0, previous: before.grade, changed: false, late };
    this.grades.set(key, req);
    const streak = [...this.grades.values()].filter((g) => g.user.userId === req.user.userId && g.at <= g.closesAt).length;
    return { grade: req.grade, points, bonus: 0, previous: before?.grade ?? null, changed: true, late, ...(late ? {} : { streak }) };
  }

  async gradeOn(user: UserRef, postId: string): Promise<HeldGrade | null> {
    const held = this.grades.get(`${postId}|${user.userId}`);
    if (!held) return null;
    const late = held.at > held.closesAt;
    return { grade: held.grade, points: late ? 0 : this.points[held.grade], late };
  }

  /** Distinct graded (post, user) pairs. */
  get counted(): number {
    return this.grades.size;
  }
}

export interface Harness {
  world: TestWorld;
  platform: FakePlatform;
  timer: FakeTimer;
  scoring: FakeScoring;
  bank: BankService;
  config: EngineConfig;
  daily: DailyService;
  /** Moves the clock and wakes the runner, as the minute timer would. */
  tick(ms?: number): Promise<void>;
  /** Moves minute by minute for `ms`, waking every minute (never sleeps). */
  runFor(ms: number): Promise<void>;
  /** A fresh service on the same world, store, platform and bank: a restart, or a second process. */
  restart(opts?: { store?: Store }): Harness;
}

export async function createHarness(
  opts: { start?: string; store?: Store; bank?: BankService; config?: Partial<EngineConfig>; platform?: FakePlatform; seed?: number } = {},
): Promise<Harness> {
  const world = await createTestWorld({
    ...(opts.start ? { start: opts.start } : {}),
    ...(opts.store ? { store: opts.store } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
  const bank = opts.bank ?? testBank([question('alpha', { hints: ['Think of the first letter.'] }), question('beta'), question('gamma')]).bank;
  const config = { ...defaultEngineConfig, ...opts.config };
  return build(world, bank, config, opts.platform ?? new FakePlatform());
}

function build(world: TestWorld, bank: BankService, config: EngineConfig, platform: FakePlatform): Harness {
  const timer = new FakeTimer();
  const scoring = new FakeScoring(config.points);
  const daily = createDailyService({ world, config, bank, platform, scoring, wakeTimer: timer });
  const harness: Harness = {
    world,
    platform,
    timer,
    scoring,
    bank,
    config,
    daily,
    async tick(ms = 0) {
      world.clock.advance(ms);
      await timer.fire();
    },
    async runFor(ms) {
      for (let done = 0; done < ms; done += MINUTE) await harness.tick(MINUTE);
    },
    restart(restartOpts = {}) {
      const nextWorld: TestWorld = { ...world, store: restartOpts.store ?? world.store };
      return build(nextWorld, bank, config, platform);
    },
  };
  return harness;
}

export function react(user: UserRef, messageId: string, raw = '👀', where: ChannelRef = channel) {
  return { user, channel: where, messageId, reaction: normalizeReaction(raw) };
}

export function buttonsOf(reply: Reply): Button[] {
  return reply.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}

export function questionBlockOf(reply: Reply) {
  const block = reply.blocks.find((b) => b.type === 'question');
  if (block?.type !== 'question') throw new Error('the reply has no question block');
  return block;
}

/** Temp SQLite files for one test file; call cleanup in afterAll. */
export function sqliteFiles(): { open(): Promise<{ path: string; store: Store }>; openAt(path: string): Promise<Store>; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'recall-daily-'));
  let n = 0;
  return {
    async open() {
      const path = join(dir, `daily-${++n}.sqlite`);
      return { path, store: await createStore(`sqlite://${path}`) };
    },
    openAt: (path) => createStore(`sqlite://${path}`),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The postId a posted message carries on its Reveal button. */
export function postIdOf(reply: Reply): string {
  const reveal = buttonsOf(reply).find((b) => b.action.startsWith('daily:reveal:'));
  if (!reveal) throw new Error('not a daily post');
  return reveal.action.slice('daily:reveal:'.length);
}

/** The stored records of every daily post the platform saw in a channel, in posting order. */
export async function postRecords(h: Harness, channelId = channel.channelId): Promise<DailyPost[]> {
  const posts = h.platform.posts(channelId);
  const records = await Promise.all(posts.map((p) => loadPost(h.world.store, p.channel, postIdOf(p.reply))));
  return records.map((r, i) => {
    if (!r) throw new Error(`post ${i + 1} in ${channelId} has no record`);
    return r;
  });
}

/** Runs typed command lines (`daily set 09:30 weekdays Europe/Berlin`) through the real parser and dispatcher. */
export function commandLine(h: Harness, commands: readonly Command[]) {
  return commandHarness({ commands, services: { bank: h.bank, daily: h.daily }, logger: h.world.logger, now: () => h.world.clock.now(), user: admin, channel, admin }).reply;
}
