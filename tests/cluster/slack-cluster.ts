import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lastSlotKey, postedSlotKey } from '../../src/core/daily/keys.js';
import type { ChannelRef } from '../../src/core/refs.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { buttonIn } from '../fakes/slack/blocks.js';
import { type Who, blockAction } from '../fakes/slack/payloads.js';
import type { Grade } from '../../src/core/scoring/grades.js';
import { type ApiCall, FAKE_BOT_TOKEN, FAKE_TEAM, FakeSlack } from '../fakes/slack/server.js';
import { FAKE_SIGNING_SECRET, type SentRequest, SlackSender } from '../fakes/slack/signed-requests.js';
import { type RecallProcess, RedisServer, eventually, freePort, startRecall, writeSmallBank } from './processes.js';
import { minuteKeysBetween, seedEveryMinuteChannels } from './seed.js';

export interface GradePress {
  who: Who;
  channelId: string;
  postId: string;
  grade: Grade;
}

export const channelRef = (channelId: string): ChannelRef => ({ platform: 'slack', workspaceId: FAKE_TEAM, channelId });

/**
 * Several real Recall processes on one real redis-server, all speaking to one fake Slack: Slack's own
 * picture of an app behind a load balancer. Channels post every minute; `owedMinutes` of them are owed
 * at start, so slots come due at once.
 */
export class SlackCluster {
  readonly processes: RecallProcess[] = [];
  readonly senders = new Map<RecallProcess, SlackSender>();
  readonly seededFrom = new Map<string, string>();

  private constructor(
    readonly dir: string,
    readonly redis: RedisServer,
    readonly fake: FakeSlack,
    readonly store: Store,
    readonly bankDir: string,
  ) {}

