import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlatformHealth } from '../../../src/adapters/types.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('discord.js adapter: health', () => {
  it('is connected once ready, disconnected while the gateway is away, and connected again after the resume', async () => {
    h = await startHarness();
    const { fake, adapter } = h;
    expect(adapter.health()).toEqual({ connected: true });

    // Read at the moment discord.js reports the drop: it reconnects at once, too fast to poll for.
    const whileAway: PlatformHealth[] = [];
    adapter.client.once(Events.ShardReconnecting, () => whileAway.push(adapter.health()));
    fake.gateway.closeAll(4000);
    await fake.until(() => fake.gateway.stats.resumes === 1, 'a RESUME', 5_000);
    await fake.until(() => h?.logs.lines.some((l) => l.msg === 'discord: gateway session resumed'), 'the resume to be reported');

    expect(whileAway).toEqual([{ connected: false, detail: 'shard 0 connecting' }]);
    expect(adapter.health()).toEqual({ connected: true });
  });

  it('is disconnected once stopped', async () => {
    h = await startHarness();
    await h.adapter.stop();
    expect(h.adapter.health().connected).toBe(false);
  });
});
