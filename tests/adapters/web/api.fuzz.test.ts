import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

const FUZZ = { seed: 20_261_203, numRuns: 2_000 } as const;
const anyJson = fc.jsonValue({ maxDepth: 2 });

describe('the playground’s POST API over real HTTP, fuzzed (fixed seed, 2,000 requests)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
  });

  // 2,000 requests over HTTP: a few seconds alone, more on a busy machine; the bound is for a hang, not speed.
  it('answers any JSON body to /api/command, /api/action and /api/reaction with 2xx or 4xx, never 5xx, and logs no error', { timeout: 120_000 }, async () => {
    const field = fc.oneof(anyJson, fc.constantFrom('Ada', 'help', 'web:playground:1', '👀', 'eyes', true));
    const body = fc.oneof(fc.record({ user: field, text: field, action: field, messageId: field, emoji: field, remove: field }, { requiredKeys: [] }), anyJson);
    const path = fc.constantFrom('/api/command', '/api/action', '/api/reaction');
    await fc.assert(
      fc.asyncProperty(path, body, async (to, json) => {
        const res = await h.post(to, JSON.stringify(json));
        await res.arrayBuffer();
        expect(res.status, `${to} ${JSON.stringify(json)}`).toBeLessThan(500);
      }),
      FUZZ,
    );
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
    expect((await h.get('/healthz')).status).toBe(200);
  });
});
