import { nextRun } from '../../scheduler/index.js';
import { isUserError } from '../errors.js';
import { isPlatformRefusal } from '../platform.js';
import { textReply } from '../reply.js';
import { channelSlotJob } from '../slots/channel-schedules.js';
import { type SlotHandlers, createSlotClaims } from '../slots/claim.js';
import { makePostId, formatLocal } from './format.js';
import { postSettingsOf, publishPost } from './publish.js';
import type { DailyContext } from './service.js';
import { dailySettingsStore } from './schedules.js';
import { addProblem } from './store.js';
import type { DailyChannelSettings, DailyPost } from './types.js';

export type { SlotHandlers } from '../slots/claim.js';

/**
 * The daily question as a slot job over the shared claims (slots/claim.ts: lease, done marker,
 * last-slot mark, retries, missed slots). Specific to it: the question chosen is remembered before
 * sending, so a take-over after a crash posts the same one; nothing left in the bank ends the slot
 * at once, as a platform refusal does.
 */
export function createSlotHandlers(ctx: DailyContext, onPosted: (post: DailyPost) => void): SlotHandlers {
  const { world, config } = ctx;
  return createSlotClaims<DailyChannelSettings, DailyPost>(world, config.slotLeaseMs, {
    ...channelSlotJob(world, dailySettingsStore(world.store)),
    postId: (key, slotKey) => makePostId(key, 'slot', slotKey),
    run(settings, slotKey, _slot, attempt) {
      const retake = attempt.earlier?.['questionId'];
      return publishPost(ctx, postSettingsOf(settings), attempt.postId, slotKey, {
        ...(typeof retake === 'string' ? { retake, earlierAttempt: true } : {}),
        onChosen: (questionId) => attempt.remember({ questionId }),
      });
    },
    posted: onPosted,
    finalFailure(err, at) {
      // Nothing in the bank fits, or the platform refuses the bot: retrying cannot help until an admin acts.
      if (isUserError(err)) return { nothingToPost: true, at };
      if (isPlatformRefusal(err)) return { failed: true, at, reason: err.message };
      return undefined;
    },
    reportFailure: (settings, slotKey, slot, err) => reportFailure(ctx, settings, slotKey, slot, err),
    reportMissed: (settings, slotKey, slot, at) =>
      addProblem(world.store, settings.channel, {
        kind: 'missed',
        slotKey,
        at,
        message: `The ${formatLocal(slot, settings.schedule.timezone)} question was skipped: the bot was not running then.`,
      }),
  });
}

async function reportFailure(ctx: DailyContext, settings: DailyChannelSettings, slotKey: string, slot: Date, err: unknown): Promise<void> {
  const { world, platform } = ctx;
  const { channel, setBy, schedule } = settings;
  const reason = err instanceof Error ? err.message : String(err);
  const nothingToPost = isUserError(err);
  world.logger.error({ err, channel, slotKey, setBy: setBy.userId }, nothingToPost ? 'daily slot had nothing to post' : 'daily post failed');
  const when = formatLocal(slot, schedule.timezone);
  await addProblem(world.store, channel, { kind: nothingToPost ? 'nothing-to-post' : 'post-failed', slotKey, at: world.clock.now().toISOString(), message: reason });
  const next = formatLocal(nextRun(schedule, world.clock.now()), schedule.timezone);
  const message = nothingToPost
    ? `The daily question for ${when} was not posted: ${reason} Change the categories with \`daily set\`. Next try: ${next}.`
    : `I could not post the daily question for ${when} in this channel: ${reason}. I will try again at the next time, ${next}.`;
  try {
    await platform.sendPrivate(channel, setBy, textReply(message, { ephemeral: true }));
  } catch (reportErr) {
    world.logger.error({ err: reportErr, channel, slotKey, setBy: setBy.userId }, 'could not tell the admin that a daily post failed');
  }
}
