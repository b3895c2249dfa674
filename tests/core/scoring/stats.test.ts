import { expect, it } from 'vitest';
import type { Grade } from '../../../src/core/scoring/grades.js';
import { ALL, alice, bob, describeEachStore, gradeReq, pointsOn } from './harness.js';

describeEachStore('personal stats', (h) => {
  const grade = (postId: string, g: Grade, category: string | null, seq?: number) =>
    h().scoring.grade(gradeReq({ postId, grade: g, category, dailySeq: seq ?? Number(postId.replace(/\D/g, '')) }));

  it('start empty', async () => {
    expect(await h().scoring.stats(bob)).toEqual({
      userId: bob.userId,
      name: bob.name,
      graded: 0,
      got: 0,
      partly: 0,
      missed: 0,
      discussed: 0,
      gotRate: null,
      currentStreak: 0,
      bestStreak: 0,
      strongest: null,
      weakest: null,
      late: 0,
    });
  });

  it('count grades, the got-it rate, streaks, and the strongest and weakest categories', async () => {
    await grade('p1', 'got', 'ai');
    await grade('p2', 'got', 'ai');
    await grade('p3', 'partly', 'ai');
    await grade('p4', 'missed', 'sql');
    await grade('p5', 'got', 'sql');
    await grade('p6', 'got', 'go'); // one grade: too little to judge
    await grade('p8', 'missed', null);

    const stats = await h().scoring.stats(alice);

    expect(stats).toMatchObject({ graded: 7, got: 4, partly: 1, missed: 2, gotRate: 4 / 7, currentStreak: 1, bestStreak: 6, late: 0 });
    expect(stats.strongest).toEqual({ category: 'ai', graded: 3, got: 2, rate: 2 / 3 });
    expect(stats.weakest).toEqual({ category: 'sql', graded: 2, got: 1, rate: 0.5 });
  });

  it('count a discussion as taken part in: its points and streak, but not in the got-it rate or a category’s rate', async () => {
    await grade('p1', 'got', 'ai');
    await grade('p2', 'discussed', 'ai');
    await grade('p3', 'missed', 'ai');
    const stats = await h().scoring.stats(alice);
    expect(stats).toMatchObject({ graded: 3, got: 1, missed: 1, discussed: 1, gotRate: 0.5, currentStreak: 3 });
    expect(stats.strongest).toEqual({ category: 'ai', graded: 2, got: 1, rate: 0.5 });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3 + 1 + 0 + 1); // the streak bonus from the third day
  });

  it('move an old got-it on a discussion question to discussed without losing the category count', async () => {
    await grade('p1', 'got', 'ai');
    await grade('p2', 'got', 'ai');
    await grade('p2', 'discussed', 'ai');
    expect(await h().scoring.stats(alice)).toMatchObject({ graded: 2, got: 1, discussed: 1, gotRate: 1 });
    expect((await h().scoring.stats(alice)).strongest).toBeNull();
  });

  it('replace a changed grade rather than counting it twice', async () => {
    await grade('p1', 'got', 'ai');
    await grade('p1', 'missed', 'ai');
    await grade('p2', 'missed', 'ai');
    await grade('p2', 'missed', 'ai');

    expect(await h().scoring.stats(alice)).toMatchObject({ graded: 2, got: 0, missed: 2, gotRate: 0 });
    expect((await h().scoring.stats(alice)).strongest).toMatchObject({ category: 'ai', got: 0, graded: 2 });
  });

  it('count a late grade, and stop counting it late when it is replaced on time', async () => {
    const req = gradeReq();
    await h().scoring.grade({ ...req, at: new Date(req.closesAt.getTime() + 1) });
    expect((await h().scoring.stats(alice)).late).toBe(1);
    await h().scoring.grade({ ...req, grade: 'partly', at: req.closesAt });
    expect(await h().scoring.stats(alice)).toMatchObject({ late: 0, graded: 1, partly: 1 });
  });

  it('show no weakest category when only one has enough grades', async () => {
    await grade('p1', 'got', 'ai');
    await grade('p2', 'got', 'ai');
    expect(await h().scoring.stats(alice)).toMatchObject({ strongest: { category: 'ai' }, weakest: null });
  });
});
