import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grade } from '../../src/core/scoring/grades.js';
import { scoringKeys } from '../../src/core/scoring/keys.js';
import type { GradeRecord } from '../../src/core/scoring/store.js';
import type { Who } from '../fakes/slack/payloads.js';
import { FAKE_TEAM } from '../fakes/slack/server.js';
import { eventually, redisAvailability, redisRequired } from './processes.js';
import { type GradePress, SlackCluster, postIdOf } from './slack-cluster.js';

const SUITE = 'three Recall processes (src/main.ts) on one real redis-server behind one fake Slack';
const { missing, binary } = redisAvailability(SUITE);

describe('the several-instances suite', () => {
  it.runIf(redisRequired)('has redis-server, as CI requires', () => {
    expect(binary, 'RECALL_REQUIRE_REDIS=1 but redis-server is not on PATH').not.toBeNull();
  });
});

const CHANNELS = ['C-one', 'C-two', 'C-three'];
const OWED_MINUTES = 3;
const POINTS: Record<Grade, number> = { got: 3, partly: 1, missed: 0, discussed: 1 };
const GRADES: Grade[] = ['got', 'partly', 'missed'];

describe.skipIf(missing)(SUITE, () => {
  let cluster: SlackCluster;

  beforeAll(async () => {
    cluster = await SlackCluster.start(binary ?? 'redis-server', CHANNELS, OWED_MINUTES);
    await Promise.all([1, 2, 3].map((n) => cluster.spawn(`recall-${n}`)));
  }, 120_000);

  afterAll(async () => {
    await cluster?.close();
  });

  it('posts every owed minute in every channel, each once, whichever process got there first', async () => {
    for (const id of CHANNELS) {
      await eventually(
        () => cluster.postsIn(id).length >= OWED_MINUTES,
        `${OWED_MINUTES} posts in ${id}`,
        60_000,
        () => cluster.outputs(),
      );
      const postIds = cluster.postsIn(id).map(postIdOf);
      expect(new Set(postIds).size).toBe(postIds.length);
    }
  }, 90_000);

  it('adds up 2,000 grades pressed across the three processes exactly, a double press counting once', async () => {
    const [postA, postB] = [cluster.postsIn('C-one')[0], cluster.postsIn('C-two')[0]];
    if (!postA || !postB) throw new Error('no posts to grade');
    const targets = [
      { channelId: 'C-one', postId: postIdOf(postA) },
      { channelId: 'C-two', postId: postIdOf(postB) },
    ];
    // 500 people press a grade on two posts, each press twice (a double click, or Slack retrying) on two
    // different processes; for odd people the second press changes the grade, which replaces the first.
    const presses: GradePress[] = [];
    for (let person = 0; person < 500; person++) {
      const who: Who = { userId: `U-p${person}`, userName: `person${person}` };
      for (const [t, target] of targets.entries()) {
        const first = GRADES[(person + t) % 3] as Grade;
        const second = person % 2 === 0 ? first : (GRADES[(person + t + 1) % 3] as Grade);
        presses.push({ who, ...target, grade: first }, { who, ...target, grade: second });
      }
    }
    expect(presses).toHaveLength(2000);

    const { store } = cluster;
    const { statuses } = await cluster.pressGrades(presses, cluster.processes);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const board = new Map((await store.boardTop(`slack:${FAKE_TEAM}:board:people:all`, 10_000)).map((e) => [e.member, e.score]));
    let total = 0;
    for (let person = 0; person < 500; person++) {
      const userId = `U-p${person}`;
      let expected = 0;
      for (const [t, target] of targets.entries()) {
        const record = await store.get<GradeRecord>(scoringKeys.grade({ platform: 'slack', workspaceId: FAKE_TEAM }, target.postId, userId));
        if (!record) throw new Error(`no grade recorded for ${userId} on ${target.postId}`);
        // Both presses the same: that grade. Different: whichever landed last, and the board must agree.
        if (person % 2 === 0) expect(record.grade).toBe(GRADES[(person + t) % 3]);
        expected += POINTS[record.grade];
      }
      expect(board.get(userId) ?? 0, userId).toBe(expected);
      total += expected;
    }
    expect([...board.values()].reduce((a, b) => a + b, 0)).toBe(total);
  }, 180_000);

  it('stops all three on SIGTERM with exit code 0, and every slot from the owed ones on was posted exactly once', async () => {
    const through = await Promise.all(CHANNELS.map((id) => cluster.eachSlotPosted(id, 30_000)));
    const stopped = await Promise.all(cluster.processes.map((p) => p.stop()));
    for (const s of stopped) {
      expect(s.code).toBe(0);
      expect(s.ms).toBeLessThan(10_000);
    }
    for (const [i, id] of CHANNELS.entries()) {
      const { slots, problems } = await cluster.expectEachSlotPostedOnce(id, through[i]);
      expect(problems, id).toEqual([]);
      expect(slots).toBeGreaterThanOrEqual(OWED_MINUTES);
    }
  }, 60_000);
});
