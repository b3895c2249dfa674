import { channelKey } from '../refs.js';
import type { DailyContext } from './service.js';
import { revealDue } from './public-reveals.js';
import { readIndex } from './store.js';
import type { DailyPost } from './types.js';

export interface RevealTimers {
  /** Arms a timer for a post's public reveal (no-op when stopped or already armed). */
  armFor(post: Pick<DailyPost, 'postId' | 'channel' | 'publicRevealAt'>): void;
  /** Reveals whatever is due in any channel and arms timers for what is still ahead. Never rejects. */
  revealAllDue(): Promise<void>;
  start(): void;
  stop(): void;
}

/**
 * Public reveals at a time. The pending list in the store is the record; timers only make a reveal land
 * on time between two wakes, and every wake checks the list again, so a lost timer costs nothing.
 */
export function createRevealTimers(ctx: DailyContext): RevealTimers {
  const { world } = ctx;
  const armed = new Map<string, { cancel(): void }>();
  let running = false;

  function arm(key: string, postId: string, at: Date): void {
    if (!running || armed.has(postId)) return;
    const handle = world.timers.after(at.getTime() - world.clock.now().getTime(), async () => {
      armed.delete(postId);
      try {
        await revealDue(ctx, key);
      } catch (err) {
        world.logger.error({ err, postId }, 'public daily reveal failed; the next wake retries');
      }
    });
    armed.set(postId, handle);
  }

  return {
    armFor(post) {
      if (post.publicRevealAt !== undefined) arm(channelKey(post.channel), post.postId, new Date(post.publicRevealAt));
    },
    async revealAllDue() {
      try {
        const index = await readIndex(world.store);
        for (const key of Object.keys(index.channels)) {
          for (const ahead of await revealDue(ctx, key)) arm(key, ahead.postId, new Date(ahead.at));
        }
      } catch (err) {
        world.logger.error({ err }, 'could not check due public reveals; the next wake retries');
      }
    },
    start() {
      running = true;
    },
    stop() {
      running = false;
      for (const handle of armed.values()) handle.cancel();
      armed.clear();
    },
  };
}
