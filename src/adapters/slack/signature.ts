import type { IncomingHttpHeaders } from 'node:http';
import { verifySlackRequest } from '@slack/bolt';

/** Slack's own rule: a request stamped more than five minutes from now, either way, is refused. */
export const MAX_CLOCK_SKEW_SEC = 5 * 60;

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Slack's v0 signature over `v0:<timestamp>:<body>`, with the timestamp within five minutes of `nowMs`
 * in either direction. Bolt's own check only refuses stamps in the past, and reads the system clock;
 * this one takes the time as a parameter and refuses a stamp from the future too, so a captured request
 * cannot be replayed later and a pre-signed one cannot be held back for later.
 */
export function checkSignature(headers: IncomingHttpHeaders, body: string, signingSecret: string, nowMs: number): Verdict {
  const signature = headers['x-slack-signature'];
  const stamp = headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof stamp !== 'string') return { ok: false, reason: 'no signature or timestamp' };
  if (!/^\d{1,12}$/.test(stamp)) return { ok: false, reason: 'the timestamp is not a number of seconds' };
  const skew = Number(stamp) - Math.floor(nowMs / 1000);
  if (Math.abs(skew) > MAX_CLOCK_SKEW_SEC) return { ok: false, reason: `the timestamp is ${Math.abs(skew)} s in the ${skew > 0 ? 'future' : 'past'}` };
  try {
    verifySlackRequest({ signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': Number(stamp) }, nowMilliseconds: nowMs });
    return { ok: true };
  } catch {
    return { ok: false, reason: 'the signature does not match' };
  }
}
