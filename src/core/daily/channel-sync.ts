import type { Schedule, ScheduleRunner } from '../../scheduler/index.js';
import type { ChannelRef } from '../refs.js';
import type { World } from '../world.js';
import { loadSettings, readIndex, readLastSlot } from './store.js';

export interface ChannelSync {
  /** Brings the runner in line with the store's settings; cheap when nothing changed anywhere. */
  sync(opts?: { force?: boolean }): Promise<void>;
  watch(channelKey: string, schedule: Schedule, lastSlot: string | undefined): void;
  unwatch(channelKey: string): void;
}

/**
 * Keeps one process's schedule runner in step with the channel settings in the store, so a schedule
 * set or turned off through another process is picked up on the next wake. The channel index carries a
 * version number, so an unchanged index costs one read.
 */
export function createChannelSync(world: World, runner: ScheduleRunner, owns: (channel: ChannelRef) => boolean = () => true): ChannelSync {
  /** channelKey → the schedule (as JSON) the runner watches for it. */
  const watched = new Map<string, string>();
  let seenVersion = -1;

  function watch(key: string, schedule: Schedule, lastSlot: string | undefined): void {
    const json = JSON.stringify(schedule);
    // Re-adding an unchanged schedule would only throw away the runner's progress.
    if (watched.get(key) === json) return;
    runner.add(key, schedule, lastSlot);
    watched.set(key, json);
  }

  function unwatch(key: string): void {
    runner.remove(key);
    watched.delete(key);
  }

  async function sync(opts: { force?: boolean } = {}): Promise<void> {
    try {
      const index = await readIndex(world.store);
      if (!opts.force && index.version === seenVersion) return;
      for (const [key, channel] of Object.entries(index.channels)) {
        const settings = await loadSettings(world.store, key);
        if (settings?.enabled && owns(channel)) watch(key, settings.schedule, await readLastSlot(world.store, key));
        else if (watched.has(key)) unwatch(key);
      }
      seenVersion = index.version;
    } catch (err) {
      world.logger.error({ err }, 'could not read daily channel settings; keeping the current schedules');
    }
  }

  return { sync, watch, unwatch };
}
