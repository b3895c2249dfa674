import { type Schedule, type SlotOutcome, nextRun, slotForKey, slotKey as keyOfSlot } from '../../scheduler/index.js';
import { isUserError } from '../errors.js';
import { isPlatformRefusal } from '../platform.js';
import { textReply } from '../reply.js';
import { makePostId, formatLocal } from './format.js';
import { postedSlotKey, slotAttemptKey, slotLeaseKey } from './keys.js';
import { postSettingsOf, publishPost } from './publish.js';
import type { DailyContext } from './service.js';
import { addProblem, advanceLastSlot, loadSettings, readLastSlot } from './store.js';
import type { DailyChannelSettings, DailyPost } from './types.js';

/** Slot markers only need to outlive the catch-up window; the last-slot record covers anything older. */
const MARKER_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Bounds one walk of the last-slot mark; a longer run of done slots is finished by the next slot's walk. */
const MAX_MARK_STEPS = 1000;

export interface SlotHandlers {
  onSlot(channelKey: string, slotKey: string, slot: Date): Promise<SlotOutcome>;
  onMissed(channelKey: string, slotKey: string, slot: Date): Promise<SlotOutcome>;
}

/** What is known of a slot that was tried and not finished: by whom, with which question, why it stopped. */
interface SlotAttempt {
  postId: string;
  questionId?: string;
  attempts: number;
  lastError?: string;
}

/** Who holds a slot now. */
interface SlotLease {
  holder: string;
  at: string;
}

/** Why a slot ended; written once, and every process leaves a slot that has one alone. */
type SlotDone =
  | { postId: string; messageId: string; at: string }
  | { missed: true; at: string }
  | { nothingToPost: true; at: string }
  | { failed: true; at: string; reason: string };

/**
 * What the schedule runner calls, in every process that watches the channel. Exactly one post per
 * slot across processes and crashes:
 * - a lease (set-if-absent with expiry) picks the one process that posts now; the others answer
 *   'retry' and look again later, when the slot is either done or its lease has run out because the
 *   holder died;
 * - the question chosen is recorded before sending, and the post carries the slot's postId as its
 *   idempotency key, so a take-over posts the same question and, on Discord, a create that did go
 *   through before the crash is answered with that same message instead of a second one;
 * - the done marker is written only after the post is recorded; until then the slot is not done.
 * A post that fails (platform 5xx/429 beyond the client's own retries, store down) gives the lease
 * back and is retried with back-off until the catch-up grace runs out; then it is reported once.
 */
