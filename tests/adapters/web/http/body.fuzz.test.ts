import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choice, flag, integer, query, text, userOf } from '../../../../src/adapters/web/api/input.js';
import { MAX_BODY_BYTES, readJsonBody } from '../../../../src/adapters/web/http/body.js';
import { HttpError } from '../../../../src/adapters/web/http/errors.js';

const FUZZ = { seed: 20_261_203, numRuns: 2_000 } as const;

/** A request as the server's handler gets it: a stream of the body's bytes, with its headers. */
function request(body: Uint8Array, headers: Record<string, string>): IncomingMessage {
  // Split in two chunks, as a body arriving over the network may be.
  const cut = Math.floor(body.length / 2);
  return Object.assign(Readable.from([Buffer.from(body.subarray(0, cut)), Buffer.from(body.subarray(cut))]), { headers }) as unknown as IncomingMessage;
}

/** The project's own refusal, with a 4xx status; anything else thrown is a bug. */
function expectRefusal(err: unknown): void {
  expect(err).toBeInstanceOf(HttpError);
  const status = (err as HttpError).status;
  expect(status >= 400 && status < 500, `status ${status}`).toBe(true);
}

const anyJson = fc.jsonValue({ maxDepth: 3 });
const bodyBytes = fc.oneof(
  anyJson.map((v) => new TextEncoder().encode(JSON.stringify(v))),
  fc.string().map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ maxLength: 256 }),
  fc.dictionary(fc.string({ maxLength: 6 }), anyJson).map((o) => new TextEncoder().encode(JSON.stringify({ ...o, pad: 'x'.repeat(MAX_BODY_BYTES) }))),
);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', '', 'application/x-www-form-urlencoded');

describe('the web API’s body and input readers, fuzzed (fixed seed, 2,000 cases a property)', () => {
  it('readJsonBody resolves to a plain object or refuses with a 4xx HttpError, for any bytes and content type', async () => {
    await fc.assert(
      fc.asyncProperty(bodyBytes, contentType, fc.boolean(), async (body, type, declareLength) => {
        const headers: Record<string, string> = { 'content-type': type, ...(declareLength ? { 'content-length': String(body.length) } : {}) };
        try {
          const parsed = await readJsonBody(request(body, headers));
          expect(typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)).toBe(true);
        } catch (err) {
          expectRefusal(err);
        }
      }),
      FUZZ,
    );
  });

  it('userOf, text and flag read any JSON field or refuse with a 400 HttpError', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('user', 'text', 'remove', 'other'), anyJson), fc.integer({ min: 0, max: 500 }), (body, max) => {
        for (const read of [() => userOf(body['user']), () => text(body, 'text', max), () => flag(body, 'remove')]) {
          try {
            read();
          } catch (err) {
            expectRefusal(err);
          }
        }
      }),
      FUZZ,
    );
  });

  it('choice, integer and query read any query string or refuse with a 400 HttpError', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (name, value) => {
        const url = new URL(
          `http://x/?${new URLSearchParams([
            [name, value],
            ['n', value],
          ]).toString()}`,
        );
        for (const read of [() => choice(url, name, ['a', 'b'] as const, 'a'), () => integer(url, 'n', 1, 100, 10), () => query(url, name, 50)]) {
          try {
            read();
          } catch (err) {
            expectRefusal(err);
          }
        }
      }),
      FUZZ,
    );
  });
});
