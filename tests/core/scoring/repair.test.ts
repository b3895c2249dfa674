import { expect, it } from 'vitest';
import { scoringKeys } from '../../../src/core/scoring/keys.js';
import type { GradeRecord, Placement } from '../../../src/core/scoring/store.js';
import { type Harness, ALL, NOV, WEEK_48, WS, alice, bob, describeEachStore, gradeReq, pointsOn } from './harness.js';

/** A grade record as an older version left it when it crashed before the board increments. */
async function tornGrade(h: Harness, userId: string, postId: string, grade: GradeRecord['grade'], placement: Partial<Placement> = {}): Promise<void> {
  const points = { got: 3, partly: 1, missed: 0, discussed: 1 }[grade];
  const record: GradeRecord = {
    grade,
    points,
    late: false,
    kind: 'daily',
    category: 'ai',
    channelId: 'chan-1',
    dailySeq: 1,
    placement: { teamId: null, week: '2026-W48', month: '2026-11', season: null, ...placement },
    firstAt: '2026-11-23T10:00:00.000Z',
    at: '2026-11-23T10:00:00.000Z',
  };
  await h.store.set(scoringKeys.grade(WS, postId, userId), record);
}

const teamPoints = async (h: Harness): Promise<number | undefined> =>
  (await h.scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'all', at: h.world.clock.now() })).rows[0]?.points;

describeEachStore('settling grades an older version tore', (h) => {
  it('puts a torn grade’s points on every board it belongs to, so a later change cannot go negative', async () => {
    const team = await h().scoring.createTeam(WS, 'Blue', alice);
    await h().scoring.joinTeam(alice, 'Blue');
    await tornGrade(h(), alice.userId, gradeReq().postId, 'got', { teamId: team.id });

    const report = await h().scoring.settleOldGrades();

    expect(report).toEqual({ ran: true, records: 1, rows: 6, points: 18 });
    for (const slot of [WEEK_48, NOV, ALL]) expect(await pointsOn(h(), 'people', slot, alice.userId)).toBe(3);
    expect(await teamPoints(h())).toBe(3);
    expect(await h().scoring.grade(gradeReq({ grade: 'partly' }))).toMatchObject({ previous: 'got', points: 1 });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(1);
    expect(await teamPoints(h())).toBe(1);
  });

  it('changes nothing where every grade landed, streak bonuses included', async () => {
    for (const seq of [1, 2, 3]) await h().scoring.grade(gradeReq({ postId: `d${seq}`, dailySeq: seq }));
    await h().scoring.grade(gradeReq({ user: bob, grade: 'missed' }));
    const before = await h().store.boardTop('discord:guild-1:board:people:all', 10);

    expect(await h().scoring.settleOldGrades()).toEqual({ ran: true, records: 4, rows: 0, points: 0 });
    expect(await h().store.boardTop('discord:guild-1:board:people:all', 10)).toEqual(before);
  });

  it('raises a row only by what its records prove, keeping points the records cannot explain', async () => {
    await h().scoring.grade(gradeReq({ postId: 'landed' }));
    await tornGrade(h(), alice.userId, 'torn', 'partly');
    await h().store.boardAdd('discord:guild-1:board:people:all', alice.userId, 10); // e.g. a bonus the records do not keep

    await h().scoring.settleOldGrades();

    expect(await pointsOn(h(), 'people', WEEK_48, alice.userId)).toBe(4);
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(13);
  });

  it('shows a person whose only torn grade is a miss, with 0 points, and lifts a negative row to 0', async () => {
    await tornGrade(h(), bob.userId, 'p1', 'missed');
    await tornGrade(h(), alice.userId, 'p1', 'missed');
    await h().store.boardAdd('discord:guild-1:board:people:all', alice.userId, -2);

    await h().scoring.settleOldGrades();

    expect(await pointsOn(h(), 'people', ALL, bob.userId)).toBe(0);
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(0);
  });

  it('does not bring a removed team back onto the boards', async () => {
    const team = await h().scoring.createTeam(WS, 'Gone', alice);
    await h().scoring.removeTeam(WS, 'Gone');
    await tornGrade(h(), alice.userId, 'p1', 'got', { teamId: team.id });

    await h().scoring.settleOldGrades();

    expect(await pointsOn(h(), 'teams', ALL, team.id)).toBeNull();
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3);
  });

  it('runs once per store, and only in one of two processes starting together', async () => {
    await tornGrade(h(), alice.userId, 'p1', 'got');
    let settled = false;
    const both = Promise.all([h().scoring.settleOldGrades(), h().scoring.settleOldGrades()]).finally(() => (settled = true));
    // The second waits for the first's lease, looking again each second of the fake clock.
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await h().world.timers.advance(1000);
    }
    const [first, second] = await both;
    expect([first.ran, second.ran].sort()).toEqual([false, true]);
    expect(await h().scoring.settleOldGrades()).toMatchObject({ ran: false });
    expect(await h().scoring.settleOldGrades()).toMatchObject({ ran: false });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3);
  });

  it('adds nothing twice when new grades land on the same rows while it runs', async () => {
    for (let i = 0; i < 40; i += 1) await tornGrade(h(), alice.userId, `torn-${i}`, i % 2 === 0 ? 'got' : 'partly');
    await Promise.all([h().scoring.settleOldGrades(), ...Array.from({ length: 30 }, (_, i) => h().scoring.grade(gradeReq({ postId: `new-${i}`, dailySeq: undefined })))]);
    // 20 torn "got" and 20 torn "partly", 30 new "got"; no bonus without a sequence number.
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(60 + 20 + 90);
    expect(await pointsOn(h(), 'people', WEEK_48, alice.userId)).toBe(60 + 20 + 90);
  });
});
