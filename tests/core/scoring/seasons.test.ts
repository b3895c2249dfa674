import { expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { ALL, WS, alice, bob, describeEachStore, gradeReq, pointsOn } from './harness.js';

const day = (d: number, hour = 9) => new Date(Date.UTC(2026, 10, d, hour));

describeEachStore('seasons', (h) => {
  it('runs one season at a time and says which one is running', async () => {
    const started = await h().scoring.startSeason(WS, 'Winter', day(23));
    expect(await h().scoring.currentSeason(WS)).toEqual(started);
    await expect(h().scoring.startSeason(WS, 'Spring', day(24))).rejects.toThrow(
      'Season `Winter` is still running (since 23 Nov 2026). End it with `season end` before starting another.',
    );
  });

  it('archives final standings under the season’s name, then starts the next one fresh and keeps all-time', async () => {
    const { scoring } = h();
    await scoring.createTeam(WS, 'Platform', alice);
    await scoring.joinTeam(alice, 'Platform');
    await scoring.grade(gradeReq({ user: alice, postId: 'before' }));
    await scoring.startSeason(WS, 'Winter', day(23, 10));
    await scoring.grade(gradeReq({ user: alice, postId: 's1' }));
    await scoring.grade(gradeReq({ user: bob, postId: 's1', grade: 'partly' }));

    const inSeason = await scoring.leaderboard({ workspace: WS, kind: 'people', period: 'season', at: day(24) });
    expect(inSeason).toMatchObject({
      periodLabel: 'season Winter',
      rows: [
        { name: 'Alice', points: 3 },
        { name: 'Bob', points: 1 },
      ],
    });

    const ended = await scoring.endSeason(WS, day(26));
    expect(ended.season).toMatchObject({ name: 'Winter', endedAt: day(26).toISOString() });
    expect(await scoring.currentSeason(WS)).toBeNull();

    await scoring.grade(gradeReq({ user: bob, postId: 'between' }));
    await scoring.startSeason(WS, 'Spring', day(27));
    const fresh = await scoring.leaderboard({ workspace: WS, kind: 'people', period: 'season', at: day(27) });
    expect(fresh.rows).toEqual([]);

    const archived = await scoring.archivedStandings(WS, 'winter');
    expect(archived.people).toEqual([
      { rank: 1, id: alice.userId, name: 'Alice', points: 3 },
      { rank: 2, id: bob.userId, name: 'Bob', points: 1 },
    ]);
    expect(archived.teams).toEqual([{ rank: 1, id: expect.any(String), name: 'Platform', points: 3 }]);
    expect((await scoring.seasonArchive(WS)).map((s) => s.name)).toEqual(['Winter']);
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(6);
    expect(await pointsOn(h(), 'people', ALL, bob.userId)).toBe(4);
  });

  it('gives grades made between seasons to no season', async () => {
    await h().scoring.startSeason(WS, 'One', day(23));
    await h().scoring.endSeason(WS, day(24));
    await h().scoring.grade(gradeReq());
    await h().scoring.startSeason(WS, 'Two', day(25));
    expect((await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'season', at: day(25) })).rows).toEqual([]);
  });

  it('keeps seasons started and ended within one instant apart', async () => {
    await h().scoring.startSeason(WS, 'One', day(23));
    await h().scoring.grade(gradeReq());
    await h().scoring.endSeason(WS, day(23));
    await h().scoring.startSeason(WS, 'Two', day(23));
    expect((await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'season', at: day(23) })).rows).toEqual([]);
  });

  it('refuses ending when none runs, reusing an archived name, and an unknown archive', async () => {
    await expect(h().scoring.endSeason(WS, day(23))).rejects.toThrow('No season is running');
    await h().scoring.startSeason(WS, 'Winter', day(23));
    await h().scoring.endSeason(WS, day(24));
    await expect(h().scoring.startSeason(WS, 'WINTER', day(25))).rejects.toThrow('There was already a season called `Winter`');
    await expect(h().scoring.archivedStandings(WS, 'Summer')).rejects.toThrow('There is no archived season `Summer`. Archived seasons: Winter.');
  });

  it('lets only one of two concurrent ends archive the season', async () => {
    await h().scoring.startSeason(WS, 'Winter', day(23));
    const results = await Promise.allSettled([h().scoring.endSeason(WS, day(24)), h().scoring.endSeason(WS, day(24))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failure = results.find((r) => r.status === 'rejected');
    expect(failure?.status === 'rejected' && failure.reason).toBeInstanceOf(UserError);
    expect(await h().scoring.seasonArchive(WS)).toHaveLength(1);
  });
});
