import { type Schedule, nextRun } from '../../scheduler/index.js';
import { isUserError } from '../errors.js';
import { textReply } from '../reply.js';
import { makePostId, formatLocal } from './format.js';
import { postedSlotKey } from './keys.js';
import { type DailyContext, postSettingsOf, publishPost } from './publish.js';
import { addProblem, advanceLastSlot, loadSettings } from './records.js';
import type { DailyChannelSettings, DailyPost } from './types.js';

/** Slot markers only need to outlive the catch-up window; the last-slot record covers anything older. */
const MARKER_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface SlotHandlers {
  onSlot(channelKey: string, slotKey: string, slot: Date): Promise<void>;
  onMissed(channelKey: string, slotKey: string, slot: Date): Promise<void>;
}

/**
 * What the schedule runner calls. The runner delivers a slot once per runner; across restarts and
 * processes, the set-if-absent marker per (channel, slot) decides: whoever creates it posts, everyone
 * else moves on. A failed post keeps its marker (it may have half-happened; posting twice is worse than
 * once late) and is recorded and reported to the admin who set the schedule.
 */
export function createSlotHandlers(ctx: DailyContext, onPosted: (post: DailyPost) => void): SlotHandlers {
  const { world } = ctx;

  async function current(key: string, slotKey: string, slot: Date): Promise<DailyChannelSettings | undefined> {
    const settings = await loadSettings(world.store, key);
    // Another process may have turned the channel off or moved its time since this runner last synced.
    if (!settings?.enabled || !isSlotOf(settings.schedule, slot)) {
      world.logger.debug({ channelKey: key, slotKey }, 'daily slot no longer matches the channel settings; skipped');
      return undefined;
    }
    return settings;
  }

  async function onSlot(key: string, slotKey: string, slot: Date): Promise<void> {
    const settings = await current(key, slotKey, slot);
    if (!settings) return;
    const { channel } = settings;
    const postId = makePostId(key, 'slot', slotKey);
    try {
      const won = await world.store.setIfAbsent(postedSlotKey(channel, slotKey), { postId, at: world.clock.now().toISOString() }, MARKER_TTL_MS);
      if (!won) {
        world.logger.debug({ channel, slotKey }, 'daily slot already taken by another process or run');
        return;
      }
      try {
        onPosted(await publishPost(ctx, postSettingsOf(settings), postId, slotKey));
      } catch (err) {
        await reportFailure(ctx, settings, slotKey, slot, err);
      }
    } finally {
      await advanceLastSlot(world.store, channel, slotKey);
    }
  }

  async function onMissed(key: string, slotKey: string, slot: Date): Promise<void> {
    const settings = await current(key, slotKey, slot);
    if (!settings) return;
    const { channel } = settings;
    try {
      // The same marker as a post, so a slot is either posted or missed, and recorded once.
      if (!(await world.store.setIfAbsent(postedSlotKey(channel, slotKey), { missed: true, at: world.clock.now().toISOString() }, MARKER_TTL_MS))) return;
      world.logger.warn({ channel, slotKey, slot: slot.toISOString() }, 'daily slot missed: the bot was not running within the catch-up window');
      await addProblem(world.store, channel, { kind: 'missed', slotKey, at: world.clock.now().toISOString(), message: `The ${formatLocal(slot, settings.schedule.timezone)} question was skipped: the bot was not running then.` });
    } finally {
      await advanceLastSlot(world.store, channel, slotKey);
    }
  }

  return { onSlot, onMissed };
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

/** True when `slot` is one of the schedule's own instants. */
function isSlotOf(schedule: Schedule, slot: Date): boolean {
  try {
    return nextRun(schedule, new Date(slot.getTime() - 1)).getTime() === slot.getTime();
  } catch {
    return false;
  }
}
