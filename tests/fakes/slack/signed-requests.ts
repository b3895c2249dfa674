import { createHmac } from 'node:crypto';

export const FAKE_SIGNING_SECRET = 'fake-signing-secret-never-log-me';

/** Slack's v0 request signature: HMAC-SHA256 over `v0:<timestamp>:<body>`, hex, prefixed `v0=`. */
export function slackSignature(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

export interface SentRequest {
  status: number;
  text: string;
  /** Milliseconds from sending to the whole answer read. */
  ms: number;
  json(): unknown;
}

export interface SendOptions {
  /** Seconds since the epoch to sign with; the sender's now when unset. */
  timestampSec?: number;
  /** Replaces the computed signature (a forged or broken one). */
  signature?: string;
  /** Events API retries: `x-slack-retry-num` and `x-slack-retry-reason`. */
  retryNum?: number;
  retryReason?: string;
}

/**
 * Sends requests to the app the way Slack does: slash commands form-encoded, events as JSON,
 * interactivity as a form with one `payload=` field; every one signed with the signing secret.
 */
export class SlackSender {
  constructor(
    readonly url: string,
    private readonly secret: string = FAKE_SIGNING_SECRET,
    /** Slack's clock, in milliseconds: the app's own clock in tests that move time. */
    private readonly now: () => number = Date.now,
  ) {}

  command(fields: Record<string, string>, opts: SendOptions = {}): Promise<SentRequest> {
    return this.raw(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', opts);
  }

  event(body: Record<string, unknown>, opts: SendOptions = {}): Promise<SentRequest> {
    return this.raw(JSON.stringify(body), 'application/json', opts);
  }

  action(payload: Record<string, unknown>, opts: SendOptions = {}): Promise<SentRequest> {
    return this.raw(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', opts);
  }

  async raw(body: string, contentType: string, opts: SendOptions = {}): Promise<SentRequest> {
    const timestampSec = opts.timestampSec ?? Math.floor(this.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestampSec),
      'x-slack-signature': opts.signature ?? slackSignature(this.secret, timestampSec, body),
    };
    if (opts.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(opts.retryNum);
      headers['x-slack-retry-reason'] = opts.retryReason ?? 'http_timeout';
    }
    const started = performance.now();
    const res = await fetch(this.url, { method: 'POST', headers, body });
    const text = await res.text();
    const ms = performance.now() - started;
    return { status: res.status, text, ms, json: () => JSON.parse(text) as unknown };
  }
}
