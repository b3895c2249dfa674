import { expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { ALL, WS, alice, bob, carol, describeEachStore, gradeReq, person, pointsOn } from './harness.js';

const SUNDAY_LATE_NY = new Date('2026-11-30T04:30:00Z'); // Sun 29 Nov 23:30 in New York, Monday in UTC
const now = new Date('2026-11-25T12:00:00Z');

describeEachStore('leaderboards', (h) => {
  it('lists people by points with the names adapters sent, and the asker’s own rank', async () => {
    await h().scoring.grade(gradeReq({ user: alice }));
    await h().scoring.grade(gradeReq({ user: bob, grade: 'partly' }));
    await h().scoring.grade(gradeReq({ user: person('U-anon'), grade: 'missed' }));

    const board = await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'week', user: bob, at: now });

    expect(board.rows).toEqual([
      { rank: 1, id: alice.userId, name: 'Alice', points: 3 },
      { rank: 2, id: bob.userId, name: 'Bob', points: 1 },
      { rank: 3, id: 'U-anon', name: 'U-anon', points: 0 },
    ]);
    expect(board.own).toEqual({ rank: 2, points: 1 });
    expect(board.periodLabel).toBe('week 48, 2026 (23 Nov – 29 Nov)');
  });

  it('says own is null for someone with no points in the period, and leaves it out when nobody asked', async () => {
    await h().scoring.grade(gradeReq());
    expect((await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'week', user: carol, at: now })).own).toBeNull();
    expect(await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'week', at: now })).not.toHaveProperty('own');
  });

  it('shows only the top 10', async () => {
    for (let i = 0; i < 12; i++) await h().scoring.grade(gradeReq({ user: person(`U-${String(i).padStart(2, '0')}`), points: i }));
    const board = await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'all', user: person('U-00'), at: now });
    expect(board.rows).toHaveLength(10);
    expect(board.rows[0]).toMatchObject({ id: 'U-11', points: 11 });
    expect(board.own).toEqual({ rank: 12, points: 0 });
  });

  it('picks up a new display name', async () => {
    await h().scoring.grade(gradeReq({ postId: 'p1' }));
    await h().scoring.grade(gradeReq({ postId: 'p2', user: { ...alice, name: 'Alice B.' } }));
    const board = await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'all', at: now });
    expect(board.rows[0]?.name).toBe('Alice B.');
  });

  it('splits weeks at the workspace’s local week boundary', async () => {
    await h().scoring.setTimezone(WS, 'America/New_York');
    await h().scoring.grade(gradeReq({ postedAt: SUNDAY_LATE_NY, at: SUNDAY_LATE_NY }));

    expect(await pointsOn(h(), 'people', { period: 'week', id: '2026-W48' }, alice.userId)).toBe(3);
    expect(await pointsOn(h(), 'people', { period: 'week', id: '2026-W49' }, alice.userId)).toBeNull();
    const sundayNight = await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'week', at: SUNDAY_LATE_NY });
    expect(sundayNight.rows.map((r) => r.points)).toEqual([3]);
  });

  it('counts weeks in UTC by default, so the same grade is the next week there', async () => {
    await h().scoring.grade(gradeReq({ postedAt: SUNDAY_LATE_NY, at: SUNDAY_LATE_NY }));
    expect(await pointsOn(h(), 'people', { period: 'week', id: '2026-W49' }, alice.userId)).toBe(3);
  });

  it('files a grade under the week its question was posted, even when graded the next week', async () => {
    const postedAt = new Date('2026-11-29T20:00:00Z');
    await h().scoring.grade(gradeReq({ postedAt, at: new Date('2026-11-30T08:00:00Z') }));
    expect(await pointsOn(h(), 'people', { period: 'week', id: '2026-W48' }, alice.userId)).toBe(3);
  });

  it('keeps monthly and all-time boards', async () => {
    await h().scoring.grade(gradeReq({ postId: 'nov' }));
    await h().scoring.grade(gradeReq({ postId: 'dec', postedAt: new Date('2026-12-02T09:00:00Z') }));

    const november = await h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'month', at: now });
    expect(november).toMatchObject({ periodLabel: 'November 2026', rows: [{ points: 3 }] });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(6);
  });

  it('refuses a season board when no season is running', async () => {
    const asking = h().scoring.leaderboard({ workspace: WS, kind: 'people', period: 'season', at: now });
    await expect(asking).rejects.toBeInstanceOf(UserError);
    await expect(asking).rejects.toThrow(/No season is running/);
  });

  it('ranks teams by points with their size and average per member', async () => {
    const { scoring } = h();
    await scoring.createTeam(WS, 'Platform', alice);
    await scoring.createTeam(WS, 'Data', alice);
    await scoring.joinTeam(alice, 'Platform');
    await scoring.joinTeam(bob, 'Platform');
    await scoring.joinTeam(carol, 'Data');
    await scoring.grade(gradeReq({ user: alice }));
    await scoring.grade(gradeReq({ user: bob, grade: 'partly' }));
    await scoring.grade(gradeReq({ user: carol }));

    const board = await scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'week', user: carol, at: now });

    expect(board.rows).toEqual([
      { rank: 1, id: expect.any(String), name: 'Platform', points: 4, members: 2, average: 2 },
      { rank: 2, id: expect.any(String), name: 'Data', points: 3, members: 1, average: 3 },
    ]);
    expect(board.own).toEqual({ rank: 2, points: 3 });
  });

  it('gives a teamless asker no own row on a team board', async () => {
    await h().scoring.grade(gradeReq());
    expect((await h().scoring.leaderboard({ workspace: WS, kind: 'teams', period: 'all', user: alice, at: now })).own).toBeNull();
  });
});

describeEachStore('workspace timezone', (h) => {
  it('defaults to the configured zone and keeps the canonical spelling of a new one', async () => {
    expect(await h().scoring.timezoneOf(WS)).toBe('UTC');
    expect(await h().scoring.setTimezone(WS, 'europe/berlin')).toBe('Europe/Berlin');
    expect(await h().scoring.timezoneOf(WS)).toBe('Europe/Berlin');
  });

  it('refuses a zone that does not exist, saying what to use', async () => {
    await expect(h().scoring.setTimezone(WS, 'Mars/Olympus')).rejects.toThrow('`Mars/Olympus` is not a timezone (use an IANA name like Europe/Berlin)');
    expect(await h().scoring.timezoneOf(WS)).toBe('UTC');
  });
});
