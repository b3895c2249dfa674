import { describe, expect, it } from 'vitest';
import type { Grade } from '../../src/core/scoring/grades.js';
import { scoringKeys } from '../../src/core/scoring/keys.js';
import type { GradeRecord } from '../../src/core/scoring/store.js';
import { blockAction } from '../fakes/slack/payloads.js';
import { FAKE_TEAM } from '../fakes/slack/server.js';
import { eventually, redisAvailability, sleep } from './processes.js';
import { SlackCluster, deliver, postIdOf } from './slack-cluster.js';

const SUITE = 'faults around real Recall processes (src/main.ts) on a real redis-server and a fake Slack';
const { missing, binary } = redisAvailability(SUITE);
const POINTS: Record<Grade, number> = { got: 3, partly: 1, missed: 0, discussed: 1 };

async function withCluster(channels: string[], owedMinutes: number, test: (cluster: SlackCluster) => Promise<void>): Promise<void> {
  const cluster = await SlackCluster.start(binary ?? 'redis-server', channels, owedMinutes);
  try {
    await test(cluster);
  } finally {
    await cluster.close();
  }
}

/** The /healthz status, or 0 when it does not answer within 3 s (a hung health check is a failure too). */
async function healthOf(url: string): Promise<number> {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(3_000) })).status;
  } catch {
    return 0;
  }
}

/** Sends one grade press to a process; resolves with the HTTP status Bolt answered. */
async function press(cluster: SlackCluster, to: number, userId: string, channelId: string, postId: string, grade: Grade): Promise<number> {
  const recall = cluster.processes[to];
  if (!recall) throw new Error(`no process ${to}`);
  const action = `daily:grade:${postId}:${grade}`;
  const sender = cluster.sender(recall);
  const payload = blockAction({ userId, userName: userId }, channelId, { actionId: action, value: action }, cluster.fake.responseUrl());
  const res = await deliver(() => sender.action(payload));
  return res.status;
}

