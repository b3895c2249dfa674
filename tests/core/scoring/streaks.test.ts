import { expect, it } from 'vitest';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { ALL, CHANNEL, alice, describeEachStore, gradeReq, pointsOn } from './harness.js';

const daily = (seq: number, extra: Parameters<typeof gradeReq>[0] = {}) => gradeReq({ postId: `daily:${seq}`, dailySeq: seq, ...extra });

describeEachStore('daily streaks', (h) => {
  it('grows one by one across consecutive daily posts and pays the bonus from the third', async () => {
    const results = [];
    for (const seq of [1, 2, 3, 4]) results.push(await h().scoring.grade(daily(seq)));

    expect(results.map((r) => r.streak)).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => r.bonus)).toEqual([0, 0, 1, 1]);
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(4 * 3 + 2);
  });

  it('restarts at 1 after a skipped post', async () => {
    for (const seq of [1, 2, 3]) await h().scoring.grade(daily(seq));
    const afterGap = await h().scoring.grade(daily(5));

    expect(afterGap).toMatchObject({ streak: 1, bonus: 0 });
    expect((await h().scoring.stats(alice)).bestStreak).toBe(3);
    expect((await h().scoring.stats(alice)).currentStreak).toBe(1);
  });

  it('never changes the streak or pays the bonus again when a post is re-graded', async () => {
    for (const seq of [1, 2, 3]) await h().scoring.grade(daily(seq));
    const changed = await h().scoring.grade(daily(3, { grade: 'partly' }));
    const back = await h().scoring.grade(daily(3, { grade: 'got' }));

    expect(changed).toMatchObject({ streak: 3, bonus: 0, changed: true });
    expect(back).toMatchObject({ streak: 3, bonus: 0, changed: true });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3 * 3 + 1);
    expect((await h().scoring.grade(daily(4))).streak).toBe(4);
  });

  it('pays no bonus for a late grade, though it keeps the streak going', async () => {
    for (const seq of [1, 2]) await h().scoring.grade(daily(seq));
    const req = daily(3);
    const late = await h().scoring.grade({ ...req, at: new Date(req.closesAt.getTime() + 60_000) });

    expect(late).toMatchObject({ streak: 3, bonus: 0, points: 0, late: true });
    expect((await h().scoring.grade(daily(4))).bonus).toBe(1);
  });

  it('keeps a streak per channel', async () => {
    const other = { ...CHANNEL, channelId: 'chan-2' };
    await h().scoring.grade(daily(1));
    await h().scoring.grade(daily(2));
    const elsewhere = await h().scoring.grade(daily(7, { channel: other, postId: 'other:7' }));

    expect(elsewhere.streak).toBe(1);
    expect((await h().scoring.grade(daily(3))).streak).toBe(3);
  });

  it('lets an older post graded after a newer one neither extend nor break the streak', async () => {
    for (const seq of [2, 3]) await h().scoring.grade(daily(seq));
    expect((await h().scoring.grade(daily(1))).streak).toBe(2);
    expect((await h().scoring.grade(daily(4))).streak).toBe(3);
  });

  it('leaves quiz grades out of streaks', async () => {
    const quiz = await h().scoring.grade(gradeReq({ kind: 'quiz', postId: 'quiz:1', dailySeq: undefined }));
    expect(quiz.streak).toBeUndefined();
    expect((await h().scoring.stats(alice)).currentStreak).toBe(0);
  });

  it('reports the streak again on a duplicate delivery', async () => {
    await h().scoring.grade(daily(1));
    await h().scoring.grade(daily(2));
    expect(await h().scoring.grade(daily(2))).toMatchObject({ changed: false, streak: 2, bonus: 0 });
  });
});

describeEachStore(
  'a streak bonus configured from the first post',
  (h) => {
    it('is paid once per post even when the grade changes', async () => {
      await h().scoring.grade(daily(1, { grade: 'missed' }));
      await h().scoring.grade(daily(1, { grade: 'got' }));
      expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3 + 5);
    });
  },
  { config: { ...defaultEngineConfig, streakBonus: { fromStreak: 1, points: 5 } } },
);
