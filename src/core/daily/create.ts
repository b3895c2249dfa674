import { createScheduleRunner, slotKey } from '../../scheduler/index.js';
import { UserError } from '../errors.js';
import { channelKey } from '../refs.js';
import { createChannelSync } from './channel-sync.js';
import { handleAction, revealLatest } from './handle-action.js';
import { makePostId } from './format.js';
import { defaultPostSettings, postSettingsOf, publishPost } from './publish.js';
import { listSettings, loadSettings, resetLastSlot, saveSettings } from './store.js';
import { handleReaction } from './reveal.js';
import { createRevealTimers } from './reveal-timers.js';
import { eligibleQuestions } from './rotation.js';
import { describeScope } from './scope.js';
import type { DailyDeps, DailyService } from './service.js';
import { buildSettings } from './settings.js';
import { createSlotHandlers } from './slots.js';
import { channelStatus } from './status.js';

/**
 * Wires the daily question together: one schedule runner for every enabled channel, kept in step with
 * the store on every wake (so a schedule set through another process is picked up within a minute),
 * plus the public reveals that are due at a time.
 */
export function createDailyService(deps: DailyDeps): DailyService {
  const { world, config, bank } = deps;
  const ctx = { world, config, bank, platform: deps.platform };
  const reveals = createRevealTimers(ctx);
  const slots = createSlotHandlers(ctx, reveals.armFor);
  const runner = createScheduleRunner({
    clock: world.clock,
    // Every wake first syncs channels from the store, then lets the runner post, then reveals what is due.
    timer: {
      every: (intervalMs, wake) =>
        deps.wakeTimer.every(intervalMs, async () => {
          await channels.sync();
          await wake();
          await reveals.revealAllDue();
        }),
    },
    graceMs: config.catchUpGraceMs,
    wakeEveryMs: config.scheduleCheckMs,
    onSlot: slots.onSlot,
    onMissed: slots.onMissed,
    logger: world.logger,
  });
  const owns = deps.ownsChannel ?? (() => true);
  const channels = createChannelSync(world, runner, owns);
  let running = false;

  return {
    async configure(channel, input, by) {
      const current = await loadSettings(world.store, channel);
      const now = world.clock.now();
      const settings = buildSettings(bank, channel, input, by, current, { timezone: config.defaultTimezone, now });
      if (eligibleQuestions(bank.all(), settings).length === 0) {
        const hint = settings.discussion ? '' : ' Add `discussion:yes` to post questions without an answer too.';
        throw new UserError('bad-input', `No question${settings.discussion ? '' : ' with an answer'} is in ${describeScope(settings.scope)}.${hint}`);
      }
      // Nothing before this minute is owed under the new schedule, or a time earlier today would post at once.
      const startFrom = slotKey(settings.schedule, new Date(now.getTime() - 60_000));
      await resetLastSlot(world.store, channel, startFrom);
      await saveSettings(world.store, settings);
      if (running && owns(channel)) channels.watch(channelKey(channel), settings.schedule, startFrom);
      world.logger.info({ channel, schedule: settings.schedule, by: by.userId }, 'daily question configured');
      return settings;
    },

    async disable(channel) {
      const current = await loadSettings(world.store, channel);
      if (!current?.enabled) return false;
      await saveSettings(world.store, { ...current, enabled: false });
      channels.unwatch(channelKey(channel));
      world.logger.info({ channel }, 'daily question turned off');
      return true;
    },

    status: (channel) => channelStatus(ctx, channel),
    listChannels: () => listSettings(world.store),

    async postNow(channel, by) {
      const settings = await loadSettings(world.store, channel);
      const postSettings = settings ? postSettingsOf(settings) : defaultPostSettings(channel, config.defaultTimezone);
      const now = world.clock.now();
      const postId = makePostId(channelKey(channel), 'manual', now.toISOString(), String(world.random.next()));
      try {
        const post = await publishPost(ctx, postSettings, postId, null);
        reveals.armFor(post);
        return post;
      } catch (err) {
        if (err instanceof UserError) throw err;
        world.logger.error({ err, channel, by: by.userId, postId }, 'manual daily post failed');
        throw new UserError('conflict', `I could not post here: ${err instanceof Error ? err.message : String(err)}. It has been logged.`);
      }
    },

    revealLatest: (channel, user) => revealLatest(ctx, channel, user),
    handleReaction: (inv) => handleReaction(ctx, inv),
    handleAction: (inv) => handleAction({ ...ctx, scoring: deps.scoring }, inv),

    async start() {
      if (running) return;
      running = true;
      reveals.start();
      await channels.sync({ force: true });
      await runner.start();
      await reveals.revealAllDue();
    },

    async stop() {
      running = false;
      reveals.stop();
      await runner.stop();
    },
  };
}
