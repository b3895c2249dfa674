import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blocksText } from '../fakes/slack/blocks.js';
import { reactionAdded, slashCommand } from '../fakes/slack/payloads.js';
import { FAKE_BOT_TOKEN, FakeSlack } from '../fakes/slack/server.js';
import { FAKE_SIGNING_SECRET, SlackSender } from '../fakes/slack/signed-requests.js';
import { type MainProcess, freePort, logLines, startMain } from '../helpers/main-process.js';
import { slackWho } from '../helpers/people.js';

const STARTS_WITHIN_MS = 30_000;
const { alice } = slackWho;
const FORM = 'application/x-www-form-urlencoded';

let main: MainProcess | undefined;
let fake: FakeSlack | undefined;
let dir: string | undefined;
afterEach(async () => {
  main?.kill();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  main = fake = dir = undefined;
});

describe('src/main.ts (the real process) with Slack over HTTP, sent correctly signed bodies Slack never sends', () => {
  it('answers each 400, stays up, and keeps answering Slack and the dashboard with no error counted', { timeout: STARTS_WITHIN_MS + 30_000 }, async () => {
    const slack = await new FakeSlack().start();
    fake = slack;
    const root = mkdtempSync(path.join(os.tmpdir(), 'recall-bad-slack-'));
    dir = root;
    const questions = path.join(root, 'questions');
    mkdirSync(questions);
    writeFileSync(path.join(questions, 'bank.md'), '## Retrieval\n\n### What is a vector index?\n\n**Answer:**\nA structure for nearest-neighbour search.\n');
    const [slackPort, webPort] = [await freePort(), await freePort()];
    const proc = startMain({
      HOME: root,
      PORT: String(webPort),
      SLACK_PORT: String(slackPort),
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
      SLACK_API_URL: slack.apiUrl,
      STORE_URL: path.join(root, 'recall.sqlite'),
      QUESTIONS_DIR: questions,
      LOG_LEVEL: 'info',
    });
    main = proc;
    await proc.waitForOutput('Recall is running', STARTS_WITHIN_MS);
    const sender = new SlackSender(`http://127.0.0.1:${slackPort}/slack/events`);

    const reaction = reactionAdded(alice, 'C-study', '1.2', 'eyes');
    const bodies: [string, string, string][] = [
      ['JSON null', 'null', 'application/json'],
      ['payload=null', 'payload=null', FORM],
      ['a JSON array', '[]', 'application/json'],
      ['a JSON number', '7', 'application/json'],
      ['event: null', JSON.stringify({ ...reaction, event: null }), 'application/json'],
      ['no type', JSON.stringify({ ...reaction, type: undefined }), 'application/json'],
      ['payload=[1]', 'payload=%5B1%5D', FORM],
    ];
    for (const [name, body, type] of bodies) {
      const res = await sender.raw(body, type);
      expect(res.status, `${name}: ${proc.output()}`).toBe(400);
    }
    // An hour ahead: refused before anything runs.
    const future = await sender.command(slashCommand(alice, 'C-study', 'help', slack.responseUrl()), { timestampSec: Math.floor(Date.now() / 1000) + 3600 });
    expect(future.status).toBe(401);

    expect(proc.child.exitCode, proc.output()).toBeNull();
    const help = await sender.command(slashCommand(alice, 'C-study', '', slack.responseUrl()));
    expect(help.status).toBe(200);
    const helpBody = help.json() as Record<string, unknown>;
    expect(blocksText(helpBody['blocks']) || String(helpBody['text'])).toMatch(/Recall\* turns your question bank into daily practice/);
    expect((await fetch(`http://127.0.0.1:${webPort}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${webPort}/metrics`)).text();
    expect(metrics).toContain('recall_errors_total{where="request"} 0');
    const logged = logLines(proc.output());
    expect(logged.filter((l) => Number(l['level']) >= 50)).toEqual([]);
    expect(logged.filter((l) => l['msg'] === 'refused a Slack request')).toHaveLength(bodies.length + 1);
  });
});
