import type { Schedule, ScheduleRunner } from '../../scheduler/index.js';
import type { ChannelRef } from '../refs.js';
import type { ChannelIndex } from './channel-index.js';
import type { World } from '../world.js';

export interface ChannelSync {
  /** Brings the runner in line with the store's settings; cheap when nothing changed anywhere. */
  sync(opts?: { force?: boolean }): Promise<void>;
  watch(channelKey: string, schedule: Schedule, lastSlot: string | undefined): void;
  unwatch(channelKey: string): void;
}

/** Where one kind of scheduled post keeps its channels, schedules and last-slot marks. */
export interface ScheduledChannels {
  /** `daily`, `digest`: names the log line when the store cannot be read. */
  label: string;
  readIndex(): Promise<ChannelIndex>;
  /** The channel's schedule and whether it is on; undefined when it has no settings. */
  load(channelKey: string): Promise<{ enabled: boolean; schedule: Schedule } | undefined>;
  readMark(channelKey: string): Promise<string | undefined>;
}

/**
 * Keeps one process's schedule runner in step with the channel settings in the store, so a schedule
 * set or turned off through another process is picked up on the next wake. The channel index carries a
 * version number, so an unchanged index costs one read.
 */
export function createChannelSync(world: World, runner: ScheduleRunner, source: ScheduledChannels, owns: (channel: ChannelRef) => boolean = () => true): ChannelSync {
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
      const index = await source.readIndex();
      if (!opts.force && index.version === seenVersion) return;
      for (const [key, channel] of Object.entries(index.channels)) {
        const settings = await source.load(key);
        if (settings?.enabled && owns(channel)) watch(key, settings.schedule, await source.readMark(key));
        else if (watched.has(key)) unwatch(key);
      }
      seenVersion = index.version;
    } catch (err) {
      world.logger.error({ err }, `could not read ${source.label} channel settings; keeping the current schedules`);
    }
  }

  return { sync, watch, unwatch };
}
