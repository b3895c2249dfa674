/** Discord's epoch (2015-01-01); a snowflake is (ms since it) << 22 | worker bits | increment. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A fresh, time-ordered snowflake, like the ids Discord gives messages and interactions. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** A fixed id whose shard under `count` shards is `shard`: (id >> 22) % count, Discord's formula. */
export function guildIdOnShard(seed: number, shard: number, count: number): string {
  return (BigInt(seed * count + shard) << 22n).toString();
}

export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}
