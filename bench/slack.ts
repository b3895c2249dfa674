import { spawn } from 'node:child_process';
import os from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buttonIn } from '../tests/fakes/slack/blocks.js';
import { type PressedButton, type Who, blockAction, reactionAdded, slashCommand } from '../tests/fakes/slack/payloads.js';
import { FAKE_BOT_TOKEN, FakeSlack } from '../tests/fakes/slack/server.js';
import { FAKE_SIGNING_SECRET, SlackSender } from '../tests/fakes/slack/signed-requests.js';
import { fmtMs, summarize } from './slack/stats.js';

/**
 * What Recall's Slack adapter costs per request on top of Bolt itself. A child process runs Recall
 * (real engine, seed bank, memory store) and a bare Bolt app that only acks "ok"; this process is
 * Slack: it signs the same requests for both, alternating within each round, and plays the fake Web
 * API and response_url. Measured:
 *
 * - `/recall leaderboard`: the HTTP round trip (Recall answers inside the ack; the bare app acks "ok").
 * - a grade button: the HTTP round trip of the ack, and the full round trip until the ephemeral answer
 *   reaches the response_url (the bare app responds "ok" there).
 *
 * The engine's own time inside Recall's requests is printed too, so the adapter's share is visible.
 * Goal: Recall ≤ 1.3x the bare app at the median. Printed, never asserted. Flags: --rounds N (300).
 */

const GOAL = 1.3;
const CHANNEL = 'C-bench';
const admin: Who = { userId: 'U-admin', userName: 'admin' };
const member: Who = { userId: 'U-member', userName: 'member' };
const childScript = fileURLToPath(new URL('./slack/apps-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

type Samples = { recall: number[]; bare: number[] };

export async function run(args: readonly string[] = []): Promise<void> {
  const rounds = readRounds(args);
  const fake = await new FakeSlack().start();
  fake.users.set(admin.userId, { name: 'admin', is_admin: true });
  fake.users.set(member.userId, { name: 'member' });
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, fake.apiUrl, FAKE_BOT_TOKEN, FAKE_SIGNING_SECRET], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  try {
    const urls = JSON.parse(String((await lines.next()).value)) as { recall: string; bare: string };
    const toRecall = new SlackSender(urls.recall);
    const toBare = new SlackSender(urls.bare);
    console.log(`Recall Slack benchmark: ${rounds} rounds, node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})`);
    console.log('Recall and a bare Bolt app that acks "ok" in one child process; this process signs the requests and plays Slack.\n');

    const grades = await prepareGradeButtons(fake, toRecall);
    const leaderboard: Samples = { recall: [], bare: [] };
    const pressAck: Samples = { recall: [], bare: [] };
    const pressFull: Samples = { recall: [], bare: [] };
    const warmUp = Math.min(50, Math.ceil(rounds / 5));

    for (let i = 0; i < warmUp + rounds; i++) {
      if (i === warmUp) child.stdin.write('reset\n');
      const keep = i >= warmUp;
      const order = i % 2 === 0 ? (['recall', 'bare'] as const) : (['bare', 'recall'] as const);
      for (const who of order) {
        const sender = who === 'recall' ? toRecall : toBare;
        const lb = await sender.command(slashCommand(member, CHANNEL, 'leaderboard', fake.responseUrl()));
        if (lb.status !== 200) throw new Error(`${who} answered /recall leaderboard with ${lb.status}`);
        // Each press changes the grade (got → partly → missed → …): a real write, not the "already recorded" shortcut.
        const button = grades[i % grades.length] as PressedButton;
        const responseUrl = fake.responseUrl();
        const arrival = fake.responseArrival(responseUrl);
        const started = performance.now();
        const press = await sender.action(blockAction(member, CHANNEL, button, responseUrl, { ephemeral: true }));
        if (press.status !== 200) throw new Error(`${who} answered a grade button with ${press.status}`);
        const answered = await arrival;
        if (keep) {
          leaderboard[who].push(lb.ms);
          pressAck[who].push(press.ms);
          pressFull[who].push(answered.arrivedAt - started);
        }
      }
    }

    child.stdin.write('stop\n');
    const engine = (JSON.parse(String((await lines.next()).value)) as { engineMs: { runText: number[]; handleAction: number[] } }).engineMs;
    report('/recall leaderboard (HTTP round trip, reply in the ack)', leaderboard, engine.runText);
    report('grade button (HTTP round trip of the ack)', pressAck, null);
    report('grade button (until the answer reaches the response_url)', pressFull, engine.handleAction);
    console.log(`\ngoal: Recall ≤ ${GOAL}x the bare Bolt app at the median (printed, never asserted)`);
  } finally {
    child.stdin.end();
    if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    await fake.close();
  }
}

/** Posts a daily question, reveals it to the member and returns the grade buttons on their reveal. */
async function prepareGradeButtons(fake: FakeSlack, toRecall: SlackSender): Promise<PressedButton[]> {
  await toRecall.command(slashCommand(admin, CHANNEL, 'daily now', fake.responseUrl()));
  const post = await fake.waitForCall('chat.postMessage', (c) => c.body['channel'] === CHANNEL);
  await toRecall.event(reactionAdded(member, CHANNEL, String(post.response['ts']), 'eyes'));
  const reveal = await fake.waitForCall('chat.postEphemeral', (c) => c.body['user'] === member.userId);
  return [/Got it/, /Partly/, /Missed/].map((label) => buttonIn(reveal.body['blocks'], label));
}

function report(title: string, samples: Samples, engineMs: number[] | null): void {
  const r = summarize(samples.recall);
  const b = summarize(samples.bare);
  const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}x`;
  console.log(title);
  console.log(
    `  median  recall ${fmtMs(r.median).padStart(10)}  bare ${fmtMs(b.median).padStart(10)}  ratio ${ratio(r.median, b.median)}${r.median / b.median <= GOAL ? '' : '  (over the goal)'}`,
  );
  console.log(`  p99     recall ${fmtMs(r.p99).padStart(10)}  bare ${fmtMs(b.p99).padStart(10)}  ratio ${ratio(r.p99, b.p99)}`);
  if (engineMs) {
    const e = summarize(engineMs);
    console.log(`  of which the engine itself: median ${fmtMs(e.median)}, p99 ${fmtMs(e.p99)}`);
  }
}

function readRounds(args: readonly string[]): number {
  const at = args.indexOf('--rounds');
  if (at < 0) return 300;
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < 10) throw new Error('--rounds takes a whole number of at least 10');
  return n;
}
