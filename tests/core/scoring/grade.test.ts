import { expect, it } from 'vitest';
import { ALL, NOV, OTHER_WS, WEEK_48, alice, describeEachStore, gradeReq, person, pointsOn } from './harness.js';

describeEachStore('grading a post', (h) => {
  it('gives the configured points for a first grade and puts them on the week, month and all-time boards', async () => {
    const result = await h().scoring.grade(gradeReq({ grade: 'got' }));

    expect(result).toEqual({ grade: 'got', points: 3, bonus: 0, previous: null, changed: true, late: false, streak: 1 });
    for (const slot of [WEEK_48, NOV, ALL]) expect(await pointsOn(h(), 'people', slot, alice.userId)).toBe(3);
  });

  it('counts the same grade delivered twice only once', async () => {
    await h().scoring.grade(gradeReq({ grade: 'got' }));
    const again = await h().scoring.grade(gradeReq({ grade: 'got' }));

    expect(again).toMatchObject({ changed: false, previous: 'got', points: 3, bonus: 0 });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3);
    expect((await h().scoring.stats(alice)).graded).toBe(1);
  });

  it('replaces an earlier grade, moving points by the difference', async () => {
    await h().scoring.grade(gradeReq({ grade: 'got' }));
    const changed = await h().scoring.grade(gradeReq({ grade: 'partly' }));

    expect(changed).toMatchObject({ grade: 'partly', points: 1, previous: 'got', changed: true });
    expect(await pointsOn(h(), 'people', WEEK_48, alice.userId)).toBe(1);
    const stats = await h().scoring.stats(alice);
    expect(stats).toMatchObject({ graded: 1, got: 0, partly: 1, missed: 0 });
  });

  it('reads back the grade a person holds on a post: none before, the latest after a change, late as late', async () => {
    const req = gradeReq({ grade: 'got' });
    expect(await h().scoring.gradeOn(alice, req.postId)).toBeNull();
    await h().scoring.grade(req);
    await h().scoring.grade({ ...req, grade: 'partly' });
    expect(await h().scoring.gradeOn(alice, req.postId)).toEqual({ grade: 'partly', points: 1, late: false });
    expect(await h().scoring.gradeOn({ ...alice, userId: 'someone-else' }, req.postId)).toBeNull();
    expect(await h().scoring.gradeOn(alice, 'another-post')).toBeNull();
    await h().scoring.grade({ ...req, grade: 'missed', at: new Date(req.closesAt.getTime() + 1) });
    expect(await h().scoring.gradeOn(alice, req.postId)).toEqual({ grade: 'missed', points: 0, late: true });
  });

  it('scores a late grade 0 but still counts it in stats', async () => {
    const req = gradeReq();
    const late = await h().scoring.grade({ ...req, at: new Date(req.closesAt.getTime() + 1) });

    expect(late).toMatchObject({ points: 0, late: true, changed: true, bonus: 0 });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(0);
    expect(await h().scoring.stats(alice)).toMatchObject({ graded: 1, got: 1, late: 1 });
  });

  it('accepts a grade at the very instant the post closes as on time', async () => {
    const req = gradeReq();
    expect(await h().scoring.grade({ ...req, at: req.closesAt })).toMatchObject({ late: false, points: 3 });
  });

  it('takes explicit points (a quiz answer with its speed bonus) over the configured ones', async () => {
    const result = await h().scoring.grade(gradeReq({ kind: 'quiz', postId: 'quiz:r1:1', points: 5, dailySeq: undefined }));

    expect(result).toEqual({ grade: 'got', points: 5, bonus: 0, previous: null, changed: true, late: false });
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(5);
  });

  it('keeps a first "missed" on the boards with 0 points, so the person shows as taking part', async () => {
    await h().scoring.grade(gradeReq({ grade: 'missed' }));
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(0);
  });

  it('keeps each post separate: two posts add up', async () => {
    await h().scoring.grade(gradeReq({ postId: 'p-a' }));
    await h().scoring.grade(gradeReq({ postId: 'p-b', grade: 'partly' }));
    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(4);
  });

  it('never lets one workspace see another workspace’s points', async () => {
    const twin = person(alice.userId, 'Alice elsewhere', OTHER_WS);
    await h().scoring.grade(gradeReq());
    await h().scoring.grade(gradeReq({ user: twin, grade: 'partly' }));

    expect(await pointsOn(h(), 'people', ALL, alice.userId)).toBe(3);
    expect(await pointsOn(h(), 'people', ALL, alice.userId, OTHER_WS)).toBe(1);
    expect((await h().scoring.stats(twin)).partly).toBe(1);
  });

  it('does not mix up post and user ids that contain colons', async () => {
    await h().scoring.grade(gradeReq({ postId: 'a:b', user: person('c') }));
    const other = await h().scoring.grade(gradeReq({ postId: 'a', user: person('b:c') }));
    expect(other.previous).toBeNull();
  });
});
