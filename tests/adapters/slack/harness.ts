import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { commands } from '../../../commands/index.js';
import { PortRouter } from '../../../src/adapters/port-router.js';
import { type RunningSlackAdapter, type SlackAdapterOptions, startSlackAdapter } from '../../../src/adapters/slack/index.js';
import type { SlackConfig } from '../../../src/adapters/slack/settings.js';
import type { BankLoadResult } from '../../../src/bank/types.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { type Engine, createEngine } from '../../../src/core/engine.js';
import type { BoardImages } from '../../../src/core/images.js';
import { createStore } from '../../../src/store/create-store.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { type TestWorld, createTestWorld } from '../../fakes/world.js';
import { loadSeeds } from '../../helpers/bank.js';
import { blocksText } from '../../fakes/slack/blocks.js';
import { type PressedButton, type Who, blockAction, reactionAdded, slashCommand, viewSubmission } from '../../fakes/slack/payloads.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN, FakeSlack, type ResponseUrlCall } from '../../fakes/slack/server.js';
import { FAKE_SIGNING_SECRET, SlackSender } from '../../fakes/slack/signed-requests.js';
import { SLACK_CHANNEL as CHANNEL, slackWho } from '../../helpers/people.js';

export { CHANNEL };
export const { ann, alice, bob } = slackWho;

/** Fast Web API retries so a test waits for Retry-After, never for backoff. */
export const FAST_RETRY = { retries: 2, minTimeout: 0, maxTimeout: 1 };

export interface HarnessOptions {
  mode: 'http' | 'socket';
  store?: 'memory' | 'sqlite';
  config?: Partial<SlackConfig>;
  options?: SlackAdapterOptions;
  /** Where the adapter logs, when a test reads them before start() has resolved. */
  logs?: LogLines;
  /** Board pictures (src/images' renderer, made once per file: it reads fonts). */
  images?: BoardImages;
  /** A bank in place of the seed bank (one whose questions carry their own choices, say). */
  bank?: BankLoadResult;
}

/** Lines the adapter logged, as text, for checks that no secret ever reaches a log. */
export class LogLines {
  readonly lines: string[] = [];
  write(line: string): void {
    this.lines.push(line);
  }
  get text(): string {
    return this.lines.join('');
  }
}

/**
 * The real engine (seed bank, fake clock, fake wake timer) behind the real Bolt adapter, talking to a
 * fake Slack on 127.0.0.1. Monday 23 November 2026, 08:00 UTC = 09:00 in Berlin.
 */
