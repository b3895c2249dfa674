import { type Schedule, type SlotOutcome, nextRun, slotForKey, slotKey as keyOfSlot } from '../../scheduler/index.js';
import type { World } from '../world.js';

/** Slot markers only need to outlive the catch-up window; the last-slot record covers anything older. */
export const MARKER_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** Bounds one walk of the last-slot mark; a longer run of done slots is finished by the next slot's walk. */
const MAX_MARK_STEPS = 1000;

export interface SlotHandlers {
  onSlot(id: string, slotKey: string, slot: Date): Promise<SlotOutcome>;
  onMissed(id: string, slotKey: string, slot: Date): Promise<SlotOutcome>;
}

/**
 * What is known of a slot that was tried and not finished: by whom, how often, why it stopped, plus
 * whatever the job remembered before sending (the daily question keeps its `questionId`).
 */
export type SlotAttempt = { postId: string; attempts: number; lastError?: string } & Record<string, string | number | undefined>;

/** Who holds a slot now. */
interface SlotLease {
  holder: string;
  at: string;
}

/** Why a slot ended; written once, and every process leaves a slot that has one alone. */
export type SlotDone =
  | { postId: string; messageId: string; at: string }
  | { missed: true; at: string }
  | { nothingToPost: true; at: string }
  | { failed: true; at: string; reason: string };

/** The store keys of one slot of one channel. */
export interface SlotKeys {
  /** The done marker (`SlotDone`). */
  done: string;
  /** Set-if-absent with expiry: the one process working on the slot now. */
  lease: string;
  /** `SlotAttempt` of an unfinished slot. */
  attempt: string;
}

/** What an attempt knows when it starts, and how it records what a take-over must reuse. */
export interface AttemptContext {
  postId: string;
  /** What an earlier, unfinished attempt remembered (absent on a first attempt). */
  earlier: SlotAttempt | undefined;
  /** Stored before anything is sent, so a take-over after a crash can do the same again. */
  remember(memo: Record<string, string>): Promise<void>;
}

/**
 * One kind of scheduled channel post (the daily question, the weekly digest): what is specific to it.
 * Everything about exactly-once (lease, done marker, last-slot mark, retries, missed slots) is the
 * claim's business.
 */
export interface SlotJob<S, R extends { messageId: string } = { messageId: string }> {
  /** `daily`, `digest`: the first word of log lines. */
  label: string;
  /** The channel's settings when this is still one of its slots, or undefined to skip it. */
  current(id: string, slotKey: string, slot: Date): Promise<S | undefined>;
  keys(settings: S, slotKey: string): SlotKeys;
  schedule(settings: S): Schedule;
  readMark(settings: S): Promise<string | undefined>;
  /** Moves the "every slot up to here is done" mark forward, never back. */
  advanceMark(settings: S, slotKey: string): Promise<void>;
  /** A pure function of (channel, slot), so every process and retry agrees on it. */
  postId(id: string, slotKey: string): string;
  /** Does the slot's work; the platform post carries `postId` as its idempotency key. */
  run(settings: S, slotKey: string, slot: Date, attempt: AttemptContext): Promise<R>;
  /** After the slot is marked done: follow-up work on what was posted (arming a timed reveal). */
  posted?(result: R): void;
  /**
   * A failure that retrying cannot fix (nothing to post, the platform refuses the bot): the slot ends
   * with this marker at once. Undefined means the failure is worth retrying within the grace.
   */
  finalFailure(err: unknown, at: string): SlotDone | undefined;
  /** Told once per slot, by the process whose marker ended it, that it failed for good. */
  reportFailure(settings: S, slotKey: string, slot: Date, err: unknown): Promise<void>;
  /** Told once per slot that it was missed: the bot was not running within the catch-up window. */
  reportMissed(settings: S, slotKey: string, slot: Date, at: string): Promise<void>;
}

/**
 * What the schedule runner calls, in every process that watches the channel. Exactly one post per
 * slot across processes and crashes:
 * - a lease (set-if-absent with expiry) picks the one process that posts now; the others answer
 *   'retry' and look again later, when the slot is either done or its lease has run out because the
 *   holder died;
 * - what the job chose is remembered before sending, and the post carries the slot's postId as its
 *   idempotency key, so a take-over posts the same thing and, on Discord, a create that did go
 *   through before the crash is answered with that same message instead of a second one;
 * - the done marker is written only after the post is recorded; until then the slot is not done.
 * A post that fails (platform 5xx/429 beyond the client's own retries, store down) gives the lease
 * back and is retried with back-off until the catch-up grace runs out; then it is reported once.
 */
