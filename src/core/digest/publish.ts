import type { ChannelRef } from '../refs.js';
import { digestContent } from './content.js';
import { boardImage } from './image.js';
import { digestReply } from './replies.js';
import type { DigestContext } from './service.js';
import { saveDigestPost } from './store.js';
import type { DigestPost } from './types.js';

/**
 * Builds the digest of the week that ended at `at` (in `timeZone`), posts it with `postId` as its
 * idempotency key, and records it. `at` is the slot, not the moment of posting, so a digest posted
 * late within the catch-up grace still reports the week it was for.
 */
export async function publishDigest(
  ctx: DigestContext,
  channel: ChannelRef,
  timeZone: string,
  at: Date,
  postId: string,
  slotKey: string | null,
  opts: { earlierAttempt?: boolean } = {},
): Promise<DigestPost> {
  const { world, platform } = ctx;
  const content = await digestContent(ctx, channel, at, timeZone);
  const image = await boardImage(ctx, channel, `People · ${content.weekLabel}`, content.people, `digest-${content.weekId}.png`);
  const reply = digestReply(content, postId, platform.capabilities(channel), image);
  const { messageId } = await platform.post(channel, reply, { idempotencyKey: postId, ...(opts.earlierAttempt ? { earlierAttempt: true } : {}) });
  const post: DigestPost = {
    postId,
    channel,
    messageId,
    weekId: content.weekId,
    questionId: content.mostMissed?.questionId ?? null,
    postedAt: world.clock.now().toISOString(),
    slotKey,
  };
  await saveDigestPost(world.store, post);
  world.logger.info({ channel, postId, weekId: content.weekId, slotKey }, 'digest posted');
  return post;
}
