import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_WORKSPACE } from '../src/adapters/web/refs.js';
import { createStore } from '../src/store/create-store.js';
import type { Who } from '../tests/fakes/slack/payloads.js';
import { FAKE_BOT_TOKEN, FakeSlack } from '../tests/fakes/slack/server.js';
import { FAKE_SIGNING_SECRET } from '../tests/fakes/slack/signed-requests.js';
import { freePort } from '../tests/helpers/main-process.js';
import { GradeLedger, type LedgerVerdict } from './soak/ledger.js';
import { Meter, type MinuteRow } from './soak/meter.js';
import { type RecallChild, startRecall } from './soak/recall-process.js';
import { type SoakContext, TEAMS, seeded, sleep } from './soak/shared.js';
import { SLACK_WORKSPACE, SlackPeople } from './soak/slack-people.js';
import { WebPeople } from './soak/web-people.js';

/**
 * `npm run bench -- soak [--minutes N] [--people P] [--think-ms M] [--seed S]`: the real `src/main.ts`
 * (SQLite store, the seed banks, Slack over HTTP to a local fake Slack, the dashboard's JSON API with a
 * token) driven for N minutes by P people, half in the web channel and half in two Slack channels. Prints
 * per minute the requests served, refused and failed, p50/p99 latency and Recall's RSS; at the end
 * whether the boards equal the sum of the grade records, and whether RSS stayed flat after the first
 * minute. Everything is printed, nothing asserted: see bench/README.md.
 */

