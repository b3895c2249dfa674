import pino from 'pino';
import { commands } from '../../commands/index.js';
import { createBankService } from '../../src/core/bank-service.js';
import { systemClock } from '../../src/core/clock.js';
import { lastSlotKey } from '../../src/core/daily/keys.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { createEngine } from '../../src/core/engine.js';
import { systemRandom } from '../../src/core/random.js';
import type { ChannelRef, UserRef } from '../../src/core/refs.js';
import { systemTimers } from '../../src/core/timers.js';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';
import { slotKey } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/store.js';
import { FakePlatform } from '../fakes/platform.js';
import { FakeTimer } from '../fakes/wake-timer.js';

/**
 * Sets channels up the way an admin's `daily set` would, through the real daily service on the shared
 * store, then moves each channel's "done up to" mark back: the processes started next owe every minute
 * since, within the catch-up grace, so a test gets several slots at once instead of waiting for minutes.
 */
export async function seedEveryMinuteChannels(store: Store, bankDir: string, channels: readonly ChannelRef[], owedMinutes: number): Promise<void> {
  const bank = createBankService(await loadBankFromDisk([bankDir]), () => loadBankFromDisk([bankDir]));
  const world = { clock: systemClock, store, random: systemRandom, logger: pino({ level: 'silent' }), timers: systemTimers };
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform: new FakePlatform(), commands, wakeTimer: new FakeTimer() });
  for (const channel of channels) {
    const admin: UserRef = { platform: channel.platform, workspaceId: channel.workspaceId, userId: 'U-admin', name: 'Admin' };
    const settings = await engine.services.daily.configure(channel, { when: '* * * * *', timezone: 'UTC' }, admin);
    const back = new Date(Math.floor(Date.now() / 60_000) * 60_000 - owedMinutes * 60_000);
    await store.set(lastSlotKey(channel), slotKey(settings.schedule, back));
  }
}

/** Every minute's slot key from just after `fromKey` to `toKey`, both as the every-minute UTC schedule writes them. */
export function minuteKeysBetween(fromKey: string, toKey: string): string[] {
  const keys: string[] = [];
  for (let t = Date.parse(`${fromKey}:00Z`) + 60_000; t <= Date.parse(`${toKey}:00Z`); t += 60_000) keys.push(new Date(t).toISOString().slice(0, 16));
  return keys;
}
