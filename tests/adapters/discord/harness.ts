import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { commands } from '../../../commands/index.js';
import { PortRouter } from '../../../src/adapters/port-router.js';
import { type DiscordAdapter, type DiscordTuning, startDiscordAdapter } from '../../../src/adapters/discord/index.js';
import type { BankLoadResult } from '../../../src/bank/types.js';
import { type BankService, type BankServiceOptions, createBankService } from '../../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { type Engine, createEngine } from '../../../src/core/engine.js';
import type { BoardImages } from '../../../src/core/images.js';
import type { ChannelRef } from '../../../src/core/refs.js';
import type { Logger } from '../../../src/log.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import {
  EVERYONE_PERMS,
  FakeDiscord,
  type FakeGuildSpec,
  type FakeInteraction,
  type FakeMessage,
  type FakeUser,
  PERMS,
  answerOf,
  messageText,
  snowflake,
} from '../../fakes/discord/index.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { type TestWorld, createTestWorld } from '../../fakes/world.js';
import { loadSeeds } from '../../helpers/bank.js';

export const GUILD = snowflake();
export const STUDY = snowflake();
/** A channel where an overwrite takes Send Messages from the bot. */
export const LOCKED = snowflake();
export const ADMIN_ROLE = { id: snowflake(), name: 'Recall Admin', permissions: EVERYONE_PERMS };

let seeds: BankLoadResult | undefined;
/** The seed bank, parsed once per test file. */
export function seedBank(): BankService {
  seeds ??= loadSeeds();
  const loaded = seeds;
  return createBankService(loaded, async () => loaded);
}

/** Tuned for a local fake: one quick retry, short timeouts, no waiting for absent guilds. */
export const FAST: DiscordTuning = { restRetries: 1, restTimeoutMs: 2_000, waitGuildTimeoutMs: 1_000 };

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** A pino logger that keeps its lines, so tests can check what was logged (and what never was). */
export function recordingLogger(): { logger: Logger; lines: LogLine[]; raw: string[] } {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      const text = chunk.toString('utf8');
      raw.push(text);
      for (const line of text.split('\n').filter(Boolean)) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream), lines, raw };
}

export interface Harness {
  fake: FakeDiscord;
  world: TestWorld;
  wake: FakeTimer;
  engine: Engine;
  router: PortRouter;
  bank: BankService;
  adapter: DiscordAdapter;
  logs: ReturnType<typeof recordingLogger>;
  ann: FakeUser;
  alice: FakeUser;
  bob: FakeUser;
  /** Starts another adapter (a restart) against the same engine, store and fake. */
  restart(tuning?: DiscordTuning): Promise<DiscordAdapter>;
  /** Runs a slash command and waits for its answer. */
  slash(
    user: FakeUser,
    name: string,
    subcommand?: string,
    options?: Record<string, string | number | boolean>,
    channelId?: string,
  ): Promise<{ interaction: FakeInteraction; answer: FakeMessage; text: string }>;
  /** Presses a button (by label) on a message and waits for the answer. */
  press(user: FakeUser, message: FakeMessage, label: RegExp): Promise<{ interaction: FakeInteraction; answer: FakeMessage; text: string }>;
  close(): Promise<void>;
}

export const channel = (channelId = STUDY): ChannelRef => ({ platform: 'discord', workspaceId: GUILD, channelId });

export interface HarnessOptions {
  store?: 'memory' | 'sqlite';
  tuning?: DiscordTuning;
  guilds?: FakeGuildSpec[];
  adminRole?: string | null;
  /** Put a store in by hand (two shards sharing one). */
  sharedStore?: Store;
  /** Board pictures (src/images' renderer, made once per file: it reads fonts). */
  images?: BoardImages;
  /** A bank in place of the seed bank (one whose questions carry their own choices, say). */
  bank?: BankLoadResult;
  /** Where the bank's search index lives and when it is built (the bot's choice: a worker thread, at start). */
  search?: BankServiceOptions['search'];
}

const dirs: string[] = [];
export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const fake = await FakeDiscord.start({
    guilds: opts.guilds ?? [
      {
        id: GUILD,
        name: 'Study Group',
        channels: [
          { id: STUDY, name: 'study' },
          { id: LOCKED, name: 'locked', botDenied: PERMS.SendMessages },
        ],
        roles: [ADMIN_ROLE],
      },
    ],
  });
  const ann = fake.addUser({ username: 'ann', globalName: 'Ann' }, GUILD, { permissions: EVERYONE_PERMS | PERMS.ManageGuild });
  const alice = fake.addUser({ username: 'alice', globalName: 'Alice' }, GUILD);
  const bob = fake.addUser({ username: 'bob', globalName: 'Bob' }, GUILD);

  let storeUrl = 'memory://';
  if (opts.store === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-discord-'));
    dirs.push(dir);
    storeUrl = path.join(dir, 'recall.sqlite');
  }
  // Monday 23 November 2026, 08:00 UTC.
  const world = await createTestWorld({ start: '2026-11-23T08:00:00Z', store: opts.sharedStore ?? (await createStore(storeUrl)) });
  const wake = new FakeTimer();
  const loaded = opts.bank ?? (opts.search ? loadSeeds() : undefined);
  const bank = loaded ? createBankService(loaded, async () => loaded, opts.search ? { search: opts.search } : {}) : seedBank();
  const router = new PortRouter();
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform: router, commands, wakeTimer: wake, ...(opts.images ? { images: opts.images } : {}) });
  const logs = recordingLogger();
  const config = { token: fake.token, appId: fake.appId, guildId: GUILD, apiBase: fake.apiBase, adminRole: opts.adminRole === undefined ? ADMIN_ROLE.name : opts.adminRole };
  const start = (tuning: DiscordTuning = opts.tuning ?? FAST) => startDiscordAdapter({ engine, router, bank, store: world.store, logger: logs.logger, config, tuning });

  const adapters: DiscordAdapter[] = [await start()];
  await engine.start();

  const h: Harness = {
    fake,
    world,
    wake,
    engine,
    router,
    bank,
    logs,
    ann,
    alice,
    bob,
    get adapter() {
      const last = adapters.at(-1);
      if (!last) throw new Error('no adapter');
      return last;
    },
    async restart(tuning) {
      await h.adapter.stop();
      const next = await start(tuning);
      adapters.push(next);
      return next;
    },
    async slash(user, name, subcommand, options, channelId = STUDY) {
      const interaction = fake.slash({ guildId: GUILD, channelId, user, name, ...(subcommand ? { subcommand } : {}), ...(options ? { options } : {}) });
      await fake.answered(interaction);
      const answer = answerOf(interaction);
      return { interaction, answer, text: messageText(answer) };
    },
    async press(user, message, label) {
      const target = buttonsOf(message).find((b) => label.test(b.label));
      if (!target)
        throw new Error(
          `no button ${label} on: ${messageText(message)} [${buttonsOf(message)
            .map((b) => b.label)
            .join(', ')}]`,
        );
      const interaction = fake.press({ message, customId: target.customId, user });
      await fake.answered(interaction);
      const answer = answerOf(interaction);
      return { interaction, answer, text: messageText(answer) };
    },
    async close() {
      await engine.stop();
      for (const a of adapters) await a.stop();
      await fake.close();
      if (!opts.sharedStore) await world.store.close();
    },
  };
  return h;
}

function buttonsOf(message: FakeMessage): { customId: string; label: string }[] {
  return (message.components as { components?: { custom_id?: string; label?: string }[] }[])
    .flatMap((row) => row.components ?? [])
    .map((c) => ({ customId: c.custom_id ?? '', label: c.label ?? '' }));
}
