import { type Client, Events, InteractionType, RESTEvents } from 'discord.js';
import type { DiscordConfig } from './settings.js';
import { InFlight } from '../../core/in-flight.js';
import type { ChannelRef } from '../../core/refs.js';
import { serving } from '../../metrics/handling.js';
import type { AdapterDeps, PlatformHealth, RunningAdapter } from '../types.js';
import { type DiscordTuning, createDiscordClient } from './client.js';
import { registerCommands } from './commands.js';
import { gatewayHealth } from './health.js';
import { createInteractionHandler } from './interactions.js';
import { createDiscordPort } from './port.js';
import { createReactionHandler } from './reactions.js';
import { ownsChannel } from './sharding.js';

export type { DiscordTuning } from './client.js';
export { toDiscordCommands, registerCommands } from './commands.js';
export { inviteUrl, INVITE_PERMISSIONS, INVITE_SCOPES } from './invite.js';
export { renderReply } from './render.js';

export interface DiscordAdapterDeps extends AdapterDeps {
  config: DiscordConfig;
  tuning?: DiscordTuning;
}

export interface DiscordAdapter extends RunningAdapter {
  client: Client<true>;
  /**
   * For createEngine's `ownsChannel`: under sharding, true only for channels of this process's guilds,
   * so each shard schedules its own guilds' daily posts; true for every channel otherwise.
   */
  ownsChannel(channel: ChannelRef): boolean;
  /** Connected while every shard's gateway session is ready. */
  health(): PlatformHealth;
}

const DEFAULT_DEFER_AFTER_MS = 1_500;

/**
 * Logs in, registers the commands (on shard 0), wires interactions and reactions to the engine and
 * registers the Discord port with the router. Resolves once the client is ready and its guilds are in.
 */
export async function startDiscordAdapter(deps: DiscordAdapterDeps): Promise<DiscordAdapter> {
  const { config, engine, logger } = deps;
  const tuning = deps.tuning ?? {};
  const log = logger.child({ adapter: 'discord' });
  const client = createDiscordClient(config, tuning);
  const port = createDiscordPort(client, deps.store, log);

  const onInteraction = createInteractionHandler({
    client,
    engine,
    bank: deps.bank,
    store: deps.store,
    logger: log,
    port,
    adminRole: config.adminRole,
    guildId: config.guildId,
    deferAfterMs: tuning.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
  });
  const onReaction = createReactionHandler(client, engine, log);
  // Once draining, new interactions and reactions are not taken: Discord tells the person the app did not
  // respond, which beats a reply that never comes because the process is gone.
  const inFlight = new InFlight();
  // Inside `serving`, an error logged while handling one counts as a request failure in the metrics. The
  // handlers catch their own errors; anything that still escapes is logged here, never left to end the process.
  const escaped = (what: Record<string, unknown>) => (err: unknown) => log.error({ err, ...what }, 'discord: an error escaped its handler');
  client.on(Events.InteractionCreate, (i) => {
    const type = InteractionType[i.type];
    if (inFlight.open) serving.run(true, () => inFlight.run(`discord ${type}`, () => onInteraction(i)).catch(escaped({ type, interactionId: i.id })));
    else log.info({ type }, 'discord: stopping; an interaction was not taken');
  });
  client.on(Events.MessageReactionAdd, (r, u) => {
    if (inFlight.open) serving.run(true, () => inFlight.run('discord reaction', () => onReaction(r, u)).catch(escaped({ messageId: r.message.id, userId: u.id })));
  });
  // Errors and connection changes are logged; none of them may take the process down.
  client.on(Events.Error, (err) => log.error({ err }, 'discord: client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord: warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'discord: gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'discord: gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'discord: gateway session resumed'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'discord: gateway error'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn({ route: info.route, method: info.method, retryAfterMs: info.retryAfter, global: info.global }, 'discord: rate limited; waiting'),
  );

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  let readyClient: Client<true>;
  try {
    await client.login(config.token);
    readyClient = await ready;
  } catch (err) {
    await client.destroy();
    throw err;
  }
  log.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size, shards: readyClient.options.shards }, 'discord: connected');

  const shards = readyClient.options.shards;
  const runsShardZero = !Array.isArray(shards) || shards.includes(0);
  if (tuning.registerCommands ?? runsShardZero) {
    try {
      const result = await registerCommands(readyClient.rest, config, engine.commands);
      log.info(result, 'discord: slash commands registered');
    } catch (err) {
      // The commands registered last time still work; the bot is more useful up than down.
      log.error({ err }, 'discord: could not register slash commands; the previous registration stays');
    }
  }

  deps.router.register('discord', port);
  let stopped = false;
  return {
    name: 'discord',
    client: readyClient,
    ownsChannel: (channel) => ownsChannel(readyClient, channel),
    health: () => gatewayHealth(readyClient),
    async drain() {
      inFlight.close();
      await inFlight.drained();
    },
    pending: () => inFlight.pending(),
    async stop() {
      if (stopped) return;
      stopped = true;
      // Listeners stay: an error emitted while closing must still find its handler, not crash the process.
      await client.destroy();
      log.info({}, 'discord: disconnected');
    },
  };
}
