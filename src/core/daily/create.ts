import { UserError } from '../errors.js';
import { channelKey } from '../refs.js';
import { createChannelSchedules } from '../slots/channel-schedules.js';
import { handleAction, revealLatest } from './handle-action.js';
import { makePostId } from './format.js';
import { defaultPostSettings, postSettingsOf, publishPost } from './publish.js';
import { listSettings, loadSettings } from './store.js';
import { handleReaction } from './reveal.js';
import { createRevealTimers } from './reveal-timers.js';
import { eligibleQuestions } from './rotation.js';
import { dailySettingsStore } from './schedules.js';
import { describeScope } from './scope.js';
import type { DailyDeps, DailyService } from './service.js';
import { buildSettings } from './settings.js';
import { createSlotHandlers } from './slots.js';
import { channelStatus } from './status.js';

/**
 * Wires the daily question together: the shared channel schedules (slots/channel-schedules.ts: one
 * runner for every enabled channel, kept in step with the store on every wake), the slot job that
 * posts, plus the public reveals that are due at a time, checked after every wake.
 */
export function createDailyService(deps: DailyDeps): DailyService {
  const { world, config, bank } = deps;
  const ctx = { world, config, bank, platform: deps.platform };
  const reveals = createRevealTimers(ctx);
  const schedules = createChannelSchedules({
    what: 'daily question',
    world,
    config,
    wakeTimer: deps.wakeTimer,
    ownsChannel: deps.ownsChannel,
    settings: dailySettingsStore(world.store),
    slots: createSlotHandlers(ctx, reveals.armFor),
    afterWake: reveals.revealAllDue,
  });

  return {
    async configure(channel, input, by) {
      const current = await loadSettings(world.store, channel);
      const now = world.clock.now();
      const settings = buildSettings(bank, channel, input, by, current, { timezone: config.defaultTimezone, now });
      if (eligibleQuestions(bank.all(), settings).length === 0) {
        const hint = settings.discussion ? '' : ' Add `discussion:yes` to post questions without an answer too.';
        throw new UserError('bad-input', `No question${settings.discussion ? '' : ' with an answer'} is in ${describeScope(settings.scope)}.${hint}`);
      }
      await schedules.enable(settings, now, by);
      return settings;
    },

    disable: (channel) => schedules.disable(channel),

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

    revealLatest: (channel, user) => revealLatest({ ...ctx, scoring: deps.scoring }, channel, user),
    handleReaction: (inv) => handleReaction(ctx, inv),
    handleAction: (inv) => handleAction({ ...ctx, scoring: deps.scoring }, inv),

    async start() {
      if (schedules.running) return;
      reveals.start();
      await schedules.start();
      await reveals.revealAllDue();
    },

    async stop() {
      reveals.stop();
      await schedules.stop();
    },
  };
}
