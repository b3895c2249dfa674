import { type Client, ShardClientUtil } from 'discord.js';
import type { ChannelRef } from '../../core/refs.js';

/**
 * Whether this process's shards carry the channel's guild. Discord's own formula, (guild >> 22) % count,
 * not the guild cache: a guild that is briefly unavailable still belongs to the same shard, and the
 * answer is the same in every process. Other platforms' channels are always "ours".
 */
export function ownsChannel(client: Client, channel: ChannelRef): boolean {
  if (channel.platform !== 'discord') return true;
  const { shards, shardCount } = client.options;
  if (!Array.isArray(shards) || shardCount === undefined || shardCount <= 1) return true;
  return shards.includes(ShardClientUtil.shardIdForGuildId(channel.workspaceId, shardCount));
}
