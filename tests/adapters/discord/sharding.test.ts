import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { PortRouter } from '../../../src/adapters/port-router.js';
import { type DiscordAdapter, startDiscordAdapter } from '../../../src/adapters/discord/index.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { type Engine, createEngine } from '../../../src/core/engine.js';
import type { ChannelRef } from '../../../src/core/refs.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { EVERYONE_PERMS, FakeDiscord, PERMS, guildIdOnShard, shardOf, snowflake } from '../../fakes/discord/index.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { type TestWorld, createTestWorld } from '../../fakes/world.js';
import { FAST, recordingLogger, seedBank } from './harness.js';

interface Shard {
  world: TestWorld;
  wake: FakeTimer;
  engine: Engine;
  adapter: DiscordAdapter;
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

/** One process per shard, as under ShardingManager: its own engine and client, one shared store. */
async function startShard(fake: FakeDiscord, store: Store, id: number, count: number): Promise<Shard> {
  const world = await createTestWorld({ start: '2026-11-23T08:00:00Z', store });
  const wake = new FakeTimer();
  const bank = seedBank();
  const router = new PortRouter();
  // The engine exists before the client knows its shards; the predicate is bound once it does.
  let owns: (channel: ChannelRef) => boolean = () => true;
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform: router, commands, wakeTimer: wake, ownsChannel: (c) => owns(c) });
  const adapter = await startDiscordAdapter({
    engine,
    router,
    bank,
    store,
    logger: recordingLogger().logger,
    config: { token: fake.token, appId: fake.appId, guildId: null, apiBase: fake.apiBase, adminRole: null },
    tuning: { ...FAST, shards: [id], shardCount: count },
  });
  owns = adapter.ownsChannel;
  await engine.start();
  return { world, wake, engine, adapter };
}

describe('discord.js adapter: sharding', () => {
  it('each shard schedules only its own guilds, so every slot is posted once, by the shard that owns it', async () => {
    const guildA = guildIdOnShard(7, 0, 2);
    const guildB = guildIdOnShard(7, 1, 2);
    const [chanA, chanB] = [snowflake(), snowflake()];
    const fake = await FakeDiscord.start({
      guilds: [
        { id: guildA, channels: [{ id: chanA }] },
        { id: guildB, channels: [{ id: chanB }] },
      ],
    });
    const ann = fake.addUser({ username: 'ann' }, guildA, { permissions: EVERYONE_PERMS | PERMS.ManageGuild });
    fake.addUser({ id: ann.id, username: 'ann' }, guildB, { permissions: EVERYONE_PERMS | PERMS.ManageGuild });
    const store = await createStore('memory://');
    const shards = [await startShard(fake, store, 0, 2), await startShard(fake, store, 1, 2)];
    cleanup = async () => {
      for (const s of shards) await s.engine.stop();
      for (const s of shards) await s.adapter.stop();
      await fake.close();
      await store.close();
    };
    const [zero, one] = shards as [Shard, Shard];

    expect(shardOf(guildA, 2)).toBe(0);
    expect(zero.adapter.client.guilds.cache.has(guildA) && !zero.adapter.client.guilds.cache.has(guildB)).toBe(true);
    expect(one.adapter.client.guilds.cache.has(guildB)).toBe(true);
    // Only the process with shard 0 registers the (global) commands.
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(1);

    for (const [guildId, channelId] of [
      [guildA, chanA],
      [guildB, chanB],
    ] as const) {
      const set = fake.slash({ guildId, channelId, user: ann, name: 'daily', subcommand: 'set', options: { time: '09:30' } });
      await fake.answered(set);
    }
    for (const s of shards) s.world.clock.set('2026-11-23T09:30:00Z');
    // Shard one wakes first: if it scheduled every guild, it would post guild A's question too.
    await one.wake.fire();
    await zero.wake.fire();
    await one.wake.fire();

    expect(fake.messages(chanA)).toHaveLength(1);
    expect(fake.messages(chanB)).toHaveLength(1);
    const posted = (s: Shard) => s.world.logger.entries.filter((e) => e.msg === 'daily question posted').map((e) => (e.obj['channel'] as ChannelRef).workspaceId);
    expect(posted(zero)).toEqual([guildA]);
    expect(posted(one)).toEqual([guildB]);
  });
});
