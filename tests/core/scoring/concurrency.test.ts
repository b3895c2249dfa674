import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { GRADES, type Grade } from '../../../src/core/scoring/grades.js';
import { scoringKeys } from '../../../src/core/scoring/keys.js';
import { createScoringService } from '../../../src/core/scoring/index.js';
import type { ScoringService } from '../../../src/core/scoring/service.js';
import { createStore } from '../../../src/store/create-store.js';
import { createTestWorld } from '../../fakes/world.js';
import { ALL, WEEK_48, WS, alice, describeEachStore, gradeReq, person, pointsOn } from './harness.js';

const pointsFor = (grade: Grade): number => defaultEngineConfig.points[grade];

/** The grade a person's stats say they hold on the post (exactly one count is 1 after a single post). */
async function finalGrade(scoring: ScoringService): Promise<Grade> {
  const stats = await scoring.stats(alice);
  expect(stats.graded).toBe(1);
  const held = GRADES.filter((g) => stats[g] === 1);
  expect(held).toHaveLength(1);
  return held[0] as Grade;
}

describeEachStore('grading under concurrency', (h) => {
  // SQLite commits each value write on its own (~15 ms on a slow disk), hence the room.
  it('loses nothing when 500 different people grade at once', { timeout: 90_000 }, async () => {
    const people = Array.from({ length: 500 }, (_, i) => person(`U-${i}`));

    await Promise.all(people.map((p) => h().scoring.grade(gradeReq({ user: p }))));

    expect(await h().store.boardSize('discord:guild-1:board:people:week:2026-W48')).toBe(500);
    const top = await h().store.boardTop('discord:guild-1:board:people:all', 1000);
    expect(top.reduce((sum, row) => sum + row.score, 0)).toBe(1500);
    expect(await pointsOn(h(), 'people', WEEK_48, 'U-499')).toBe(3);
  });

  it('loses no team points when a whole team grades at once', { timeout: 60_000 }, async () => {
    const { scoring } = h();
    await scoring.createTeam(WS, 'Everyone', alice);
    const people = Array.from({ length: 60 }, (_, i) => person(`U-${i}`, `Person ${i}`));
    await Promise.all(people.map((p) => scoring.joinTeam(p, 'Everyone')));

    await Promise.all(people.map((p) => scoring.grade(gradeReq({ user: p }))));

    const top = await scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'all', at: h().world.clock.now() });
    expect(top.rows).toEqual([{ rank: 1, id: expect.any(String), name: 'Everyone', points: 180, members: 60, average: 3 }]);
  });

  it('counts the same grade delivered twice at once only once, bonus included', async () => {
    const { scoring } = h();
    await scoring.grade(gradeReq({ postId: 'd1', dailySeq: 1 }));
    await scoring.grade(gradeReq({ postId: 'd2', dailySeq: 2 }));

    const results = await Promise.all([0, 1, 2, 3].map(() => scoring.grade(gradeReq({ postId: 'd3', dailySeq: 3 }))));

    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results.map((r) => r.bonus).sort()).toEqual([0, 0, 0, 1]);
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3 + 3 + 3 + 1);
    expect((await scoring.stats(alice)).graded).toBe(3);
  });

  it('ends 200 concurrent changes by one person with exactly their final grade’s points', { timeout: 60_000 }, async () => {
    const { scoring } = h();
    await scoring.createTeam(WS, 'Solo', alice);
    await scoring.joinTeam(alice, 'Solo');

    await Promise.all(Array.from({ length: 200 }, (_, i) => scoring.grade(gradeReq({ grade: GRADES[i % 3] as Grade }))));

    const final = await finalGrade(scoring);
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(pointsFor(final));
    expect(await pointsOn(h(), 'people', WEEK_48, alice.userId)).toBe(pointsFor(final));
    const teams = await scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'week', at: h().world.clock.now() });
    expect(teams.rows[0]?.points).toBe(pointsFor(final));
  });
});

describe('two bot processes sharing one SQLite file', () => {
  // Every step of a grade is a store update or add, so two processes sharing a SQLite file agree.
  it('agree on one person’s final grade after 30 concurrent changes split between them', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-scoring-pair-'));
    const file = path.join(dir, 'shared.sqlite');
    const [storeA, storeB] = [await createStore(file), await createStore(file)];
    try {
      const a = createScoringService({ world: await createTestWorld({ store: storeA }), config: defaultEngineConfig });
      const b = createScoringService({ world: await createTestWorld({ store: storeB }), config: defaultEngineConfig });

      await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).grade(gradeReq({ grade: GRADES[i % 3] as Grade }))));

      const final = await finalGrade(a);
      const row = await storeB.boardRank('discord:guild-1:board:people:all', alice.userId);
      expect(row?.score).toBe(pointsFor(final));
    } finally {
      await Promise.all([storeA.close(), storeB.close()]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const REDIS_URL = process.env['REDIS_URL'] ?? '';

describe.skipIf(REDIS_URL === '')('two bot processes sharing one Redis', () => {
  it('agree on one person’s final grade, and its points, after 60 concurrent changes split between them', { timeout: 60_000 }, async () => {
    const namespace = `recall-test-${randomUUID()}`;
    const [storeA, storeB] = [await createStore(REDIS_URL, { namespace }), await createStore(REDIS_URL, { namespace })];
    try {
      const a = createScoringService({ world: await createTestWorld({ store: storeA }), config: defaultEngineConfig });
      const b = createScoringService({ world: await createTestWorld({ store: storeB }), config: defaultEngineConfig });
      await a.createTeam(WS, 'Solo', alice);
      await a.joinTeam(alice, 'Solo');

      await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).grade(gradeReq({ grade: GRADES[i % 3] as Grade }))));

      const final = await finalGrade(a);
      expect((await storeB.boardRank('discord:guild-1:board:people:all', alice.userId))?.score).toBe(pointsFor(final));
      const teams = await b.leaderboard({ workspace: WS, kind: 'teams', period: 'week', at: new Date('2026-11-23T12:00:00Z') });
      expect(teams.rows[0]?.points).toBe(pointsFor(final));
    } finally {
      await Promise.all([storeA.close(), storeB.close()]);
    }
  });
});

describe('a burst of grades by one new person', () => {
  it('keeps their name with one profile write, and a store that cannot keep it does not cost the grade', async () => {
    const world = await createTestWorld();
    const scoring = createScoringService({ world, config: defaultEngineConfig });
    const profileKey = scoringKeys.profile(alice, alice.userId);
    const set = world.store.set.bind(world.store);
    const profileWrites: string[] = [];
    world.store.set = (async (key: string, value: unknown, ttl?: number) => {
      if (key.includes(':profile:')) profileWrites.push(key);
      return set(key, value as never, ttl);
    }) as typeof world.store.set;

    await Promise.all(Array.from({ length: 20 }, (_, i) => scoring.grade(gradeReq({ postId: `post-${i}` }))));
    expect(profileWrites).toEqual([profileKey]);

    const bob = person('U-bob', 'Bob');
    world.store.set = (async (key: string, value: unknown, ttl?: number) => {
      if (key.includes(':profile:')) throw new Error('disk full');
      return set(key, value as never, ttl);
    }) as typeof world.store.set;
    await scoring.grade(gradeReq({ user: bob }));
    expect((await scoring.stats(bob)).got).toBe(1);
  });
});