export function createSlotClaims<S, R extends { messageId: string }>(world: World, leaseMs: number, job: SlotJob<S, R>): SlotHandlers {
  const { label } = job;

  async function finish(settings: S, slotKey: string, done: SlotDone): Promise<boolean> {
    const first = await world.store.setIfAbsent(job.keys(settings, slotKey).done, done, MARKER_TTL_MS);
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
  async function advanceMark(settings: S, finished: string): Promise<void> {
    const schedule = job.schedule(settings);
    const markKey = await job.readMark(settings);
    let mark = markKey === undefined ? undefined : slotForKey(schedule, markKey);
    if (!mark) {
      // No mark to walk from (not written by configure): the runner starts from the grace anyway.
      await job.advanceMark(settings, finished);
      return;
    }
    const now = world.clock.now();
    let reached: string | undefined;
    for (let step = 0; step < MAX_MARK_STEPS; step++) {
      const next = nextRun(schedule, mark);
      if (next > now) break;
      const key = keyOfSlot(schedule, next);
      if ((await world.store.get<SlotDone>(job.keys(settings, key).done)) === undefined) break;
      mark = next;
      reached = key;
    }
    if (reached !== undefined) await job.advanceMark(settings, reached);
  }

  async function onSlot(id: string, slotKey: string, slot: Date): Promise<SlotOutcome> {
    try {
      const settings = await job.current(id, slotKey, slot);
      if (!settings) return 'done';
      const keys = job.keys(settings, slotKey);
      if ((await world.store.get<SlotDone>(keys.done)) !== undefined) return 'done';
      // A value of our own, so only we can renew it; the random part tells two processes' leases apart.
      const lease: SlotLease = { holder: String(world.random.next()), at: world.clock.now().toISOString() };
      if (!(await world.store.setIfAbsent(keys.lease, lease, leaseMs))) {
        world.logger.debug({ id, slotKey }, `${label} slot is being posted by another process; will look again`);
        return 'retry';
      }
      // Another process may have finished the slot, and its lease lapsed, between our look and our lease.
      if ((await world.store.get<SlotDone>(keys.done)) !== undefined) return 'done';
      const renewing = keepLease(keys.lease, lease);
      try {
        return await post(id, settings, slotKey, slot, keys, lease);
      } finally {
        renewing.stop();
      }
    } catch (err) {
      // The store itself failed (Redis restarting): nothing was decided, so the slot stays owed.
      world.logger.error({ err, channelKey: id, slotKey }, `${label} slot could not be handled; will retry`);
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
            world.logger.warn({ leaseKey }, `lost the lease of a ${label} slot while posting it (this process stalled longer than the lease)`);
            return;
          }
        } catch (err) {
          world.logger.warn({ err, leaseKey }, `could not renew the lease of a ${label} slot; will try again`);
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

  async function post(id: string, settings: S, slotKey: string, slot: Date, keys: SlotKeys, lease: SlotLease): Promise<SlotOutcome> {
    const postId = job.postId(id, slotKey);
    const earlier = await world.store.get<SlotAttempt>(keys.attempt);
    const { lastError: _dropped, ...kept } = earlier ?? {};
    const attempt: SlotAttempt = { ...kept, postId, attempts: (earlier?.attempts ?? 0) + 1 };
    if (earlier) world.logger.warn({ id, slotKey, attempt: attempt.attempts, ...memoOf(earlier) }, `taking over a ${label} slot an earlier attempt did not finish`);
    try {
      const result = await job.run(settings, slotKey, slot, {
        postId,
        earlier,
        remember: (memo) => world.store.set(keys.attempt, { ...attempt, ...memo }, MARKER_TTL_MS),
      });
      await finish(settings, slotKey, { postId, messageId: result.messageId, at: world.clock.now().toISOString() });
      job.posted?.(result);
      return 'done';
    } catch (err) {
      const final = job.finalFailure(err, world.clock.now().toISOString());
      if (final) {
        if (await finish(settings, slotKey, final)) await job.reportFailure(settings, slotKey, slot, err);
        return 'done';
      }
      const reason = err instanceof Error ? err.message : String(err);
      world.logger.warn({ err, id, slotKey, attempt: attempt.attempts }, `${label} post failed; will retry`);
      await world.store.update<SlotAttempt>(keys.attempt, (a) => ({ ...(a ?? attempt), lastError: reason })).catch(() => undefined);
      // Give the slot back at once rather than when the lease runs out, so the retry need not wait for it;
      // only our own lease, in case this process stalled past it and another has taken the slot.
      await world.store.release(keys.lease, lease).catch(() => false);
      return 'retry';
    }
  }

  async function onMissed(id: string, slotKey: string, slot: Date): Promise<SlotOutcome> {
    const settings = await job.current(id, slotKey, slot);
    if (!settings) return 'done';
    const keys = job.keys(settings, slotKey);
    const attempt = await world.store.get<SlotAttempt>(keys.attempt);
    const at = world.clock.now().toISOString();
    if (attempt?.lastError !== undefined) {
      // Tried within the grace and failed every time: tell the admin once why, not that the bot was off.
      if (await finish(settings, slotKey, { failed: true, at, reason: attempt.lastError })) await job.reportFailure(settings, slotKey, slot, new Error(attempt.lastError));
      return 'done';
    }
    // The same marker as a post, so a slot is either posted or missed, and recorded once.
    if (!(await finish(settings, slotKey, { missed: true, at }))) return 'done';
    world.logger.warn({ id, slotKey, slot: slot.toISOString() }, `${label} slot missed: the bot was not running within the catch-up window`);
    await job.reportMissed(settings, slotKey, slot, at);
    return 'done';
  }

  return { onSlot, onMissed };
}

/** What a job remembered, for the take-over log line. */
function memoOf(attempt: SlotAttempt): Record<string, unknown> {
  const { postId: _p, attempts: _a, lastError: _e, ...memo } = attempt;
  return memo;
}

/** True when `slot` is one of the schedule's own instants. */
export function isSlotOf(schedule: Schedule, slot: Date): boolean {
  try {
    return nextRun(schedule, new Date(slot.getTime() - 1)).getTime() === slot.getTime();
  } catch {
    return false;
  }
}
