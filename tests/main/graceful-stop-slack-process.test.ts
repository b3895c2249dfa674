import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { slackUser } from '../../src/adapters/slack/payloads.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { createScoringService } from '../../src/core/scoring/index.js';
import { createStore } from '../../src/store/create-store.js';
import { blocksText, buttonIn } from '../fakes/slack/blocks.js';
import { type PressedButton, type Who, blockAction, reactionAdded, slashCommand } from '../fakes/slack/payloads.js';
import { FAKE_BOT_TOKEN, FAKE_TEAM, FakeSlack } from '../fakes/slack/server.js';
import { FAKE_SIGNING_SECRET, SlackSender } from '../fakes/slack/signed-requests.js';
import { createTestWorld } from '../fakes/world.js';
import { type MainProcess, freePort, logLines, startMain } from '../helpers/main-process.js';
import { statusOrRefused } from '../helpers/http.js';
import { SLACK_CHANNEL as CHANNEL, slackWho } from '../helpers/people.js';

const STARTS_WITHIN_MS = 30_000;
/** What the issue promises: in-flight work finished and the process gone within 10 s of SIGTERM. */
const STOPS_WITHIN_MS = 10_000;
const { ann, alice, bob } = slackWho;

let main: MainProcess | undefined;
let fake: FakeSlack | undefined;
let dir: string | undefined;
afterEach(async () => {
  main?.kill();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  main = undefined;
  fake = undefined;
  dir = undefined;
});

const idOf = (responseUrl: string) => responseUrl.slice(responseUrl.lastIndexOf('/') + 1);

/**
 * The real process on Slack over HTTP against a fake Slack, with today's question posted by an admin
 * and revealed to Bob and Alice: their "Got it" buttons are ready to press.
 */