  static async start(redisBinary: string, channels: readonly string[], owedMinutes: number): Promise<SlackCluster> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-cluster-'));
    const redis = await RedisServer.start(redisBinary, path.join(dir, 'redis'));
    const fake = await new FakeSlack().start();
    const store = await createStore(redis.url);
    const bankDir = writeSmallBank(path.join(dir, 'questions'));
    const cluster = new SlackCluster(dir, redis, fake, store, bankDir);
    await seedEveryMinuteChannels(store, bankDir, channels.map(channelRef), owedMinutes);
    for (const id of channels) cluster.seededFrom.set(id, (await store.get<string>(lastSlotKey(channelRef(id)))) ?? '');
    return cluster;
  }

  /** Starts one more Recall process on the shared Redis and fake Slack. */
  async spawn(name: string, env: Record<string, string> = {}): Promise<RecallProcess> {
    const slackPort = await freePort();
    const recall = await startRecall(
      name,
      {
        STORE_URL: this.redis.url,
        QUESTIONS_DIR: this.bankDir,
        SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
        SLACK_SIGNING_SECRET: FAKE_SIGNING_SECRET,
        SLACK_API_URL: this.fake.apiUrl,
        SLACK_PORT: String(slackPort),
        SCHEDULE_CHECK_SECONDS: '1',
        SLOT_LEASE_SECONDS: '4',
        ...env,
      },
      this.dir,
    );
    this.processes.push(recall);
    this.senders.set(recall, new SlackSender(`http://127.0.0.1:${slackPort}/slack/events`));
    return recall;
  }

  sender(recall: RecallProcess): SlackSender {
    const sender = this.senders.get(recall);
    if (!sender) throw new Error(`${recall.name} is not part of this cluster`);
    return sender;
  }

  /**
   * Sends grade presses round-robin over `via`, `concurrency` at a time, and waits until every press
   * has had its answer at its response_url. Returns the HTTP statuses and the time from first send to
   * last answer.
   */
  async pressGrades(presses: readonly GradePress[], via: readonly RecallProcess[], concurrency = 48, timeoutMs = 120_000): Promise<{ statuses: number[]; ms: number }> {
    const senders = via.map((p) => this.sender(p));
    const waiting = new Set<string>();
    const statuses: number[] = [];
    const started = performance.now();
    let next = 0;
    const worker = async (w: number): Promise<void> => {
      for (let i = next++; i < presses.length; i = next++) {
        const press = presses[i];
        const sender = senders[(i + w) % senders.length];
        if (!press || !sender) return;
        const action = `daily:grade:${press.postId}:${press.grade}`;
        const responseUrl = this.fake.responseUrl();
        waiting.add(responseUrl.slice(responseUrl.lastIndexOf('/') + 1));
        const res = await deliver(() => sender.action(blockAction(press.who, press.channelId, { actionId: action, value: action }, responseUrl)));
        statuses.push(res.status);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
    const answered = (): boolean => {
      for (const r of this.fake.responses) waiting.delete(r.id);
      return waiting.size === 0;
    };
    await eventually(answered, `answers to ${presses.length} presses`, timeoutMs, () => this.outputs());
    return { statuses, ms: performance.now() - started };
  }

  /** Top-level daily posts (not thread replies) the fake Slack made in a channel. */
  postsIn(channelId: string): ApiCall[] {
    return this.fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === channelId && c.body['thread_ts'] === undefined && c.response['ok'] === true);
  }

  outputs(): string {
    return this.processes.map((p) => `--- ${p.name} ---\n${p.output().slice(-4000)}`).join('\n');
  }

  /**
   * Waits until every minute from the seeded mark through the one that came due `settleMs` ago is marked
   * posted, and returns that minute's key. A test that stops the processes after this knows no slot was
   * still owed (a slot waiting out its back-off is posted seconds later, not at once).
   */
  async eachSlotPosted(channelId: string, timeoutMs: number, settleMs = 5_000): Promise<string> {
    const channel = channelRef(channelId);
    const from = this.seededFrom.get(channelId) ?? '';
    let owed: string[] = [];
    return eventually(
      async () => {
        const through = new Date(Date.now() - settleMs).toISOString().slice(0, 16);
        const keys = minuteKeysBetween(from, through);
        const markers = await Promise.all(keys.map((k) => this.store.get<{ messageId?: string }>(postedSlotKey(channel, k))));
        owed = keys.filter((_, i) => markers[i]?.messageId === undefined);
        return owed.length === 0 ? through : undefined;
      },
      `every slot of ${channelId} to be posted`,
      timeoutMs,
      () => `still owed: ${owed.join(', ')}\n${this.outputs()}`,
    );
  }

  /**
   * Every slot from the seeded mark to the channel's last done slot (or to `through`, if later) must be
   * marked posted, with the fake's messages in that channel exactly those: one per slot, none extra.
   * Returns the slot count.
   */
  async expectEachSlotPostedOnce(channelId: string, through = ''): Promise<{ slots: number; problems: string[] }> {
    const channel = channelRef(channelId);
    const mark = (await this.store.get<string>(lastSlotKey(channel))) ?? '';
    const last = through > mark ? through : mark;
    const keys = minuteKeysBetween(this.seededFrom.get(channelId) ?? '', last);
    const problems: string[] = [];
    const markers = await Promise.all(keys.map((k) => this.store.get<{ messageId?: string }>(postedSlotKey(channel, k))));
    const expected: string[] = [];
    markers.forEach((m, i) => {
      if (m?.messageId) expected.push(m.messageId);
      else problems.push(`slot ${keys[i]} is not marked posted: ${JSON.stringify(m)}`);
    });
    const made = this.postsIn(channelId).map((c) => String(c.response['ts']));
    const extra = made.filter((ts) => !expected.includes(ts));
    const twice = made.filter((ts, i) => made.indexOf(ts) !== i);
    if (extra.length > 0) problems.push(`messages that are no slot's: ${extra.join(', ')}`);
    if (twice.length > 0) problems.push(`messages posted twice: ${twice.join(', ')}`);
    if (made.length !== expected.length) problems.push(`${made.length} messages for ${expected.length} posted slots`);
    return { slots: keys.length, problems };
  }

  async close(): Promise<void> {
    for (const p of this.processes) p.kill('SIGKILL');
    await Promise.all(this.processes.map((p) => p.exited));
    await this.store.close().catch(() => undefined);
    await this.redis.stop();
    await this.fake.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * Sends once more when the connection was reset under the request, as Slack redelivers one that got no
 * answer. On a loaded machine the client's keep-alive timers run late, so it can reuse a connection in
 * the instant the app closes it for idleness ("other side closed", ECONNRESET): the request may never
 * have reached the app. A press delivered twice counts once, which these tests check anyway.
 */
export async function deliver(send: () => Promise<SentRequest>): Promise<SentRequest> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (err) {
      if (attempt >= 3 || !isConnectionReset(err)) throw err;
    }
  }
}

function isConnectionReset(err: unknown): boolean {
  const code = err instanceof Error && err.cause instanceof Error ? (err.cause as NodeJS.ErrnoException).code : undefined;
  return err instanceof TypeError && ['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE'].includes(code ?? '');
}

export const postIdOf = (call: ApiCall): string => buttonIn(call.body['blocks'], /Reveal/).value.replace(/^daily:reveal:/, '');
