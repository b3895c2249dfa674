import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe } from 'vitest';
import { type EngineConfig, defaultEngineConfig } from '../../../src/core/engine-config.js';
import type { ChannelRef, UserRef, WorkspaceRef } from '../../../src/core/refs.js';
import { createScoringService } from '../../../src/core/scoring/index.js';
import { type BoardSlot, boardName } from '../../../src/core/scoring/keys.js';
import type { ScoringService } from '../../../src/core/scoring/service.js';
import type { BoardKind, GradeRequest } from '../../../src/core/scoring/types.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { type TestWorld, createTestWorld } from '../../fakes/world.js';
import { castOn, discord, slackStyleIds } from '../../helpers/people.js';

export const STORE_KINDS = ['memory', 'sqlite'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

export interface Harness {
  world: TestWorld;
  store: Store;
  scoring: ScoringService;
  config: EngineConfig;
  /** The SQLite file, for tests that seed it directly. */
  file?: string;
  close(): Promise<void>;
}

export async function openHarness(kind: StoreKind, opts: { start?: string; config?: EngineConfig } = {}): Promise<Harness> {
  const dir = kind === 'sqlite' ? mkdtempSync(path.join(os.tmpdir(), 'recall-scoring-')) : undefined;
  const file = dir ? path.join(dir, 'store.sqlite') : undefined;
  const store = await createStore(file ?? 'memory://');
  const world = await createTestWorld({ store, ...(opts.start ? { start: opts.start } : {}) });
  const config = opts.config ?? defaultEngineConfig;
  return {
    world,
    store,
    config,
    ...(file ? { file } : {}),
    scoring: createScoringService({ world, config }),
    async close() {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a suite once per store backend, with a fresh store and service for every test. */
export function describeEachStore(title: string, suite: (h: () => Harness) => void, opts: { start?: string; config?: EngineConfig } = {}): void {
  describe.each(STORE_KINDS)(`${title} (%s store)`, (kind) => {
    let harness: Harness | undefined;
    beforeEach(async () => {
      harness = await openHarness(kind, opts);
    });
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });
    suite(() => {
      if (!harness) throw new Error('harness used outside a test');
      return harness;
    });
  });
}

export const WS: WorkspaceRef = discord.workspace;
export const OTHER_WS: WorkspaceRef = { platform: 'slack', workspaceId: 'T-other' };
const cast = castOn(WS, 'chan-1', slackStyleIds);
export const CHANNEL: ChannelRef = cast.channel;

export function person(userId: string, name?: string, ws: WorkspaceRef = WS): UserRef {
  return { ...ws, userId, ...(name ? { name } : {}) };
}

export const { alice, bob, carol } = cast;

const HOUR = 3_600_000;

/** A daily grade on post p1 (Monday 2026-11-23, ISO week 48), given on time unless overridden. */
export function gradeReq(overrides: Partial<GradeRequest> = {}): GradeRequest {
  const postedAt = overrides.postedAt ?? new Date('2026-11-23T09:00:00Z');
  const user = overrides.user ?? alice;
  return {
    postId: 'daily:chan-1:1',
    kind: 'daily',
    user,
    channel: { ...CHANNEL, platform: user.platform, workspaceId: user.workspaceId },
    questionId: 'q-1',
    dailySeq: 1,
    category: 'ai',
    grade: 'got',
    postedAt,
    closesAt: new Date(postedAt.getTime() + 24 * HOUR),
    at: new Date(postedAt.getTime() + HOUR),
    ...overrides,
  };
}

/** A member's points on one raw board, or null when they have no row. */
export async function pointsOn(h: Harness, kind: BoardKind, slot: BoardSlot, member: string, ws: WorkspaceRef = WS): Promise<number | null> {
  return (await h.store.boardRank(boardName(ws, kind, slot), member))?.score ?? null;
}

export const ALL: BoardSlot = { period: 'all' };
export const WEEK_48: BoardSlot = { period: 'week', id: '2026-W48' };
export const NOV: BoardSlot = { period: 'month', id: '2026-11' };
