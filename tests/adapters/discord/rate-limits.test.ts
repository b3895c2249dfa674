import { afterEach, describe, expect, it } from 'vitest';
import type { DiscordTuning } from '../../../src/adapters/discord/index.js';
import type { UserRef } from '../../../src/core/refs.js';
import { snowflake } from '../../fakes/discord/index.js';
import { FAST, GUILD, type Harness, channel, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A guild of `n` text channels, and the harness on it with discord.js paced to `clientPerSecond`. */
async function manyChannels(n: number, clientPerSecond: number): Promise<{ h: Harness; ids: string[] }> {
  const ids = Array.from({ length: n }, () => snowflake());
  const tuning: DiscordTuning = { ...FAST, globalRequestsPerSecond: clientPerSecond };
  const harness = await startHarness({ guilds: [{ id: GUILD, name: 'Many', channels: ids.map((id, i) => ({ id, name: `study-${i}` })) }], tuning });
  return { h: harness, ids };
}

async function scheduleEverywhere(harness: Harness, ids: readonly string[]): Promise<void> {
  const by: UserRef = { platform: 'discord', workspaceId: GUILD, userId: harness.ann.id };
  for (const id of ids) await harness.engine.services.daily.configure(channel(id), { when: '09:30' }, by);
}

async function fireSlot(harness: Harness): Promise<void> {
  harness.world.clock.set('2026-11-23T09:30:00Z');
  await harness.wake.fire();
}

const postsPerChannel = (harness: Harness, ids: readonly string[]) => ids.map((id) => harness.fake.messages(id).length);

describe('discord.js adapter: under Discord rate limits', () => {
  it('posts the daily question to 100 channels across several global windows, one message each, without a 429 storm', async () => {
    let ids: string[];
    ({ h, ids } = await manyChannels(100, 40));
    const limits = h.fake.rest.limitRate({ globalPerSecond: 40 });
    await scheduleEverywhere(h, ids);
    // discord.js opened its global window at its last start-up request, which the fake, not limiting yet,
    // did not count: until that window closes the two are out of step (38 global 429s when tried), which
    // they are not on a Discord that saw every request. Both open their next window at the first post.
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    await fireSlot(h);

    expect(postsPerChannel(h, ids)).toEqual(ids.map(() => 1));
    // 100 creates at 40 a second need three windows: the limiter was in the way, and discord.js paced to it.
    expect(limits.admitted).toBeGreaterThanOrEqual(100);
    expect(limits.served429.global + limits.served429.user).toBeLessThanOrEqual(2);
    expect(h.world.logger.at('error')).toEqual([]);
  });

  it('paces several posts to one channel by the bucket headers, with no route 429', async () => {
    let ids: string[];
    ({ h, ids } = await manyChannels(1, 50));
    const [only = ''] = ids;
    // Discord's 5 per 5 s, shrunk so the test crosses the bucket's reset in a second and a half.
    const limits = h.fake.rest.limitRate({ routes: [{ bucket: 'messages-create', method: 'POST', route: '/channels/:id/messages', limit: 2, windowMs: 500 }] });
    const by: UserRef = { platform: 'discord', workspaceId: GUILD, userId: h.ann.id };

    await Promise.all(Array.from({ length: 7 }, () => h?.engine.services.daily.postNow(channel(only), by)));

    expect(h.fake.messages(only)).toHaveLength(7);
    expect(limits.served429.user).toBe(0);
  });

  it('refuses a client that paces faster than the limit with global 429s, and every channel still gets exactly one message', async () => {
    let ids: string[];
    ({ h, ids } = await manyChannels(30, 50));
    const limits = h.fake.rest.limitRate({ globalPerSecond: 10 });
    await scheduleEverywhere(h, ids);

    await fireSlot(h);

    expect(limits.served429.global).toBeGreaterThan(0);
    expect(postsPerChannel(h, ids)).toEqual(ids.map(() => 1));
    expect(h.logs.lines.some((l) => l.msg === 'discord: rate limited; waiting')).toBe(true);
  });
});
