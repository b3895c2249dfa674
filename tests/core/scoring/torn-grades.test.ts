import sqlite3 from 'sqlite3';
import { expect, it } from 'vitest';
import { scoringKeys } from '../../../src/core/scoring/keys.js';
import type { GradeRecord } from '../../../src/core/scoring/store.js';
import { ALL, NOV, WEEK_48, WS, alice, describeEachStore, gradeReq, openHarness, pointsOn } from './harness.js';

/** Runs raw SQL on the harness's SQLite file through a connection of its own. */
async function onFile(path: string, sql: string): Promise<void> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
  });
  await new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
  await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

it('leaves no trace of a grade whose board writes fail inside SQLite, so pressing it again scores it', async () => {
  const h = await openHarness('sqlite');
  try {
    await h.scoring.createTeam(WS, 'Blue', alice);
    await h.scoring.joinTeam(alice, 'Blue');
    // Every board write fails from here: the grade record and stats are written first, the boards after.
    await onFile(h.file ?? '', `CREATE TRIGGER no_boards BEFORE INSERT ON recall_boards BEGIN SELECT RAISE(ABORT, 'disk gave up'); END;`);
    await expect(h.scoring.grade(gradeReq({ grade: 'got' }))).rejects.toThrow(/disk gave up/);

    expect(await h.store.get(scoringKeys.grade(WS, gradeReq().postId, alice.userId))).toBeUndefined();
    expect((await h.scoring.stats(alice)).graded).toBe(0);

    await onFile(h.file ?? '', 'DROP TRIGGER no_boards;');
    const again = await h.scoring.grade(gradeReq({ grade: 'got' }));
    expect(again).toMatchObject({ changed: true, points: 3, previous: null });
    for (const slot of [WEEK_48, NOV, ALL]) expect(await pointsOn(h, 'people', slot, alice.userId)).toBe(3);
    const teams = await h.scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'all', at: h.world.clock.now() });
    expect(teams.rows[0]?.points).toBe(3);
    expect((await h.scoring.stats(alice)).graded).toBe(1);
  } finally {
    await h.close();
  }
});

describeEachStore('grades a store could not finish', (h) => {
  it('leaves no trace of a change whose stats cannot be read back, keeping the earlier grade whole', async () => {
    await h().scoring.grade(gradeReq({ grade: 'got' }));
    // Stats that applyGrade cannot work with: the change fails while deciding, after the record was computed.
    await h().store.set(scoringKeys.stats(WS, alice.userId), { broken: true });

    await expect(h().scoring.grade(gradeReq({ grade: 'partly' }))).rejects.toThrow();

    expect(await h().store.get<GradeRecord>(scoringKeys.grade(WS, gradeReq().postId, alice.userId))).toMatchObject({ grade: 'got', points: 3 });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3);
  });

  it('never takes a board below 0, even under a grade an older version recorded without its points', async () => {
    // What a crash left with the older version: the record says "got", the boards never received the 3.
    const torn: GradeRecord = {
      grade: 'got',
      points: 3,
      late: false,
      kind: 'daily',
      category: 'ai',
      channelId: 'chan-1',
      dailySeq: 1,
      placement: { teamId: null, week: '2026-W48', month: '2026-11', season: null },
      firstAt: '2026-11-23T10:00:00.000Z',
      at: '2026-11-23T10:00:00.000Z',
    };
    await h().store.set(scoringKeys.grade(WS, gradeReq().postId, alice.userId), torn);

    const changed = await h().scoring.grade(gradeReq({ grade: 'partly' }));

    expect(changed).toMatchObject({ previous: 'got', points: 1 });
    for (const slot of [WEEK_48, NOV, ALL]) expect(await pointsOn(h(), 'people', slot, alice.userId)).toBe(0);
    const board = await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'all', at: h().world.clock.now(), user: alice });
    expect(board.own).toEqual({ rank: 1, points: 0 });
  });
});

describeEachStore('team memberships a store could not finish', (h) => {
  it('moves the membership and both member counts together, never taking a count below 0', async () => {
    const blue = await h().scoring.createTeam(WS, 'Blue', alice);
    await h().scoring.createTeam(WS, 'Red', alice);
    // What a crash left with the older version: the membership written, the count never moved.
    await h().store.set(scoringKeys.member(WS, alice.userId), { teamId: blue.id });

    const moved = await h().scoring.joinTeam(alice, 'Red');

    expect(moved).toMatchObject({ team: { name: 'Red', members: 1 }, previous: { name: 'Blue', members: 0 }, changed: true });
    expect(await h().store.boardRank(scoringKeys.teamSizes(WS), blue.id)).toEqual({ rank: 2, score: 0 });
  });
});