async function startWithRevealedQuestion() {
  const slack = await new FakeSlack().start();
  fake = slack;
  slack.users.set(ann.userId, { name: 'Ann', is_admin: true });
  slack.users.set(alice.userId, { name: 'Alice' });
  slack.users.set(bob.userId, { name: 'Bob' });
  const root = mkdtempSync(path.join(os.tmpdir(), 'recall-sigterm-'));
  dir = root;
  const questions = path.join(root, 'questions');
  mkdirSync(questions);
  writeFileSync(
    path.join(questions, 'bank.md'),
    '## Retrieval\n\n### What is a vector index?\n\n**Answer:**\nA structure for nearest-neighbour search.\n\n### What does a reranker do?\n\n**Answer:**\nIt reorders retrieved passages by relevance.\n',
  );
  const storeFile = path.join(root, 'recall.sqlite');
  const [slackPort, webPort] = [await freePort(), await freePort()];

  const proc = startMain({
    HOME: root,
    PORT: String(webPort),
    SLACK_PORT: String(slackPort),
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
    SLACK_API_URL: slack.apiUrl,
    STORE_URL: storeFile,
    QUESTIONS_DIR: questions,
    LOG_LEVEL: 'info',
  });
  main = proc;
  await proc.waitForOutput('Recall is running', STARTS_WITHIN_MS);
  const sender = new SlackSender(`http://127.0.0.1:${slackPort}/slack/events`);
  const recall = async (who: Who, text: string) => {
    const res = await sender.command(slashCommand(who, CHANNEL, text, slack.responseUrl()));
    expect(res.status, res.text).toBe(200);
    const body = res.json() as Record<string, unknown>;
    return blocksText(body['blocks']) || String(body['text'] ?? '');
  };
  const revealTo = async (who: Who, ts: string): Promise<PressedButton> => {
    expect((await sender.event(reactionAdded(who, CHANNEL, ts, 'eyes'))).status).toBe(200);
    const reveal = await slack.waitForCall('chat.postEphemeral', (c) => c.body['user'] === who.userId);
    return buttonIn(reveal.body['blocks'], /Got it/);
  };

  expect(await recall(ann, 'daily set 09:30 weekdays UTC')).toMatch(/Daily question set/);
  expect(await recall(ann, 'daily now')).toMatch(/Posted daily question #1/);
  const ts = String((await slack.waitForCall('chat.postMessage')).response['ts']);
  const bobsGotIt = await revealTo(bob, ts);
  const alicesGotIt = await revealTo(alice, ts);
  return { slack, proc, sender, storeFile, ts, bobsGotIt, alicesGotIt };
}

describe('src/main.ts (the real process) with Slack over HTTP, on SIGTERM', () => {
  it('takes no new request, finishes the grade in flight and its reply, and exits 0 within 10 s', { timeout: STARTS_WITHIN_MS + STOPS_WITHIN_MS + 15_000 }, async () => {
    const { slack, proc, sender, storeFile, ts, bobsGotIt, alicesGotIt } = await startWithRevealedQuestion();

    // Bob grades. Slack gets its ack at once; the grade itself waits on the admin check, held here.
    const slowAdminCheck = slack.holdNext('users.info');
    const bobsAnswer = slack.responseUrl();
    expect((await sender.action(blockAction(bob, CHANNEL, bobsGotIt, bobsAnswer, { ephemeral: true }))).status).toBe(200);
    await slowAdminCheck.reached;
    expect(
      slack.responses.filter((r) => r.id === idOf(bobsAnswer)),
      'answered before the hold was released',
    ).toHaveLength(0);

    const signalled = Date.now();
    proc.child.kill('SIGTERM');
    await proc.waitForOutput('taking no new work', 5_000);

    // Sent after SIGTERM: turned away at the door, before any of it reaches the engine.
    const alicesAnswer = slack.responseUrl();
    const late = [
      await statusOrRefused(() => sender.action(blockAction(alice, CHANNEL, alicesGotIt, alicesAnswer, { ephemeral: true }))),
      await statusOrRefused(() => sender.command(slashCommand(alice, CHANNEL, 'leaderboard', slack.responseUrl()))),
      await statusOrRefused(() => sender.event(reactionAdded(ann, CHANNEL, ts, 'eyes'))),
    ];
    for (const outcome of late) expect([503, 'refused']).toContain(outcome);

    // Impatient signals change nothing: no crash, no exit with the grade still in flight.
    proc.child.kill('SIGINT');
    proc.child.kill('SIGTERM');
    await proc.waitForOutput('already stopping', 5_000);
    expect(proc.child.exitCode, 'exited with a grade still in flight').toBeNull();

    slowAdminCheck.release();
    const code = await proc.exitWithin(STOPS_WITHIN_MS - (Date.now() - signalled));
    expect(code, proc.output()).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(STOPS_WITHIN_MS);
    expect(proc.output()).not.toMatch(/did not stop within|failed while stopping/);

    // Bob heard back exactly once; nothing reached Alice or Ann after SIGTERM; nothing was posted twice.
    const bobsReplies = slack.responses.filter((r) => r.id === idOf(bobsAnswer));
    expect(bobsReplies).toHaveLength(1);
    expect(blocksText(bobsReplies[0]?.body['blocks']) || String(bobsReplies[0]?.body['text'])).toMatch(/Recorded: Got it \(\+3\)/);
    expect(slack.responses.filter((r) => r.id === idOf(alicesAnswer))).toHaveLength(0);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(slack.callsTo('chat.postEphemeral').map((c) => c.body['user'])).toEqual([bob.userId, alice.userId]);
    expect(
      slack
        .callsTo('users.info')
        .map((c) => c.body['user'])
        .sort(),
    ).toEqual([ann.userId, bob.userId]);
    const stopped = logLines(proc.output()).find((l) => l['msg'] === 'stopped');
    expect(stopped?.['failed']).toBe(false);

    // The grade made it to the file: reopened with the project's own store once the process is gone.
    const store = await createStore(storeFile);
    try {
      const world = await createTestWorld({ start: new Date().toISOString(), store });
      const scoring = createScoringService({ world, config: defaultEngineConfig });
      const bobs = await scoring.stats(slackUser(FAKE_TEAM, bob.userId));
      expect({ graded: bobs.graded, got: bobs.got }).toEqual({ graded: 1, got: 1 });
      expect((await scoring.stats(slackUser(FAKE_TEAM, alice.userId))).graded).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('exits 1 before 10 s, naming what it was still waiting for, when in-flight work never finishes', { timeout: STARTS_WITHIN_MS + STOPS_WITHIN_MS + 15_000 }, async () => {
    const { slack, proc, sender, bobsGotIt } = await startWithRevealedQuestion();
    const neverAnswered = slack.holdNext('users.info');
    expect((await sender.action(blockAction(bob, CHANNEL, bobsGotIt, slack.responseUrl(), { ephemeral: true }))).status).toBe(200);
    await neverAnswered.reached;

    const signalled = Date.now();
    proc.child.kill('SIGTERM');
    const code = await proc.exitWithin(STOPS_WITHIN_MS);
    expect(code, proc.output()).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(STOPS_WITHIN_MS);
    const hung = logLines(proc.output()).find((l) => typeof l['msg'] === 'string' && l['msg'].startsWith('did not stop within'));
    expect(hung).toMatchObject({ level: 50, step: 'finishing the events the adapters had taken', adapters: { slack: ['slack block_actions'] } });
    neverAnswered.release();
  });
});
