import { settledWithin } from '../../shared/timeout.js';

/** How one platform answers in its window: at once, or with a placeholder first and the answer after. */
export interface ReplyPaths<T, R> {
  /** The answer was ready in time: send it as the platform's own reply (one round trip). */
  ready(value: T): Promise<R>;
  /** It was not: hold the platform's window open (Discord's deferral, Slack's ack with a note). */
  defer(): Promise<void>;
  /** Called after defer() once the answer is there: edit the placeholder or send it by another route. */
  late(value: T): Promise<R>;
}

/**
 * Every chat platform gives a command or a button press a few seconds to be answered. Nearly all work
 * is done well within that, and the answer goes out as the reply itself; work still running after
 * `deferAfterMs` (0: at once) is deferred first and answered when done. The work is never cut short.
 */
export async function replyOrDefer<T, R>(work: Promise<T>, deferAfterMs: number, paths: ReplyPaths<T, R>): Promise<R> {
  const early = await settledWithin(work, deferAfterMs);
  if (early) return paths.ready(early.value);
  await paths.defer();
  return paths.late(await work);
}
