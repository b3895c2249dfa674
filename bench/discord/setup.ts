import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import pino from 'pino';
import { commands } from '../../commands/index.js';
import { type DiscordAdapter, startDiscordAdapter } from '../../src/adapters/discord/index.js';
import { PortRouter } from '../../src/adapters/port-router.js';
import { createBankService } from '../../src/core/bank-service.js';
import { systemClock } from '../../src/core/clock.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { type Engine, createEngine } from '../../src/core/engine.js';
import { silentLogger } from '../../src/core/logger.js';
import { seededRandom } from '../../src/core/random.js';
import { systemTimers } from '../../src/core/timers.js';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';
import type { WakeTimer } from '../../src/scheduler/index.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { EVERYONE_PERMS, FakeDiscord, PERMS, snowflake } from '../../tests/fakes/discord/index.js';

export const GUILD = snowflake();
export const CHANNEL = snowflake();

/** The daily scheduler is not part of this benchmark: posts are made with `daily now`. */
const idleWake: WakeTimer = { every: () => ({ cancel: () => undefined }) };

export async function startFake(): Promise<FakeDiscord> {
  const fake = await FakeDiscord.start({ guilds: [{ id: GUILD, name: 'Bench', channels: [{ id: CHANNEL, name: 'study' }] }] });
  // Interactions are timed from dispatch, and a loaded machine must not turn them into 10062s.
  fake.world.interactionWindowMs = 60_000;
  return fake;
}

export interface Recall {
  engine: Engine;
  adapter: DiscordAdapter;
  store: Store;
  stop(): Promise<void>;
}

/**
 * Recall as production wires it (real clock and timers, the seed bank from questions/, a memory or
 * SQLite store), pointed at the fake. Only discord.js's client-side pacing of 50 requests a second is
 * lifted, so the burst measures Recall rather than that limit; the report says what the limit would add.
 */
export async function startRecall(fake: FakeDiscord, storeUrl: string): Promise<Recall> {
  const loaded = await loadBankFromDisk(['questions']);
  const bank = createBankService(loaded, async () => loaded);
  const store = await createStore(storeUrl, { namespace: `bench-discord-${Date.now()}` });
  const router = new PortRouter();
  const world = { clock: systemClock, store, random: seededRandom(7), logger: silentLogger, timers: systemTimers };
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform: router, commands, wakeTimer: idleWake });
  const adapter = await startDiscordAdapter({
    engine,
    router,
    bank,
    store,
    logger: pino({ level: 'silent' }),
    config: { token: fake.token, appId: fake.appId, guildId: GUILD, apiBase: fake.apiBase, adminRole: null },
    tuning: { globalRequestsPerSecond: 1_000_000 },
  });
  await engine.start();
  return {
    engine,
    adapter,
    store,
    async stop() {
      await engine.stop();
      await adapter.stop();
      await store.close();
    },
  };
}

/**
 * The baseline: a bare discord.js client that answers every interaction with "ok". Same intents and
 * partials as Recall's client: with the Channel partial discord.js builds the DM channel and message of
 * every DM button press, which is discord.js's cost, not the adapter's.
 */
export async function startBare(fake: FakeDiscord): Promise<{ stop(): Promise<void> }> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessages],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    rest: { api: fake.apiBase },
  });
  client.on(Events.InteractionCreate, (i) => {
    if (i.isRepliable()) void i.reply('ok').catch(() => undefined);
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(fake.token);
  await ready;
  // The bare fake needs the commands registered for its payloads; Recall's list, so both see the same shape.
  const { toDiscordCommands } = await import('../../src/adapters/discord/commands.js');
  fake.world.commands.guild.set(
    GUILD,
    toDiscordCommands(commands).map((c) => ({ ...c, id: snowflake() })),
  );
  return { stop: () => client.destroy() };
}

export function addPeople(fake: FakeDiscord, prefix: string, n: number) {
  const admin = fake.addUser({ username: `${prefix}-admin` }, GUILD, { permissions: EVERYONE_PERMS | PERMS.ManageGuild });
  const people = Array.from({ length: n }, (_, i) => fake.addUser({ username: `${prefix}-${i}`, globalName: `${prefix} ${i}` }, GUILD));
  return { admin, people };
}
