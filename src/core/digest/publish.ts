import type { ChannelRef } from '../refs.js';
import type { ReplyBlock } from '../reply.js';
import { digestContent } from './content.js';
import { digestReply } from './replies.js';
import type { DigestContext } from './service.js';
import { saveDigestPost } from './store.js';
import type { DigestContent, DigestPost } from './types.js';

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
  const image = await boardImage(ctx, channel, content);
  const reply = digestReply(content, postId, channel.platform, image);
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

/** The week's people board as a picture, when images are wired in and the week has rows. */
async function boardImage(ctx: DigestContext, channel: ChannelRef, content: DigestContent): Promise<ReplyBlock | undefined> {
  if (!ctx.images || content.people.length === 0) return undefined;
  try {
    const rows = content.people.map(({ rank, id, name, points }) => ({ rank, id, name, points }));
    return await ctx.images.board(channel, `People · ${content.weekLabel}`, rows);
  } catch (err) {
    ctx.world.logger.warn({ err, channel }, 'digest: the board image could not be made; posting the text alone');
    return undefined;
  }
}