export async function slackHarness(opts: HarnessOptions) {
  const dirs: string[] = [];
  const fake = await new FakeSlack().start();
  fake.users.set(ann.userId, { name: 'Ann', is_admin: true });
  fake.users.set(alice.userId, { name: 'Alice' });
  fake.users.set(bob.userId, { name: 'Bob' });

  let storeUrl = 'memory://';
  if (opts.store === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-slack-'));
    dirs.push(dir);
    storeUrl = path.join(dir, 'recall.sqlite');
  }
  const world: TestWorld = await createTestWorld({ start: '2026-11-23T08:00:00Z', store: await createStore(storeUrl) });
  const wake = new FakeTimer();
  const seeds = opts.bank ?? loadSeeds();
  const bank = createBankService(seeds, async () => seeds);
  const router = new PortRouter();
  const engine: Engine = createEngine({ world, config: defaultEngineConfig, bank, platform: router, commands, wakeTimer: wake, ...(opts.images ? { images: opts.images } : {}) });
  const logs = opts.logs ?? new LogLines();
  const logger = pino({ level: 'debug' }, logs);

  const config: SlackConfig = {
    botToken: FAKE_BOT_TOKEN,
    signingSecret: FAKE_SIGNING_SECRET,
    appToken: opts.mode === 'socket' ? FAKE_APP_TOKEN : null,
    apiUrl: fake.apiUrl,
    clientId: null,
    clientSecret: null,
    stateSecret: null,
    adminGroup: null,
    port: 0,
    ...opts.config,
  };
  // Slack signs with the same time the app checks against: the world's clock, which tests move.
  const clock = opts.options?.clock ?? world.clock;
  let adapter: RunningSlackAdapter;
  try {
    adapter = await startSlackAdapter({
      engine,
      router,
      bank,
      store: world.store,
      logger,
      config,
      options: { host: '127.0.0.1', retryConfig: FAST_RETRY, clock, ...opts.options },
    });
  } catch (err) {
    await fake.close();
    await world.store.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  await engine.start();
  const sender = adapter.url ? new SlackSender(adapter.url, FAKE_SIGNING_SECRET, () => clock.now().getTime()) : null;

  /** `/recall <text>`, over HTTP or Socket Mode: the reply Slack would show, whichever way it came. */
  async function recall(who: Who, text: string, channelId = CHANNEL): Promise<{ responseType: string; text: string; blocks: unknown }> {
    const body = slashCommand(who, channelId, text, fake.responseUrl());
    const ack = await deliverCommand(body);
    const payload = ack ?? (await fake.waitForResponse((r) => r.id === body['response_url']?.split('/').at(-1))).body;
    const responseType = typeof payload['response_type'] === 'string' ? payload['response_type'] : '';
    return { responseType, text: blocksText(payload['blocks']) || String(payload['text'] ?? ''), blocks: payload['blocks'] };
  }

  async function deliverCommand(body: Record<string, string>): Promise<Record<string, unknown> | null> {
    if (sender) {
      const res = await sender.command(body);
      if (res.status !== 200) throw new Error(`/recall answered ${res.status}: ${res.text}`);
      return res.text === '' ? null : (res.json() as Record<string, unknown>);
    }
    const ack = await fake.socket.deliver('slash_commands', body);
    return ack.payload && Object.keys(ack.payload).length > 0 ? ack.payload : null;
  }

  async function react(who: Who, messageTs: string, reaction: string, eventOpts: { eventId?: string } = {}) {
    const body = reactionAdded(who, CHANNEL, messageTs, reaction, eventOpts);
    if (sender) {
      const res = await sender.event(body);
      if (res.status !== 200) throw new Error(`event answered ${res.status}`);
    } else {
      await fake.socket.deliver('events_api', body);
    }
    return body;
  }

  /** Presses a button; resolves with what the app said back to the presser at the response_url. */
  async function press(
    who: Who,
    button: PressedButton,
    pressOpts: { messageTs?: string; ephemeral?: boolean; triggerId?: string } = {},
  ): Promise<ResponseUrlCall & { text: string }> {
    const responseUrl = fake.responseUrl();
    const payload = blockAction(who, CHANNEL, button, responseUrl, pressOpts);
    await deliverAction(payload);
    const id = responseUrl.split('/').at(-1);
    const answer = await fake.waitForResponse((r) => r.id === id);
    return { ...answer, text: blocksText(answer.body['blocks']) || String(answer.body['text'] ?? '') };
  }

  async function deliverAction(payload: Record<string, unknown>): Promise<void> {
    if (sender) {
      const res = await sender.action(payload);
      if (res.status !== 200) throw new Error(`action answered ${res.status}`);
    } else {
      await fake.socket.deliver('interactive', payload);
    }
  }

  /** Submits a modal the app opened (one of fake.views); resolves with the ack's body (null when empty: the form closed). */
  async function submitView(who: Who, opened: { id: string; view: Record<string, unknown> }, values: Record<string, string>): Promise<Record<string, unknown> | null> {
    const payload = viewSubmission(who, opened, values);
    if (sender) {
      const res = await sender.action(payload);
      if (res.status !== 200) throw new Error(`view_submission answered ${res.status}: ${res.text}`);
      return res.text === '' ? null : (res.json() as Record<string, unknown>);
    }
    const ack = await fake.socket.deliver('interactive', payload);
    return ack.payload && Object.keys(ack.payload).length > 0 ? ack.payload : null;
  }

  async function close(): Promise<void> {
    await adapter.stop();
    await engine.stop();
    await fake.close();
    await world.store.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }

  return { fake, world, wake, engine, router, adapter, sender, logs, config, recall, react, press, deliverAction, deliverCommand, submitView, close };
}

export type SlackHarness = Awaited<ReturnType<typeof slackHarness>>;
