import { expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import type { TeamInfo } from '../../../src/core/scoring/types.js';
import { ALL, OTHER_WS, WEEK_48, WS, alice, bob, carol, describeEachStore, gradeReq, person, pointsOn } from './harness.js';

const names = (teams: TeamInfo[]) => teams.map((t) => `${t.name}:${t.members}`);
const now = new Date('2026-11-25T12:00:00Z');

describeEachStore('teams', (h) => {
  it('creates teams, lets people join, and lists them by name with member counts', async () => {
    const { scoring } = h();
    await scoring.createTeam(WS, '  Platform   Crew ', alice);
    await scoring.createTeam(WS, 'Data', alice);
    await scoring.joinTeam(alice, 'platform crew');
    await scoring.joinTeam(bob, 'PLATFORM CREW');

    expect(names(await scoring.listTeams(WS))).toEqual(['Data:0', 'Platform Crew:2']);
    expect(await scoring.teamOf(bob)).toMatchObject({ name: 'Platform Crew', members: 2 });
    expect(await scoring.listTeams(OTHER_WS)).toEqual([]);
  });

  it('refuses a name that is taken in any case, empty, or too long', async () => {
    await h().scoring.createTeam(WS, 'Platform', alice);
    await expect(h().scoring.createTeam(WS, 'pLaTfOrM', alice)).rejects.toThrow('There is already a team called `Platform`');
    await expect(h().scoring.createTeam(WS, '   ', alice)).rejects.toBeInstanceOf(UserError);
    await expect(h().scoring.createTeam(WS, 'x'.repeat(41), alice)).rejects.toThrow('at most 40 characters');
    await expect(h().scoring.createTeam(WS, 'a`b', alice)).rejects.toThrow('backticks');
    expect(await h().scoring.createTeam(WS, 'x'.repeat(40), alice)).toMatchObject({ members: 0 });
  });

  it('lets exactly one of two concurrent creates of the same name win', async () => {
    const results = await Promise.allSettled([h().scoring.createTeam(WS, 'Ops', alice), h().scoring.createTeam(WS, 'OPS', bob)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await h().scoring.listTeams(WS)).toHaveLength(1);
  });

  it('explains an unknown team, listing the ones there are', async () => {
    await h().scoring.createTeam(WS, 'A', alice);
    await h().scoring.createTeam(WS, 'B', alice);
    await expect(h().scoring.joinTeam(alice, 'Foo')).rejects.toThrow('There is no team `Foo`. Teams: A, B. An admin can create one with `team create Foo`.');
  });

  it('moves a person between teams, counting both sides', async () => {
    const { scoring } = h();
    await scoring.createTeam(WS, 'A', alice);
    await scoring.createTeam(WS, 'B', alice);
    await scoring.joinTeam(alice, 'A');
    const moved = await scoring.joinTeam(alice, 'B');

    expect(moved).toMatchObject({ changed: true, team: { name: 'B', members: 1 }, previous: { name: 'A', members: 0 } });
    expect(await scoring.joinTeam(alice, 'b')).toMatchObject({ changed: false, previous: null });
    expect(names(await scoring.listTeams(WS))).toEqual(['A:0', 'B:1']);
  });

  it('keeps points earned before a mid-week move with the old team and gives later ones to the new', async () => {
    const { scoring } = h();
    await scoring.createTeam(WS, 'Old', alice);
    await scoring.createTeam(WS, 'New', alice);
    await scoring.joinTeam(alice, 'Old');
    await scoring.grade(gradeReq({ postId: 'mon' }));
    await scoring.joinTeam(alice, 'New');
    await scoring.grade(gradeReq({ postId: 'wed', postedAt: new Date('2026-11-25T09:00:00Z') }));
    // Changing Monday's grade after the move still moves Old's points: that is where they went.
    await scoring.grade(gradeReq({ postId: 'mon', grade: 'partly' }));

    const board = await scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'week', at: now });
    expect(board.rows.map((r) => [r.name, r.points, r.members])).toEqual([
      ['New', 3, 1],
      ['Old', 1, 0],
    ]);
    expect(await pointsOn(h(), 'people', WEEK_48, alice.userId)).toBe(4);
  });

  it('lets a person leave, and explains leaving when not in a team', async () => {
    await h().scoring.createTeam(WS, 'A', alice);
    await h().scoring.joinTeam(alice, 'A');
    expect(await h().scoring.leaveTeam(alice)).toMatchObject({ name: 'A', members: 0 });
    expect(await h().scoring.teamOf(alice)).toBeNull();
    await expect(h().scoring.leaveTeam(alice)).rejects.toThrow('You are not in a team');
  });

  it('keeps a renamed team’s points and members', async () => {
    await h().scoring.createTeam(WS, 'A', alice);
    await h().scoring.createTeam(WS, 'B', alice);
    await h().scoring.joinTeam(alice, 'A');
    await h().scoring.grade(gradeReq());

    expect(await h().scoring.renameTeam(WS, 'a', 'Alpha')).toMatchObject({ name: 'Alpha', members: 1 });
    await expect(h().scoring.renameTeam(WS, 'Alpha', 'b')).rejects.toThrow('already a team called `B`');
    await expect(h().scoring.renameTeam(WS, 'Nope', 'C')).rejects.toThrow('There is no team `Nope`');
    expect(await h().scoring.renameTeam(WS, 'alpha', 'ALPHA')).toMatchObject({ name: 'ALPHA' });
    const board = await h().scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'all', at: now });
    expect(board.rows).toMatchObject([{ name: 'ALPHA', points: 3 }]);
  });

  it('removes a team from every board and leaves its members teamless', async () => {
    const { scoring } = h();
    await scoring.createTeam(WS, 'Doomed', alice);
    await scoring.createTeam(WS, 'Other', alice);
    await scoring.joinTeam(alice, 'Doomed');
    await scoring.joinTeam(carol, 'Other');
    await scoring.grade(gradeReq({ user: alice }));
    await scoring.grade(gradeReq({ user: carol, grade: 'partly' }));
    const doomed = (await scoring.teamOf(alice))?.id ?? '';

    await scoring.removeTeam(WS, 'doomed');

    expect(await scoring.teamOf(alice)).toBeNull();
    expect(names(await scoring.listTeams(WS))).toEqual(['Other:1']);
    for (const slot of [WEEK_48, ALL]) expect(await pointsOn(h(), 'teams', slot, doomed)).toBe(0);
    const board = await scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'week', user: alice, at: now });
    expect(board.rows).toMatchObject([{ rank: 1, name: 'Other', points: 1 }]);
    expect(board.own).toBeNull();
    // Re-grading after the removal gives the removed team nothing back; the person's own points still move.
    await scoring.grade(gradeReq({ user: alice, grade: 'missed' }));
    expect(await pointsOn(h(), 'teams', ALL, doomed)).toBe(0);
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(0);
  });

  it('starts a recreated team with the old name from nothing', async () => {
    await h().scoring.createTeam(WS, 'Phoenix', alice);
    await h().scoring.joinTeam(alice, 'Phoenix');
    await h().scoring.grade(gradeReq());
    await h().scoring.removeTeam(WS, 'Phoenix');
    await h().scoring.createTeam(WS, 'Phoenix', alice);

    expect(names(await h().scoring.listTeams(WS))).toEqual(['Phoenix:0']);
    expect((await h().scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'all', at: now })).rows).toEqual([]);
  });

  it('counts members right when many people join and switch at once', async () => {
    await h().scoring.createTeam(WS, 'A', alice);
    await h().scoring.createTeam(WS, 'B', alice);
    const people = Array.from({ length: 20 }, (_, i) => person(`U-${i}`));
    await Promise.all(people.map((p) => h().scoring.joinTeam(p, 'A')));
    await Promise.all(people.slice(0, 8).map((p) => h().scoring.joinTeam(p, 'B')));
    expect(names(await h().scoring.listTeams(WS))).toEqual(['A:12', 'B:8']);
  });

  it('refuses removing or renaming a team that does not exist', async () => {
    await expect(h().scoring.removeTeam(WS, 'Ghost')).rejects.toThrow('There is no team `Ghost`. There are no teams yet.');
  });
});