const SLACK_CHANNELS = ['C-soak-1', 'C-soak-2'];
const DAILY_EVERY_MS = 20_000;
const RELOAD_EVERY_MS = 90_000;
const RSS_GOAL = 0.1;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export async function run(args: readonly string[] = []): Promise<void> {
  const minutes = flag(args, '--minutes', 10, 1, 24 * 60);
  const peopleCount = flag(args, '--people', 200, 4, 10_000);
  const thinkMs = flag(args, '--think-ms', 5_000, 10, 600_000);
  const seed = flag(args, '--seed', 1, 0, 2 ** 31);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-soak-'));
  const questionsDir = path.join(dir, 'questions');
  cpSync(path.join(repoRoot, 'questions'), questionsDir, { recursive: true });
  const storeFile = path.join(dir, 'recall.sqlite');
  const token = 'soak-dashboard-token';
  const fake = await new FakeSlack().start();
  let recall: RecallChild | undefined;
  try {
    const slackPort = await freePort();
    recall = await startRecall({
      STORE_URL: `sqlite://${storeFile}`,
      QUESTIONS_DIR: questionsDir,
      PORT: String(await freePort()),
      DASHBOARD_TOKEN: token,
      SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
      SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      SLACK_PORT: String(slackPort),
      LOG_LEVEL: 'warn',
    });
    const app = recall;
    console.log(`Recall soak: ${minutes} min, ${peopleCount} people (mean pause ${thinkMs} ms), seed ${seed}; node ${process.version}, ${os.cpus().length} CPUs`);
    console.log(`src/main.ts pid ${app.pid}: SQLite ${storeFile}, web API ${app.url}, Slack http://127.0.0.1:${slackPort}/slack/events -> fake Slack ${fake.apiUrl}\n`);

    const started = performance.now();
    const meter = new Meter(started);
    const ctx: SoakContext = { meter, ledger: new GradeLedger(), random: seeded(seed), until: started + minutes * 60_000, thinkMs };
    const web = new WebPeople(ctx, app.url, token);
    const slack = new SlackPeople(ctx, fake, `http://127.0.0.1:${slackPort}/slack/events`, SLACK_CHANNELS);

    const webNames = Array.from({ length: Math.ceil(peopleCount / 2) }, (_, i) => `soak-p${String(i).padStart(3, '0')}`);
    const slackPeople: { who: Who; channelId: string }[] = Array.from({ length: Math.floor(peopleCount / 2) }, (_, i) => {
      const n = webNames.length + i;
      return { who: { userId: `U-SOAK-${n}`, userName: `p${n}` }, channelId: SLACK_CHANNELS[i % SLACK_CHANNELS.length] as string };
    });
    for (const [i, p] of slackPeople.entries()) fake.users.set(p.who.userId, { name: p.who.userName, ...(i < SLACK_CHANNELS.length ? { is_admin: true } : {}) });
    const webAdmin = webNames[0] as string;
    const slackAdmins = slackPeople.slice(0, SLACK_CHANNELS.length);

    // The teams, and a first daily post everywhere, before the crowd arrives.
    for (const team of TEAMS) {
      await web.command(webAdmin, `team create ${team}`);
      await slack.command(slackAdmins[0]?.who as Who, SLACK_CHANNELS[0] as string, `team create ${team}`);
    }
    await web.postDaily(webAdmin);
    for (const a of slackAdmins) await slack.postDaily(a.who, a.channelId);

    const samples = setInterval(() => {
      meter.rss(app.rss());
      slack.watch();
    }, 1_000);
    let printed = 0;
    const progress = setInterval(() => {
      // The wind-down after the last minute (requests still in flight) is no minute of the soak.
      const done = Math.min(minutes, Math.floor((performance.now() - started) / 60_000));
      for (const row of meter.rows(done).slice(printed)) console.log(formatRow(row));
      printed = Math.max(printed, done);
    }, 1_000);
    console.log(HEADER);

    const admins = [
      every(ctx, DAILY_EVERY_MS, () => web.postDaily(webAdmin)),
      every(ctx, RELOAD_EVERY_MS, () => web.command(webAdmin, 'bank reload')),
      ...slackAdmins.map((a) => every(ctx, DAILY_EVERY_MS, () => slack.postDaily(a.who, a.channelId))),
      ...slackAdmins.map((a, i) => every(ctx, RELOAD_EVERY_MS, () => slack.command(a.who, a.channelId, 'bank reload'), (i + 1) * 30_000)),
    ];
    await Promise.all([...admins, ...webNames.map((name) => web.run(name)), ...slackPeople.map((p) => slack.run(p.who, p.channelId))]);
    clearInterval(progress);
    clearInterval(samples);
    const rows = meter.rows(minutes);
    for (const row of rows.slice(printed)) console.log(formatRow(row));

    // Let the last quiz timers and reveals settle, then stop Recall the way production does.
    await sleep(2_000);
    const logged = app.errorLines();
    const exitCode = await app.stop();
    recall = undefined;
    const store = await createStore(`sqlite://${storeFile}`);
    let verdict: LedgerVerdict;
    try {
      verdict = await ctx.ledger.check(store, [WEB_WORKSPACE, SLACK_WORKSPACE]);
    } finally {
      await store.close();
    }
    report(meter, rows, verdict, logged, exitCode);
  } finally {
    recall?.kill();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const HEADER = `${'minute'.padStart(6)} ${'served'.padStart(7)} ${'req/s'.padStart(6)} ${'refused'.padStart(7)} ${'errors'.padStart(6)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'RSS MB'.padStart(7)} ${'max MB'.padStart(7)}`;

function formatRow(r: MinuteRow): string {
  const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
  return `${String(r.minute).padStart(6)} ${String(r.served).padStart(7)} ${(r.served / 60).toFixed(1).padStart(6)} ${String(r.refused).padStart(7)} ${String(r.errors).padStart(6)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${mb(r.rssEnd).padStart(7)} ${mb(r.rssMax).padStart(7)}`;
}

function report(meter: Meter, rows: MinuteRow[], v: LedgerVerdict, logged: { count: number; last: string[] }, exitCode: number | null): void {
  const totals = meter.totals();
  console.log(
    `\nrequests: ${totals.served} served, ${totals.refused} refused (4xx), ${totals.errors} errors; Recall logged ${logged.count} error lines; stopped on SIGTERM with exit code ${exitCode}`,
  );
  console.log(`by kind: ${[...meter.servedByKind].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const [kind, n] of meter.refusedByKind) console.log(`  refused  ${String(n).padStart(6)}  ${kind}`);
  for (const [kind, e] of meter.errorsByKind) console.log(`  error    ${String(e.count).padStart(6)}  ${kind}, e.g. ${e.example}`);
  for (const line of logged.last.slice(-5)) console.log(`  logged: ${line.slice(0, 400)}`);

  console.log(`\ngrades: ${v.gradedPairs} (post, person) pairs pressed, ${v.records} grade records; boards hold ${v.boardPoints} points, the records ${v.recordPoints}`);
  for (const line of [...v.lost.slice(0, 5), ...v.mismatches.slice(0, 5), ...v.negative.slice(0, 5)]) console.log(`  ${line}`);
  const noLoss = v.lost.length === 0 && v.mismatches.length === 0 && v.negative.length === 0;
  console.log(`no error:                       ${totals.errors === 0 && logged.count === 0 && exitCode === 0 ? 'yes' : 'NO'}`);
  console.log(`no lost grade (boards = records): ${noLoss ? 'yes' : `NO (${v.lost.length} lost, ${v.mismatches.length} board rows off, ${v.negative.length} negative)`}`);
  const first = rows[0]?.rssEnd;
  const last = rows.at(-1)?.rssEnd;
  if (rows.length < 2 || first === undefined || last === undefined || !Number.isFinite(first) || !Number.isFinite(last)) {
    console.log('RSS flat after the first minute:  not judged (needs at least 2 minutes and an RSS reading)');
    return;
  }
  // Flat means no later minute ends more than the goal above the first: a rise that falls back still counts.
  const growth = Math.max(...rows.slice(1).map((r) => r.rssEnd)) / first - 1;
  const peak = Math.max(...rows.slice(1).map((r) => r.rssMax)) / first - 1;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `RSS flat after the first minute:  ${growth < RSS_GOAL ? 'yes' : 'NO'} (highest minute's end ${pct(growth)} over minute 1's, goal < ${pct(RSS_GOAL)}; last minute ${pct(last / first - 1)}; highest sample ${pct(peak)})`,
  );
}

/** Runs `work` every `ms` (after `offsetMs`) until the soak ends; one at a time, so a slow one delays the next. */
async function every(ctx: SoakContext, ms: number, work: () => Promise<unknown>, offsetMs = ms): Promise<void> {
  let next = performance.now() + offsetMs;
  while (next < ctx.until) {
    await sleep(Math.max(0, next - performance.now()));
    await work();
    next += ms;
  }
}

function flag(args: readonly string[], name: string, fallback: number, min: number, max: number): number {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const n = Number(args[at + 1]);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} takes a whole number from ${min} to ${max}`);
  return n;
}
