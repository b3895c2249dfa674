import { App, HTTPModuleFunctions, type Receiver } from '@slack/bolt';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkParsedBody, decodeSlackBody } from '../../../src/adapters/slack/envelope.js';
import { child, field, readBlockAction, readCommand, readReaction } from '../../../src/adapters/slack/payloads.js';
import { checkSignature } from '../../../src/adapters/slack/signature.js';
import { slackSignature } from '../../fakes/slack/signed-requests.js';
import { FORM_TYPE, FUZZ, actionPayload, eventBody, mutatedEvent, mutatedPress, slackRequest } from './arbitraries.js';

/** What Bolt itself makes of these bytes (the receiver's own parser). */
function boltParse(raw: string, contentType: string): unknown {
  const req = { rawBody: Buffer.from(raw), headers: { 'content-type': contentType } };
  return HTTPModuleFunctions.parseHTTPRequestBody(req as unknown as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]);
}

/**
 * A real Bolt App with Recall's decoding in its listeners, behind a receiver that is never started:
 * processEvent is what the HTTP receiver calls for a request the door let through.
 */
function boltApp(): { app: App; errors: string[]; routed: string[] } {
  const errors: string[] = [];
  const routed: string[] = [];
  const quiet = {
    debug() {},
    info() {},
    warn() {},
    error: (...msg: unknown[]) => errors.push(msg.map(String).join(' ')),
    setLevel() {},
    getLevel: () => 'error' as never,
    setName() {},
  };
  const receiver: Receiver = { init() {}, start: async () => undefined, stop: async () => undefined };
  const app = new App({ receiver, logger: quiet, authorize: async () => ({ botToken: 'xoxb-fuzz', botId: 'B1', botUserId: 'U-BOT' }), ignoreSelf: true });
  app.command('/recall', async ({ body, ack }) => {
    routed.push('/recall');
    readCommand(body);
    await ack();
  });
  app.action({ type: 'block_actions' }, async ({ body, action, ack }) => {
    routed.push('block_actions');
    readBlockAction(body, action);
    await ack();
  });
  app.event(/.*/, async ({ body, event }) => {
    routed.push(event.type);
    readReaction(body);
  });
  app.error(async (error) => {
    errors.push(String(error));
  });
  return { app, errors, routed };
}

describe('Slack request decoding, fuzzed (fixed seed, 2,000 cases a property)', () => {
  it('decodeSlackBody never throws, and answers either an envelope or a reason', () => {
    fc.assert(
      fc.property(slackRequest, ([raw, contentType]) => {
        const decoded = decodeSlackBody(contentType, raw);
        if (decoded.ok) expect(['ssl_check', 'rate_limited', 'bolt']).toContain(decoded.envelope.kind);
        else expect(decoded.reason.length).toBeGreaterThan(0);
      }),
      FUZZ,
    );
  });

  it('whatever it accepts for Bolt, Bolt parses to the same kind of object without throwing', () => {
    fc.assert(
      fc.property(slackRequest, ([raw, contentType]) => {
        const decoded = decodeSlackBody(contentType, raw);
        if (!decoded.ok || decoded.envelope.kind !== 'bolt') return;
        const body = boltParse(raw, contentType);
        expect(typeof body === 'object' && body !== null && !Array.isArray(body)).toBe(true);
      }),
      FUZZ,
    );
  });

  it('whatever it accepts, Bolt routes to the listener for that kind, without an error (processEvent on a real App)', async () => {
    const { app, errors, routed } = boltApp();
    let accepted = 0;
    const shaped = fc.oneof(
      fc.oneof(eventBody, mutatedEvent).map((b) => [JSON.stringify(b), 'application/json'] as const),
      fc.oneof(actionPayload, mutatedPress).map((p) => [new URLSearchParams({ payload: JSON.stringify(p) }).toString(), FORM_TYPE] as const),
      slackRequest,
    );
    await fc.assert(
      fc.asyncProperty(shaped, async ([raw, contentType]) => {
        const decoded = decodeSlackBody(contentType, raw);
        if (!decoded.ok || decoded.envelope.kind !== 'bolt' || decoded.envelope.type === 'url_verification') return;
        accepted++;
        const body = boltParse(raw, contentType) as Record<string, unknown>;
        routed.length = 0;
        await app.processEvent({ body, ack: async () => {} });
        expect(errors).toEqual([]);
        // Bolt saw the same kind the door did: an unrouted body would wait 3 s for an ack that never comes.
        expect(routed).toEqual([decoded.envelope.type]);
      }),
      FUZZ,
    );
    // The shapes are near enough to Slack's that a fair share gets past the door and is really routed.
    expect(accepted).toBeGreaterThan(FUZZ.numRuns / 20);
  });

  it('checkParsedBody (Socket Mode) never throws, and agrees with the HTTP door on every body Bolt can parse', () => {
    fc.assert(
      fc.property(slackRequest, ([raw, contentType]) => {
        let parsed: unknown;
        try {
          parsed = boltParse(raw, contentType);
        } catch {
          return;
        }
        const overSocket = checkParsedBody(parsed);
        const overHttp = decodeSlackBody(contentType, raw);
        if (overHttp.ok && overHttp.envelope.kind === 'ssl_check') return;
        expect(overSocket.ok, JSON.stringify(parsed)).toBe(overHttp.ok);
      }),
      FUZZ,
    );
  });

  it('the payload readers never throw on any JSON, and return strings only where they return anything', () => {
    fc.assert(
      fc.property(fc.oneof(eventBody, actionPayload, fc.jsonValue()), fc.jsonValue(), (body, action) => {
        for (const read of [readCommand(body), readBlockAction(body, action), readReaction(body)]) {
          if (read === null) continue;
          for (const value of Object.values(read)) expect(typeof value).toBe('string');
        }
        field(body, 'type');
        child(body, 'event');
      }),
      FUZZ,
    );
  });

  it('checkSignature never throws on any headers, and passes only a right signature within five minutes', () => {
    const now = Date.UTC(2026, 10, 23, 8);
    const stamp = fc.oneof(
      fc.integer({ min: -600, max: 600 }).map((d) => String(now / 1000 + d)),
      fc.string(),
      fc.constant(undefined),
      fc.array(fc.string(), { maxLength: 2 }),
    );
    fc.assert(
      fc.property(stamp, fc.oneof(fc.string(), fc.constant(undefined)), fc.string(), fc.boolean(), (timestamp, forged, body, signRight) => {
        const signature = signRight && typeof timestamp === 'string' ? slackSignature('s3cret', Number(timestamp), body) : forged;
        const verdict = checkSignature({ 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature }, body, 's3cret', now);
        if (verdict.ok) {
          expect(signRight).toBe(true);
          expect(Math.abs(Number(timestamp) - now / 1000)).toBeLessThanOrEqual(300);
        }
      }),
      FUZZ,
    );
  });
});
