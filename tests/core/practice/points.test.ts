import { expect, it } from 'vitest';
import { MINUTE, WS, alice, describeEachStore, gradeShown, shownId } from './harness.js';
import { gradeOf } from './grades.js';

const allTime = (h: { store: { boardTop(b: string, n: number): Promise<{ member: string; score: number }[]> } }) =>
  h.store.boardTop(`${WS.platform}:${WS.workspaceId}:board:people:all`, 10);

describeEachStore('practice points, off by default', (h) => {
  it('earns no board points, whatever is graded', async () => {
    await h().practice.learnFromGrade(gradeOf('att-1', 'missed', h().world.clock.now()));
    h().world.clock.advance(5 * MINUTE);
    let reply = await h().practice.start(alice, { kind: 'all' });
    expect(shownId(h(), reply)).toBe('att-1');
    reply = await gradeShown(h(), reply, 'Good');
    await gradeShown(h(), reply, 'Easy');
    expect(await allTime(h())).toEqual([]);
  });
});

describeEachStore(
  'practice points with PRACTICE_POINTS=on',
  (h) => {
    it('scores Good or Easy on a due card, once, and nothing for new cards or Again/Hard', async () => {
      await h().practice.learnFromGrade(gradeOf('att-1', 'missed', h().world.clock.now()));
      await h().practice.learnFromGrade(gradeOf('att-2', 'missed', h().world.clock.now()));
      h().world.clock.advance(5 * MINUTE);
      let reply = await h().practice.start(alice, { kind: 'all' });
      reply = await gradeShown(h(), reply, 'Good'); // att-1, due: points
      reply = await gradeShown(h(), reply, 'Hard'); // att-2, due: no points
      expect(shownId(h(), reply)).toBe('att-3');
      await gradeShown(h(), reply, 'Easy'); // new: no points
      expect(await allTime(h())).toEqual([{ member: alice.userId, score: h().config.points.got }]);
    });
  },
  { config: { practicePoints: true } },
);
