import { type PlatformPort, isPlatformRefusal } from '../platform.js';
import { type SlotHandlers, createSlotClaims, isSlotOf } from '../slots/claim.js';
import type { World } from '../world.js';
import { nudgeReply } from './remind-replies.js';
import { type ReminderSettings, advanceMark, loadReminder, personKey, readMark, reminderKeys } from './remind-store.js';
import type { PracticeService } from './service.js';

/** Nothing is due at the reminder's time: the slot ends quietly, with nothing sent. */
class NothingDue extends Error {
  override readonly name = 'NothingDue';
}

export interface ReminderSlotDeps {
  world: World;
  platform: PlatformPort;
  practice: Pick<PracticeService, 'dueSummary'>;
  leaseMs: number;
}

/**
 * A practice reminder as a slot job over the shared claims (slots/claim.ts), the machinery the daily
 * question uses: a lease picks the one process that sends, and the done marker makes every other
 * process, and every retry, leave the slot alone. The nudge is private and carries no platform
 * idempotency key, so only a process dying between sending and writing the marker can send twice.
 */
export function createReminderSlots(deps: ReminderSlotDeps): SlotHandlers {
  const { world, platform, practice } = deps;
  return createSlotClaims<ReminderSettings, { messageId: string }>(world, deps.leaseMs, {
    label: 'practice reminder',
    async current(person, slotKey, slot) {
      const settings = await loadReminder(world.store, person);
      // Turned off or moved through another process since this runner last synced.
      if (!settings || !isSlotOf(settings.schedule, slot)) {
        world.logger.debug({ person, slotKey }, 'practice reminder slot no longer matches the settings; skipped');
        return undefined;
      }
      return settings;
    },
    keys: (s, slotKey) => {
      const person = personOf(s);
      return { done: reminderKeys.done(person, slotKey), lease: reminderKeys.lease(person, slotKey), attempt: reminderKeys.attempt(person, slotKey) };
    },
    schedule: (s) => s.schedule,
    readMark: (s) => readMark(world.store, personOf(s)),
    advanceMark: (s, slotKey) => advanceMark(world.store, personOf(s), slotKey),
    postId: (person, slotKey) => `remind:${person}:${slotKey}`,
    async run(settings, _slotKey, _slot, attempt) {
      // Counted at send time, not at the slot: a take-over a minute late sees what is due now.
      const summary = await practice.dueSummary(settings.user, world.clock.now());
      if (summary.due === 0) throw new NothingDue();
      await platform.sendPrivate(settings.channel, settings.user, nudgeReply(summary));
      return { messageId: attempt.postId };
    },
    finalFailure(err, at) {
      if (err instanceof NothingDue) return { nothingToPost: true, at };
      // The person closed their DMs or left: retrying all morning cannot help.
      if (isPlatformRefusal(err)) return { failed: true, at, reason: err.message };
      return undefined;
    },
    async reportFailure(settings, slotKey, _slot, err) {
      if (err instanceof NothingDue) return;
      world.logger.warn({ err, user: settings.user.userId, channel: settings.channel, slotKey }, 'practice reminder could not be sent');
    },
    // A nudge hours late is noise, not help: a missed one is only logged (by the claims).
    reportMissed: async () => undefined,
  });
}

const personOf = (s: ReminderSettings): string => personKey(s.user);
