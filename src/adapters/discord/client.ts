import { Client, GatewayIntentBits, Partials } from 'discord.js';
import type { DiscordConfig } from './settings.js';

/** Knobs production leaves alone; tests and the benchmark turn them for a local fake. */
export interface DiscordTuning {
  /** Times a 5xx or network failure is retried before it surfaces as an error (discord.js default: 3). */
  restRetries?: number;
  /** A REST request taking longer than this is aborted (and retried). */
  restTimeoutMs?: number;
  /** discord.js paces every bot to Discord's global 50 requests a second; only a local fake may go faster. */
  globalRequestsPerSecond?: number;
  /** Interaction work still running after this long is deferred (default 1.5 s of Discord's 3 s). */
  deferAfterMs?: number;
  /** How long READY waits for the guilds to arrive (discord.js default: 15 s). */
  waitGuildTimeoutMs?: number;
  /** Shards this client runs (ShardingManager sets these through the environment otherwise). */
  shards?: number[];
  shardCount?: number;
  /** Register the slash commands on start (default: yes, on the process that runs shard 0). */
  registerCommands?: boolean;
}

/**
 * Only the intents Recall uses: guilds (channels, roles for admin checks), guild messages and reactions
 * (reveal reactions), DMs (reveal and grade buttons arrive there). No message content, no members
 * intent: both are privileged and not needed. The partials let reactions on messages from before a
 * restart, in uncached channels, reach the handler. No zlib-sync: the gateway runs uncompressed.
 */
export function createDiscordClient(config: DiscordConfig, tuning: DiscordTuning = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.GuildMessageReactions, GatewayIntentBits.DirectMessages],
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    allowedMentions: { parse: [] },
    ...(tuning.waitGuildTimeoutMs !== undefined ? { waitGuildTimeout: tuning.waitGuildTimeoutMs } : {}),
    ...(tuning.shards ? { shards: tuning.shards } : {}),
    ...(tuning.shardCount !== undefined ? { shardCount: tuning.shardCount } : {}),
    rest: {
      ...(config.apiBase ? { api: config.apiBase } : {}),
      retries: tuning.restRetries ?? 3,
      timeout: tuning.restTimeoutMs ?? 15_000,
      ...(tuning.globalRequestsPerSecond !== undefined ? { globalRequestsPerSecond: tuning.globalRequestsPerSecond } : {}),
    },
  });
}
