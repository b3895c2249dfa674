import { type ScheduleRunner, type WakeTimer, parseSchedule, zoneTypedAsDays } from '../../scheduler/index.js';
import type { EngineConfig } from '../engine-config.js';
import { UserError } from '../errors.js';
import type { PlatformPort } from '../platform.js';
import { type ChannelRef, type UserRef, channelOf } from '../refs.js';
import { createFollowingRunner } from '../slots/following-runner.js';
import { freshMark } from '../slots/marks.js';
import type { World } from '../world.js';
import { createReminderSlots } from './remind-slots.js';
import { type ReminderSettings, loadReminder, personKey, readChanges, readMark, readVersion, resetMark, saveReminder } from './remind-store.js';
import type { PracticeService } from './service.js';

export type { ReminderSettings } from './remind-store.js';

/** What `practice remind 07:30 weekdays Europe/Berlin` typed: a time, and optionally days and a zone. */
export interface ReminderInput {
  time: string;
  days?: string;
  timezone?: string;
}

/**
 * Per-person practice reminders: a private nudge ("7 cards due, 3 new") at a time of day in the
 * person's zone, only on days when a card is due, sent once per slot however many processes share
 * the store.
 */
export interface PracticeReminders {
  /** Throws UserError for a time, day list or zone it cannot read. */
  set(user: UserRef, channel: ChannelRef, input: ReminderInput): Promise<ReminderSettings>;
  /** False when there was no reminder. */
  off(user: UserRef): Promise<boolean>;
  status(user: UserRef): Promise<ReminderSettings | undefined>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ReminderDeps {
  world: World;
  config: EngineConfig;
  platform: PlatformPort;
  practice: Pick<PracticeService, 'dueSummary' | 'timezoneOf'>;
  wakeTimer: WakeTimer;
  /** Which channels this process schedules for (sharded Discord); a reminder belongs to the channel it was set in. */
  ownsChannel?: (channel: ChannelRef) => boolean;
}

/** A nudge later than this is noise, whatever grace the daily question gets. */
const REMINDER_GRACE_MS = 30 * 60 * 1000;

export function createPracticeReminders(deps: ReminderDeps): PracticeReminders {
  const { world, config } = deps;
  const { store } = world;
  const owns = deps.ownsChannel ?? (() => true);
  const slots = createReminderSlots({ world, platform: deps.platform, practice: deps.practice, leaseMs: config.slotLeaseMs });
  const scheduled = createFollowingRunner(
    { world, wakeTimer: deps.wakeTimer, graceMs: Math.min(config.catchUpGraceMs, REMINDER_GRACE_MS), wakeEveryMs: config.scheduleCheckMs, slots },
    (runner) => createReminderSync(world, runner, owns),
  );
  const sync = scheduled.follower;

  return {
    async set(user, channel, input) {
      const settings = await buildReminder(deps, user, channel, input);
      const person = personKey(user);
      const startFrom = freshMark(settings.schedule, world.clock.now());
      await resetMark(store, person, startFrom);
      await saveReminder(store, person, settings);
      if (scheduled.running && owns(channel)) sync.watch(person, settings, startFrom);
      world.logger.info({ user: user.userId, schedule: settings.schedule }, 'practice reminder set');
      return settings;
    },
    async off(user) {
      const person = personKey(user);
      if (!(await loadReminder(store, person))) return false;
      await saveReminder(store, person, null);
      sync.unwatch(person);
      return true;
    },
    status: (user) => loadReminder(store, personKey(user)),
    start: () => scheduled.start(),
    stop: () => scheduled.stop(),
  };
}

async function buildReminder(deps: ReminderDeps, user: UserRef, channel: ChannelRef, input: ReminderInput): Promise<ReminderSettings> {
  const { days, timezone } = zoneTypedAsDays(input.days, input.timezone);
  const zone = timezone ?? (await deps.practice.timezoneOf(user));
  const parsed = parseSchedule({ when: input.time, timezone: zone, ...(days !== undefined ? { days } : {}) });
  if (!parsed.ok) throw new UserError('bad-input', `${parsed.error.charAt(0).toUpperCase()}${parsed.error.slice(1)}.`);
  if (parsed.schedule.kind !== 'time-of-day') throw new UserError('bad-input', 'A practice reminder takes a time of day, like `practice remind 07:30 weekdays`.');
  return {
    user: { platform: user.platform, workspaceId: user.workspaceId, userId: user.userId, ...(user.name ? { name: user.name } : {}) },
    channel: channelOf(channel),
    schedule: parsed.schedule,
    zoneAsTyped: timezone?.trim() ?? null,
    setAt: deps.world.clock.now().toISOString(),
  };
}

/**
 * Keeps this process's runner in step with everyone's reminders in the store, so one set or turned off
 * through another process is picked up on the next wake. An unchanged version costs one read; a change
 * reads the change counts and then the settings (and last-slot mark) of only the people whose count moved.
 */
function createReminderSync(world: World, runner: ScheduleRunner, owns: (channel: ChannelRef) => boolean) {
  const { store } = world;
  /** Person → the schedule (as JSON) the runner watches for them. */
  const watched = new Map<string, string>();
  /** Person → the change count last acted on. */
  const seen = new Map<string, number>();
  let seenVersion = -1;

  function watch(person: string, settings: ReminderSettings, mark: string | undefined): void {
    const json = JSON.stringify(settings.schedule);
    // Re-adding an unchanged schedule would only throw away the runner's progress.
    if (watched.get(person) === json) return;
    runner.add(person, settings.schedule, mark);
    watched.set(person, json);
  }

  function unwatch(person: string): void {
    runner.remove(person);
    watched.delete(person);
  }

  async function follow(person: string): Promise<void> {
    const settings = await loadReminder(store, person);
    if (settings && owns(settings.channel)) {
      if (watched.get(person) !== JSON.stringify(settings.schedule)) watch(person, settings, await readMark(store, person));
    } else if (watched.has(person)) {
      unwatch(person);
    }
  }

  async function sync(opts: { force?: boolean } = {}): Promise<void> {
    try {
      const version = await readVersion(store);
      if (!opts.force && version === seenVersion) return;
      for (const [person, count] of await readChanges(store)) {
        if (!opts.force && seen.get(person) === count) continue;
        await follow(person);
        seen.set(person, count);
      }
      seenVersion = version;
    } catch (err) {
      world.logger.error({ err }, 'could not read the practice reminders; keeping the current schedules');
    }
  }

  return { sync, watch, unwatch };
}