describe.skipIf(missing)(SUITE, () => {
  it('kill -9 of the process that is posting a slot: another takes the slot over after the lease and adopts the message, no second post', { timeout: 120_000 }, async () => {
    await withCluster(['C-kill'], 1, async (cluster) => {
      // Slack makes the message but the answer never reaches the poster, which is then killed.
      const held = cluster.fake.holdNext('chat.postMessage', { afterCommit: true });
      const victim = await cluster.spawn('recall-victim');
      await held.reached;
      const survivor = await cluster.spawn('recall-survivor');
      victim.kill('SIGKILL');
      expect((await victim.exited).signal).toBe('SIGKILL');

      await eventually(
        () => survivor.output().includes('adopting it'),
        'the survivor to adopt the message after the lease ran out',
        30_000,
        () => cluster.outputs(),
      );
      // And the killed one, restarted, finds the slot done.
      const restarted = await cluster.spawn('recall-restarted');
      await sleep(3_000);
      held.release();
      const through = await cluster.eachSlotPosted('C-kill', 30_000);
      for (const p of [survivor, restarted]) expect((await p.stop()).code).toBe(0);
      const { slots, problems } = await cluster.expectEachSlotPostedOnce('C-kill', through);
      expect(problems).toEqual([]);
      expect(slots).toBeGreaterThanOrEqual(1);
    });
  });

  it('Slack answering 500 and then 429 for a whole minute: slots are retried with back-off and posted once when it recovers', { timeout: 150_000 }, async () => {
    await withCluster(['C-flaky'], 1, async (cluster) => {
      const outageEnds = Date.now() + 60_000;
      cluster.fake.failFor('chat.postMessage', { kind: 'server-error', status: 500 }, 30_000);
      // Retry-After 1: the client waits it out per call; the window keeps every call failing for 60 s.
      const ratelimited = setTimeout(() => cluster.fake.failFor('chat.postMessage', { kind: 'ratelimited', retryAfterSec: 1 }, outageEnds - Date.now()), 29_000);
      const a = await cluster.spawn('recall-a');
      const b = await cluster.spawn('recall-b');
      await sleep(outageEnds - Date.now() - 1_000);
      clearTimeout(ratelimited);
      expect(cluster.postsIn('C-flaky')).toEqual([]);
      const failed = cluster.fake.attemptsAt('chat.postMessage').filter((c) => c.status !== 200).length;
      // Retried, and with back-off: not hundreds of attempts in the minute from two processes.
      expect(failed).toBeGreaterThan(3);
      expect(failed).toBeLessThan(120);

      // Every slot that came due in the outage, not just the first one out: the others may still be
      // waiting out their back-off (up to 8 wakes) when the first is posted.
      const through = await cluster.eachSlotPosted('C-flaky', 60_000);
      for (const p of [a, b]) expect((await p.stop()).code).toBe(0);
      const { slots, problems } = await cluster.expectEachSlotPostedOnce('C-flaky', through);
      expect(problems).toEqual([]);
      expect(slots).toBeGreaterThanOrEqual(2);
    });
  });

  it('Redis restarted mid-run: presses during the outage are answered with an error, nothing doubles, and the bot catches up', { timeout: 240_000 }, async () => {
    await withCluster(['C-redis'], 1, async (cluster) => {
      const a = await cluster.spawn('recall-a');
      const b = await cluster.spawn('recall-b');
      const [post] = await eventually(
        () => (cluster.postsIn('C-redis').length > 0 ? cluster.postsIn('C-redis') : null),
        'the owed post',
        30_000,
        () => cluster.outputs(),
      );
      if (!post) throw new Error('no post');
      const postId = postIdOf(post);

      const answersAtStart = cluster.fake.responses.length;
      const before = await Promise.all(Array.from({ length: 40 }, (_, i) => press(cluster, i % 2, `U-before-${i}`, 'C-redis', postId, 'got')));
      expect(before.every((s) => s === 200)).toBe(true);
      // A press is acked before it is graded: wait for the grades themselves, or the outage below could
      // begin under the last of them (they would rightly fail, and the test would blame the store).
      await eventually(
        () => cluster.fake.responses.length - answersAtStart >= 40,
        'answers to the presses before the outage',
        30_000,
        () => cluster.outputs(),
      );
      const recorded = cluster.fake.responses.slice(answersAtStart).map((r) => JSON.stringify(r.body));
      expect(
        recorded.every((t) => /Recorded/.test(t)),
        recorded.find((t) => !/Recorded/.test(t)),
      ).toBe(true);

      // Down across a minute boundary, so a slot comes due while the store is gone.
      const second = new Date().getUTCSeconds();
      await sleep(((55 - second + 60) % 60) * 1000);
      const responsesBefore = cluster.fake.responses.length;
      await cluster.redis.stop();
      const during = await Promise.all(Array.from({ length: 20 }, (_, i) => press(cluster, i % 2, `U-during-${i}`, 'C-redis', postId, 'partly')));
      expect(during.every((s) => s === 200)).toBe(true);
      await eventually(
        () => cluster.fake.responses.length - responsesBefore >= 20,
        'an answer to each press made during the outage',
        20_000,
        () => cluster.outputs(),
      );
      const answers = cluster.fake.responses.slice(responsesBefore).map((r) => JSON.stringify(r.body));
      expect(
        answers.every((t) => /went wrong|try again/i.test(t)),
        answers[0],
      ).toBe(true);
      expect(await healthOf(a.url)).toBe(503);
      await sleep(10_000);
      await cluster.redis.restart();

      await eventually(
        async () => (await healthOf(a.url)) === 200 && (await healthOf(b.url)) === 200,
        'both processes healthy again',
        30_000,
        () => cluster.outputs(),
      );
      const after = await Promise.all(Array.from({ length: 40 }, (_, i) => press(cluster, i % 2, `U-after-${i}`, 'C-redis', postId, 'missed')));
      expect(after.every((s) => s === 200)).toBe(true);
      // The slot that came due during the outage is posted once the store is back.
      await eventually(
        () => cluster.postsIn('C-redis').length >= 2,
        'the slot that came due during the outage',
        60_000,
        () => cluster.outputs(),
      );
      await eventually(
        () => cluster.fake.responses.length - responsesBefore >= 60,
        'answers to the presses after the outage',
        30_000,
        () => cluster.outputs(),
      );

      const through = await cluster.eachSlotPosted('C-redis', 60_000);
      for (const p of [a, b]) {
        expect(p.output()).not.toMatch(/uncaught|unhandled/i);
        expect((await p.stop()).code).toBe(0);
      }
      const ws = { platform: 'slack' as const, workspaceId: FAKE_TEAM };
      const board = new Map((await cluster.store.boardTop(`slack:${FAKE_TEAM}:board:people:all`, 1000)).map((e) => [e.member, e.score]));
      for (let i = 0; i < 40; i++) {
        for (const [who, grade] of [
          [`U-before-${i}`, 'got'],
          [`U-after-${i}`, 'missed'],
        ] as const) {
          const record = await cluster.store.get<GradeRecord>(scoringKeys.grade(ws, postId, who));
          expect(record?.grade, who).toBe(grade);
          expect(board.get(who) ?? 0, who).toBe(POINTS[grade]);
        }
      }
      // A press the store never saw scored nothing, and nothing else did either.
      for (let i = 0; i < 20; i++) expect(board.get(`U-during-${i}`) ?? 0).toBe((await cluster.store.get(scoringKeys.grade(ws, postId, `U-during-${i}`))) ? POINTS.partly : 0);
      const { problems } = await cluster.expectEachSlotPostedOnce('C-redis', through);
      expect(problems).toEqual([]);
    });
  });
});
