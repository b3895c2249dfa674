import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BankService } from '../../../src/core/bank-service.js';
import { lastPostKey } from '../../../src/core/daily/keys.js';
import { createDigestService, seasonEndsPosted } from '../../../src/core/digest/index.js';
import type { DigestDeps, DigestService } from '../../../src/core/digest/index.js';
import { type EngineConfig, defaultEngineConfig } from '../../../src/core/engine-config.js';
import type { PlatformPort } from '../../../src/core/platform.js';
import type { ChannelRef, UserRef } from '../../../src/core/refs.js';
import { createScoringService } from '../../../src/core/scoring/index.js';
import type { ScoringService } from '../../../src/core/scoring/service.js';
import type { Grade } from '../../../src/core/scoring/grades.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { FakePlatform } from '../../fakes/platform.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { type TestWorld, createTestWorld } from '../../fakes/world.js';
import { discord } from '../../helpers/people.js';
import { question, testBank } from '../daily/helpers.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const { channel, ann: admin, workspace } = discord;
export const person = (name: string): UserRef => discord.person(name.toLowerCase(), name);

/** Streak bonuses off, so the boards hold exactly 3 / 1 / 0 per got / partly / missed. */
export const config: EngineConfig = { ...defaultEngineConfig, streakBonus: { fromStreak: 3, points: 0 } };

/** q1 … q20, each with an answer. */
export const bank: BankService = testBank(Array.from({ length: 20 }, (_, i) => question(`q${i + 1}`))).bank;

/** Every create the port is asked for, before the fake's own dedupe by idempotency key, so a double post shows. */
export class CountingPlatform extends FakePlatform {
  readonly attempts: { channel: ChannelRef; key: string | undefined }[] = [];
  override post(...args: Parameters<PlatformPort['post']>): ReturnType<PlatformPort['post']> {
    this.attempts.push({ channel: args[0], key: args[2]?.idempotencyKey });
    return super.post(...args);
  }
}

export interface Process {
  world: TestWorld;
  timer: FakeTimer;
  scoring: ScoringService;
  digest: DigestService;
}

export interface Harness extends Process {
  platform: CountingPlatform;
  /** Another process on the same clock and platform, over `store` (the same store, or another connection to it). */
  second(store?: Store): Process;
  /** Moves the clock a minute at a time and wakes the given processes together. */
  runFor(ms: number, processes?: Process[]): Promise<void>;
  /** Grades a daily post of `channel` with sequence `seq` (question `q<seq>`), posted at `postedAt`. */
  grade(user: UserRef, seq: number, postedAt: string, grade: Grade, at?: string): Promise<void>;
  /** Records the channel's latest daily post, as the daily service would, for streaks. */
  latestDaily(seq: number, postedAt: string): Promise<void>;
}

export async function openHarness(opts: { start?: string; store?: Store; extras?: Pick<DigestDeps, 'images' | 'practice'> } = {}): Promise<Harness> {
  const world = await createTestWorld({ ...(opts.start ? { start: opts.start } : {}), ...(opts.store ? { store: opts.store } : {}) });
  const platform = new CountingPlatform();
  const build = (w: TestWorld): Process => {
    const timer = new FakeTimer();
    const raw = createScoringService({ world: w, config });
    const digest = createDigestService({ world: w, config, bank, platform, scoring: raw, wakeTimer: timer, ...opts.extras });
    return { world: w, timer, digest, scoring: seasonEndsPosted(raw, digest) };
  };
  const first = build(world);
  const h: Harness = {
    ...first,
    platform,
    second: (store) => build({ ...world, store: store ?? world.store }),
    async runFor(ms, processes = [first]) {
      for (let done = 0; done < ms; done += MINUTE) {
        world.clock.advance(MINUTE);
        await Promise.all(processes.map((p) => p.timer.fire()));
      }
    },
    async grade(user, seq, postedAt, grade, at) {
      const posted = new Date(postedAt);
      await first.scoring.grade({
        postId: `p${seq}`,
        kind: 'daily',
        user,
        channel,
        questionId: `q${seq}`,
        category: 'Basics',
        grade,
        postedAt: posted,
        closesAt: new Date(posted.getTime() + config.gradeWindowMs),
        at: new Date(at ?? new Date(posted.getTime() + HOUR).toISOString()),
        dailySeq: seq,
      });
    },
    async latestDaily(seq, postedAt) {
      const closesAt = new Date(Date.parse(postedAt) + config.gradeWindowMs).toISOString();
      await world.store.set(lastPostKey(channel), { postId: `p${seq}`, channel, dailySeq: seq, postedAt, closesAt });
    },
  };
  return h;
}

/** Temp SQLite files for one test file; call cleanup in afterAll. */
export function sqliteFiles(): { open(): Promise<{ path: string; store: Store }>; openAt(path: string): Promise<Store>; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'recall-digest-'));
  let n = 0;
  return {
    async open() {
      const path = join(dir, `digest-${++n}.sqlite`);
      return { path, store: await createStore(`sqlite://${path}`) };
    },
    openAt: (path) => createStore(`sqlite://${path}`),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
