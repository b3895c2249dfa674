import { type Client, Status } from 'discord.js';
import type { PlatformHealth } from '../types.js';

/**
 * Connected while every shard this process runs has its gateway session READY. A shard that is
 * resuming or identifying again answers no interactions and sees no reactions, so it counts as down
 * even though discord.js will bring it back by itself.
 */
export function gatewayHealth(client: Client): PlatformHealth {
  const shards = [...client.ws.shards.values()];
  if (shards.length === 0) return { connected: false, detail: 'no gateway session' };
  const down = shards.filter((shard) => shard.status !== Status.Ready);
  if (down.length === 0) return { connected: true };
  return { connected: false, detail: down.map((shard) => `shard ${shard.id} ${Status[shard.status].toLowerCase()}`).join(', ') };
}
