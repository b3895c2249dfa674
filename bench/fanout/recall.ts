import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { commands } from '../../commands/index.js';
import { startDiscordAdapter } from '../../src/adapters/discord/index.js';
import { PortRouter } from '../../src/adapters/port-router.js';
import { createBankService } from '../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { createEngine } from '../../src/core/engine.js';
import { seededRandom } from '../../src/core/random.js';
import type { UserRef } from '../../src/core/refs.js';
import { systemTimers } from '../../src/core/timers.js';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';
import { createStore } from '../../src/store/create-store.js';
import { FakeClock } from '../../tests/fakes/clock.js';
import { FakeTimer } from '../../tests/fakes/wake-timer.js';
import { RecordingLogger } from '../../tests/fakes/world.js';
import { type FanoutOptions, type FanoutResult, measure, startLimitedFake } from './setup.js';

const SLOT = '2026-11-23T09:30:00Z';
/** Longer than one global window: both discord.js's and the fake's have closed when the slot fires. */
const SETTLE_MS = 1_100;

/**
 * Recall as production runs it (the real engine, the discord.js adapter with its default REST settings),
 * on a fake clock and a hand-fired wake timer so the slot starts when the benchmark says. Every channel
 * gets a `daily set 09:30`; one wake at 09:29 lets the scheduler sync them all (in production the
 * minute-by-minute wakes have long done so), then the 09:30 wake is timed.
 */
export async function recallFanout(options: FanoutOptions, progress: (line: string) => void): Promise<FanoutResult> {
  const limited = await startLimitedFake(options);
  const { fake, limiter, channelIds, firstGuild } = limited;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recall-bench-fanout-'));
  const store = await createStore(options.store === 'memory' ? 'memory://' : path.join(dir, 'recall.sqlite'), { namespace: `bench-fanout-${Date.now()}` });
  const loaded = await loadBankFromDisk(['questions']);
  const bank = createBankService(loaded, async () => loaded);
  const clock = new FakeClock('2026-11-23T09:00:00Z');
  const logger = new RecordingLogger();
  const wake = new FakeTimer();
  const router = new PortRouter();
  const engine = createEngine({
    world: { clock, store, random: seededRandom(7), logger, timers: systemTimers },
    config: defaultEngineConfig,
    bank,
    platform: router,
    commands,
    wakeTimer: wake,
  });
  const adapter = await startDiscordAdapter({
    engine,
    router,
    bank,
    store,
    logger: pino({ level: 'silent' }),
    config: { token: fake.token, appId: fake.appId, guildId: firstGuild, apiBase: fake.apiBase, adminRole: null },
    // Only the pace: everything else as production has it. At Discord's 50 this is discord.js's default.
    tuning: { globalRequestsPerSecond: options.globalPerSecond },
  });
  try {
    await engine.start();
    const setupStart = performance.now();
    for (const channelId of channelIds) {
      const workspaceId = fake.world.guildOfChannel(channelId) ?? firstGuild;
      const by: UserRef = { platform: 'discord', workspaceId, userId: fake.bot.id };
      await engine.services.daily.configure({ platform: 'discord', workspaceId, channelId }, { when: '09:30', timezone: 'UTC' }, by);
    }
    clock.set('2026-11-23T09:29:00Z');
    await wake.fire();
    progress(`  Recall: ${channelIds.length} schedules set and synced in ${((performance.now() - setupStart) / 1000).toFixed(1)} s; firing the 09:30 slot`);
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

    const fromRequest = fake.requests.length;
    const before = { ...limiter.served429 };
    const errorsBefore = logger.at('error').length;
    clock.set(SLOT);
    const t0 = performance.now();
    await wake.fire();
    const doneAt = performance.now();
    return measure(limited, fromRequest, t0, doneAt, before, logger.at('error').length - errorsBefore);
  } finally {
    await engine.stop();
    await adapter.stop();
    await store.close();
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
