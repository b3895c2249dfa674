import type { Store } from '../../store/store.js';
import type { ChannelRef } from '../refs.js';
import { pendingRevealsKey } from './keys.js';
import type { DailyContext } from './service.js';
import { loadPost } from './store.js';
import { revealIfDue } from './reveal.js';
import type { DailyPost } from './types.js';

/** A post waiting for its `public-at HH:MM` reveal. Kept in the store so a restart still reveals it. */
export interface PendingReveal {
  postId: string;
  channel: ChannelRef;
  /** ISO instant. */
  at: string;
}

export async function addPendingReveal(store: Store, post: DailyPost): Promise<void> {
  const at = post.publicRevealAt;
  if (at === undefined) return;
  await store.update<PendingReveal[]>(pendingRevealsKey(post.channel), (list = []) =>
    list.some((p) => p.postId === post.postId) ? list : [...list, { postId: post.postId, channel: post.channel, at }],
  );
}

/**
 * Reveals every due post of a channel and forgets them. Returns the reveals still ahead, so the caller
 * can arm timers for them; the timers only hurry things up, since every wake calls this again.
 */
export async function revealDue(ctx: DailyContext, channelKey: string): Promise<PendingReveal[]> {
  const { store, clock, logger } = ctx.world;
  const pending = (await store.get<PendingReveal[]>(pendingRevealsKey(channelKey))) ?? [];
  const now = clock.now();
  const done = new Set<string>();
  for (const entry of pending) {
    if (new Date(entry.at) > now) continue;
    try {
      const post = await loadPost(store, entry.channel, entry.postId);
      if (!post || (await revealIfDue(ctx, post)) !== 'not-due') done.add(entry.postId);
    } catch (err) {
      logger.error({ err, channel: entry.channel, postId: entry.postId }, 'public daily reveal failed; the next wake retries');
    }
  }
  if (done.size > 0) {
    await store.update<PendingReveal[]>(pendingRevealsKey(channelKey), (list = []) => list.filter((p) => !done.has(p.postId)));
  }
  return pending.filter((p) => !done.has(p.postId) && new Date(p.at) > now);
}
