import { setTimeout as sleep } from 'node:timers/promises';
import { webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { describeError } from './describe-error.js';

/** Waits between start-up attempts while Slack cannot be reached: doubling from `firstMs`, capped at `maxMs`. */
export interface StartRetry {
  firstMs: number;
  maxMs: number;
}

export const DEFAULT_START_RETRY: StartRetry = { firstMs: 2_000, maxMs: 60_000 };

const SLACK_API = 'https://slack.com/api/';

/**
 * Runs Bolt's start-up `auth.test` until Slack answers. An answer that refuses the token (`invalid_auth`,
 * `token_revoked`, …) ends start-up at once with the setting to fix; no answer at all (connection
 * refused, DNS, a timeout, a 5xx or a rate limit that outlasted the client's own retries) is Slack or
 * the network being down, which waiting fixes: said as such, with the URL and the cause, and tried
 * again with back-off for as long as it takes.
 */
export async function initWhenReachable(init: () => Promise<void>, opts: { apiUrl: string | null; logger: Logger; retry: StartRetry }): Promise<void> {
  const url = opts.apiUrl ?? SLACK_API;
  let delay = opts.retry.firstMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await init();
      if (attempt > 1) opts.logger.info({ url, attempts: attempt }, 'Slack is reachable again; starting');
      return;
    } catch (err) {
      const cause = unreachableCause(err);
      if (cause === null) throw new Error(`Slack refused SLACK_BOT_TOKEN at start (auth.test: ${slackReason(err)})`, { cause: err });
      opts.logger.warn({ url, cause, attempt, retryInMs: delay }, `Slack is unreachable at ${url} (${cause}); trying again in ${Math.ceil(delay / 1000)} s`);
      await sleep(delay);
      delay = Math.min(delay * 2, opts.retry.maxMs);
    }
  }
}

/** Why Slack gave no answer about the token, or null when it did answer (and refused it). */
function unreachableCause(err: unknown): string | null {
  if (!(err instanceof Error) || !('code' in err)) return null;
  switch (err.code) {
    case webApi.ErrorCode.RequestError:
      return networkCode('original' in err ? err.original : undefined) ?? err.message;
    case webApi.ErrorCode.HTTPError: {
      const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : 0;
      return status >= 500 ? `HTTP ${status}` : null;
    }
    case webApi.ErrorCode.RateLimitedError:
      return 'rate limited';
    default:
      return null;
  }
}

/** The system's word for it (ECONNREFUSED, ENOTFOUND, ETIMEDOUT), found down the chain of causes fetch wraps it in. */
function networkCode(err: unknown, depth = 0): string | undefined {
  if (!(err instanceof Error) || depth > 5) return undefined;
  if ('code' in err && typeof err.code === 'string' && /^E[A-Z_]+$/.test(err.code)) return err.code;
  return networkCode(err.cause, depth + 1) ?? (depth === 0 ? err.message : undefined);
}

function slackReason(err: unknown): string {
  const d = describeError(err);
  return String(d['slackError'] ?? d['code'] ?? d['message']);
}
