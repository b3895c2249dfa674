import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/store.js';
import { field } from './payloads.js';

/** Slack retries an event three times within about five minutes; an hour covers that with room. */
const REMEMBER_MS = 60 * 60_000;

/**
 * Slack redelivers: Events API retries (`x-slack-retry-num`, Socket Mode `retry_attempt`) carry the
 * same event_id, and a Socket Mode envelope that was not acked in time comes again with the same
 * trigger_id. The first delivery takes a set-if-absent marker in the store (shared by every process);
 * any later one is acked and dropped. If handling fails the marker is removed, so a retry can succeed.
 * Two real presses of one button have different trigger_ids and both pass: the core's idempotent
 * grades answer the second with "Already recorded".
 */
export function dropRedeliveries(store: Store, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body: unknown = args.body;
    const id = field(body, 'event_id') ?? field(body, 'trigger_id');
    if (!id) return args.next();
    const team = args.context.teamId ?? args.context.enterpriseId ?? 'unknown';
    const key = `slack:seen:${team}:${id}`;
    let first: boolean;
    try {
      first = await store.setIfAbsent(key, true, REMEMBER_MS);
    } catch (err) {
      // Store down: let it through rather than leave Slack unanswered; grades and reveals are idempotent.
      logger.warn({ err, team, id }, 'could not check for a Slack redelivery (store unreachable); handling it');
      return args.next();
    }
    if (!first) {
      logger.info({ team, id, retryNum: args.context.retryNum, retryReason: args.context.retryReason }, 'dropped a Slack redelivery');
      if ('ack' in args && typeof args.ack === 'function') await args.ack();
      return;
    }
    try {
      await args.next();
    } catch (err) {
      await store.delete(key).catch(() => undefined);
      throw err;
    }
  };
}
