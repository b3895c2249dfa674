import type { Schedule, WakeTimer } from '../../scheduler/index.js';
import type { EngineConfig } from '../engine-config.js';
import { type ChannelRef, type UserRef, channelKey } from '../refs.js';
import type { World } from '../world.js';
import { type ScheduledChannels, createChannelSync } from './channel-sync.js';
import { type SlotHandlers, type SlotJob, type SlotKeys, isSlotOf } from './claim.js';
import { createFollowingRunner } from './following-runner.js';
import { freshMark } from './marks.js';

/** What every kind of scheduled channel post keeps per channel. */
export interface ScheduledSettings {
  channel: ChannelRef;
  enabled: boolean;
  schedule: Schedule;
}

/** Where one kind of scheduled channel post keeps its settings and last-slot marks. */
export interface ChannelSettingsStore<S extends ScheduledSettings> extends ScheduledChannels {
  load(channel: ChannelRef | string): Promise<S | undefined>;
  /** Writes the settings and lists the channel in the index, so other processes pick the change up. */
  save(settings: S): Promise<void>;
  /** Sets the last-slot mark, back as well as forward: a new schedule owes nothing before it. */
  resetMark(channel: ChannelRef, slotKey: string): Promise<void>;
  /** Moves the last-slot mark forward, never back (marks.ts). */
  advanceMark(channel: ChannelRef, slotKey: string): Promise<void>;
  /** The store keys of one slot of one channel (done marker, lease, attempt). */
  slotKeys(channel: ChannelRef, slotKey: string): SlotKeys;
}

export interface ChannelSchedulesDeps<S extends ScheduledSettings> {
  /** `daily question`, `weekly digest`: names the post in the log lines of a change. */
  what: string;
  world: World;
  config: Pick<EngineConfig, 'catchUpGraceMs' | 'scheduleCheckMs'>;
  wakeTimer: WakeTimer;
  /** Which channels this process schedules (default: all); see DailyDeps.ownsChannel. */
  ownsChannel?: ((channel: ChannelRef) => boolean) | undefined;
  settings: ChannelSettingsStore<S>;
  /** The job's slot claims (slots/claim.ts): what the runner calls for a due or missed slot. */
  slots: SlotHandlers;
  /** Work for every wake after the due slots have had their turn (the daily question's timed reveals). */
  afterWake?: () => Promise<void>;
}

/** The per-channel schedule steps the daily question and the weekly digest share. */
export interface ChannelSchedules<S extends ScheduledSettings> {
  /** True between start() and stop(). */
  readonly running: boolean;
  /**
   * Saves a channel's new (enabled) settings, owing nothing before `now`'s minute, and watches the
   * channel when this process schedules it.
   */
  enable(settings: S, now: Date, by: UserRef): Promise<void>;
  /** Saves the channel's settings turned off and stops watching it. False when nothing was on. */
  disable(channel: ChannelRef): Promise<boolean>;
  /** Reads every channel from the store and starts the runner; resolves once missed slots are caught up. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One schedule runner for every channel of one kind of scheduled post, following the channel index in
 * the store on every wake (following-runner.ts), so a schedule set through another process is picked
 * up within a minute.
 */
export function createChannelSchedules<S extends ScheduledSettings>(deps: ChannelSchedulesDeps<S>): ChannelSchedules<S> {
  const { world, config, settings: store } = deps;
  const owns = deps.ownsChannel ?? (() => true);
  const scheduled = createFollowingRunner(
    { world, wakeTimer: deps.wakeTimer, graceMs: config.catchUpGraceMs, wakeEveryMs: config.scheduleCheckMs, slots: deps.slots, afterWake: deps.afterWake },
    (runner) => createChannelSync(world, runner, store, owns),
  );
  const channels = scheduled.follower;

  return {
    get running() {
      return scheduled.running;
    },

    async enable(settings, now, by) {
      const startFrom = freshMark(settings.schedule, now);
      await store.resetMark(settings.channel, startFrom);
      await store.save(settings);
      if (scheduled.running && owns(settings.channel)) channels.watch(channelKey(settings.channel), settings.schedule, startFrom);
      world.logger.info({ channel: settings.channel, schedule: settings.schedule, by: by.userId }, `${deps.what} configured`);
    },

    async disable(channel) {
      const current = await store.load(channel);
      if (!current?.enabled) return false;
      await store.save({ ...current, enabled: false });
      channels.unwatch(channelKey(channel));
      world.logger.info({ channel }, `${deps.what} turned off`);
      return true;
    },

    start: () => scheduled.start(),
    stop: () => scheduled.stop(),
  };
}

/**
 * The part of a slot job that is the same for every per-channel post: which settings a slot belongs
 * to, its keys, and the channel's last-slot mark. Another process may have turned the channel off or
 * moved its time since this runner last synced, so `current` reads the settings again and skips a
 * slot that is no longer one of theirs.
 */
export function channelSlotJob<S extends ScheduledSettings>(
  world: World,
  store: ChannelSettingsStore<S>,
): Pick<SlotJob<S>, 'label' | 'current' | 'keys' | 'schedule' | 'readMark' | 'advanceMark'> {
  return {
    label: store.label,
    async current(key, slotKey, slot) {
      const settings = await store.load(key);
      if (!settings?.enabled || !isSlotOf(settings.schedule, slot)) {
        world.logger.debug({ channelKey: key, slotKey }, `${store.label} slot no longer matches the channel settings; skipped`);
        return undefined;
      }
      return settings;
    },
    keys: (s, slotKey) => store.slotKeys(s.channel, slotKey),
    schedule: (s) => s.schedule,
    readMark: (s) => store.readMark(channelKey(s.channel)),
    advanceMark: (s, slotKey) => store.advanceMark(s.channel, slotKey),
  };
}