export function createSlotHandlers(ctx: DailyContext, onPosted: (post: DailyPost) => void): SlotHandlers {
  const { world, config } = ctx;
  const leaseMs = config.slotLeaseMs;

  async function current(key: string, slotKey: string, slot: Date): Promise<DailyChannelSettings | undefined> {
    const settings = await loadSettings(world.store, key);
    // Another process may have turned the channel off or moved its time since this runner last synced.
    if (!settings?.enabled || !isSlotOf(settings.schedule, slot)) {
      world.logger.debug({ channelKey: key, slotKey }, 'daily slot no longer matches the channel settings; skipped');
      return undefined;
    }
    return settings;
  }

  async function finish(settings: DailyChannelSettings, slotKey: string, done: SlotDone): Promise<boolean> {
    const first = await world.store.setIfAbsent(postedSlotKey(settings.channel, slotKey), done, MARKER_TTL_MS);
    await advanceMark(settings, slotKey);
    return first;
  }

  /**
   * Moves the channel's last-slot mark over every slot that is done, and stops at the first that is not.
   * A restart resumes after the mark, so a slot still waiting out its back-off when every process stops
   * must stay after it even when a later slot was posted meanwhile; otherwise it is neither posted nor
   * reported. Two processes finishing neighbouring slots each write their marker before reading the
   * other's, so at least one of them sees both and moves the mark past both.
   */
  async function advanceMark(settings: DailyChannelSettings, finished: string): Promise<void> {
    const { channel, schedule } = settings;
    const markKey = await readLastSlot(world.store, channel);
    let mark = markKey === undefined ? undefined : slotForKey(schedule, markKey);
    if (!mark) {
      // No mark to walk from (not written by configure): the runner starts from the grace anyway.
      await advanceLastSlot(world.store, channel, finished);
      return;
    }
    const now = world.clock.now();
    let reached: string | undefined;
    for (let step = 0; step < MAX_MARK_STEPS; step++) {
      const next = nextRun(schedule, mark);
      if (next > now) break;
      const key = keyOfSlot(schedule, next);
      if ((await world.store.get<SlotDone>(postedSlotKey(channel, key))) === undefined) break;
      mark = next;
      reached = key;
    }
    if (reached !== undefined) await advanceLastSlot(world.store, channel, reached);
  }

  async function onSlot(key: string, slotKey: string, slot: Date): Promise<SlotOutcome> {
    let settings: DailyChannelSettings | undefined;
    try {
      settings = await current(key, slotKey, slot);
      if (!settings) return 'done';
      const { channel } = settings;
      if ((await world.store.get<SlotDone>(postedSlotKey(channel, slotKey))) !== undefined) return 'done';
      // A value of our own, so only we can renew it; the random part tells two processes' leases apart.
      const lease: SlotLease = { holder: String(world.random.next()), at: world.clock.now().toISOString() };
      const leased = await world.store.setIfAbsent(slotLeaseKey(channel, slotKey), lease, leaseMs);
      if (!leased) {
        world.logger.debug({ channel, slotKey }, 'daily slot is being posted by another process; will look again');
        return 'retry';
      }
      // Another process may have finished the slot, and its lease lapsed, between our look and our lease.
      if ((await world.store.get<SlotDone>(postedSlotKey(channel, slotKey))) !== undefined) return 'done';
      const renewing = keepLease(slotLeaseKey(channel, slotKey), lease);
      try {
        return await post(key, settings, slotKey, slot, lease);
      } finally {
        renewing.stop();
      }
    } catch (err) {
      // The store itself failed (Redis restarting): nothing was decided, so the slot stays owed.
      world.logger.error({ err, channelKey: key, slotKey }, 'daily slot could not be handled; will retry');
      return 'retry';
    }
  }

  /**
   * Renews the lease every third of its length while the post is under way, so a slow post (a client
   * waiting out 429s) is not taken over by another process; only a dead or frozen holder loses it.
   */
  function keepLease(leaseKey: string, lease: SlotLease): { stop(): void } {
    let timer: { cancel(): void } | undefined;
    let stopped = false;
    const schedule = (): void => {
      timer = world.timers.after(leaseMs / 3, async () => {
        if (stopped) return;
        try {
          if (!(await world.store.renew(leaseKey, lease, leaseMs))) {
            world.logger.warn({ leaseKey }, 'lost the lease of a daily slot while posting it (this process stalled longer than the lease)');
            return;
          }
        } catch (err) {
          world.logger.warn({ err, leaseKey }, 'could not renew the lease of a daily slot; will try again');
        }
        if (!stopped) schedule();
      });
    };
    schedule();
    return {
      stop: () => {
        stopped = true;
        timer?.cancel();
      },
    };
  }

  async function post(key: string, settings: DailyChannelSettings, slotKey: string, slot: Date, lease: SlotLease): Promise<SlotOutcome> {
    const { channel } = settings;
    const attemptKey = slotAttemptKey(channel, slotKey);
    const postId = makePostId(key, 'slot', slotKey);
    const earlier = await world.store.get<SlotAttempt>(attemptKey);
    const attempt: SlotAttempt = { postId, attempts: (earlier?.attempts ?? 0) + 1, ...(earlier?.questionId ? { questionId: earlier.questionId } : {}) };
    if (earlier) world.logger.warn({ channel, slotKey, attempt: attempt.attempts, questionId: earlier.questionId }, 'taking over a daily slot an earlier attempt did not finish');
    try {
      const posted = await publishPost(ctx, postSettingsOf(settings), postId, slotKey, {
        ...(earlier?.questionId ? { retake: earlier.questionId, earlierAttempt: true } : {}),
        onChosen: (questionId) => world.store.set(attemptKey, { ...attempt, questionId }, MARKER_TTL_MS),
      });
      await finish(settings, slotKey, { postId, messageId: posted.messageId, at: world.clock.now().toISOString() });
      onPosted(posted);
      return 'done';
    } catch (err) {
      if (isUserError(err) || isPlatformRefusal(err)) {
        // Nothing in the bank fits, or the platform refuses the bot: retrying cannot help until an admin acts.
        const at = world.clock.now().toISOString();
        const done: SlotDone = isUserError(err) ? { nothingToPost: true, at } : { failed: true, at, reason: err.message };
        if (await finish(settings, slotKey, done)) await reportFailure(ctx, settings, slotKey, slot, err);
        return 'done';
      }
      const reason = err instanceof Error ? err.message : String(err);
      world.logger.warn({ err, channel, slotKey, attempt: attempt.attempts }, 'daily post failed; will retry');
      await world.store.update<SlotAttempt>(attemptKey, (a) => ({ ...(a ?? attempt), lastError: reason })).catch(() => undefined);
      // Give the slot back at once rather than when the lease runs out, so the retry need not wait for it;
      // only our own lease, in case this process stalled past it and another has taken the slot.
      await world.store.release(slotLeaseKey(channel, slotKey), lease).catch(() => false);
      return 'retry';
    }
  }

  async function onMissed(key: string, slotKey: string, slot: Date): Promise<SlotOutcome> {
    const settings = await current(key, slotKey, slot);
    if (!settings) return 'done';
    const { channel } = settings;
    const attempt = await world.store.get<SlotAttempt>(slotAttemptKey(channel, slotKey));
    const at = world.clock.now().toISOString();
    if (attempt?.lastError !== undefined) {
      // Tried within the grace and failed every time: tell the admin once why, not that the bot was off.
      if (await finish(settings, slotKey, { failed: true, at, reason: attempt.lastError })) await reportFailure(ctx, settings, slotKey, slot, new Error(attempt.lastError));
      return 'done';
    }
    // The same marker as a post, so a slot is either posted or missed, and recorded once.
    if (!(await finish(settings, slotKey, { missed: true, at }))) return 'done';
    world.logger.warn({ channel, slotKey, slot: slot.toISOString() }, 'daily slot missed: the bot was not running within the catch-up window');
    await addProblem(world.store, channel, { kind: 'missed', slotKey, at, message: `The ${formatLocal(slot, settings.schedule.timezone)} question was skipped: the bot was not running then.` });
    return 'done';
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
