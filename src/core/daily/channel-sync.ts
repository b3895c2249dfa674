import type { ScheduleRunner } from '../../scheduler/index.js';
import type { ChannelRef } from '../refs.js';
import { type ChannelSync, createChannelSync as createScheduleSync } from '../slots/channel-sync.js';
import type { World } from '../world.js';
import { loadSettings, readIndex, readLastSlot } from './store.js';

export type { ChannelSync } from '../slots/channel-sync.js';

/** The daily question's channels, schedules and last-slot marks, kept in step by the shared sync. */
export function createChannelSync(world: World, runner: ScheduleRunner, owns: (channel: ChannelRef) => boolean = () => true): ChannelSync {
  return createScheduleSync(
    world,
    runner,
    {
      label: 'daily',
      readIndex: () => readIndex(world.store),
      load: (key) => loadSettings(world.store, key),
      readMark: (key) => readLastSlot(world.store, key),
    },
    owns,
  );
}
