import { isPlatformRefusal } from '../platform.js';
import { channelKey } from '../refs.js';
import { textReply } from '../reply.js';
import { makePostId, formatLocal } from '../daily/format.js';
import { channelSlotJob } from '../slots/channel-schedules.js';
import { type SlotHandlers, createSlotClaims } from '../slots/claim.js';
import { publishDigest } from './publish.js';
import type { DigestContext } from './service.js';
import { digestSettingsStore } from './schedules.js';
import { addDigestProblem } from './store.js';
import type { DigestSettings } from './types.js';

/** The digest as a slot job: what to post and whom to tell; exactly-once is the claim's (slots/claim.ts). */
export function createDigestSlots(ctx: DigestContext): SlotHandlers {
  const { world, platform } = ctx;

  async function report(settings: DigestSettings, slotKey: string, message: string, kind: 'post-failed' | 'missed'): Promise<void> {
    await addDigestProblem(world.store, settings.channel, { kind, slotKey, at: world.clock.now().toISOString(), message });
  }

  return createSlotClaims<DigestSettings, { messageId: string }>(world, ctx.config.slotLeaseMs, {
    ...channelSlotJob(world, digestSettingsStore(world.store)),
    postId: (id, slotKey) => makePostId(id, 'digest', slotKey),
    run: (s, slotKey, slot, attempt) => publishDigest(ctx, s.channel, s.schedule.timezone, slot, attempt.postId, slotKey, attempt.earlier ? { earlierAttempt: true } : {}),
    finalFailure: (err, at) => (isPlatformRefusal(err) ? { failed: true, at, reason: err.message } : undefined),
    async reportFailure(settings, slotKey, slot, err) {
      const reason = err instanceof Error ? err.message : String(err);
      const when = formatLocal(slot, settings.schedule.timezone);
      world.logger.error({ err, channel: settings.channel, slotKey, setBy: settings.setBy.userId }, 'digest post failed');
      await report(settings, slotKey, `The digest for ${when} was not posted: ${reason}`, 'post-failed');
      try {
        await platform.sendPrivate(
          settings.channel,
          settings.setBy,
          textReply(`I could not post the weekly digest for ${when} in this channel: ${reason}. I will try again next week.`, { ephemeral: true }),
        );
      } catch (reportErr) {
        world.logger.error({ err: reportErr, channel: channelKey(settings.channel), slotKey }, 'could not tell the admin that a digest post failed');
      }
    },
    reportMissed: (settings, slotKey, slot) =>
      report(settings, slotKey, `The digest for ${formatLocal(slot, settings.schedule.timezone)} was skipped: the bot was not running then.`, 'missed'),
  });
}
