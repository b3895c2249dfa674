import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_TYPE, FUZZ, mutatedEvent, mutatedPress, slackRequest } from './arbitraries.js';
import { type SlackHarness, slackHarness } from './harness.js';

describe('the Slack intake over real HTTP, fuzzed (fixed seed, 2,000 signed requests)', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await slackHarness({ mode: 'http' });
  });
  afterAll(async () => {
    await h.close();
  });

  // 2,000 requests over HTTP: a few seconds alone, more on a busy machine; the bound is for a hang, not speed.
  it('answers every correctly signed body 200 or 400, never 5xx, logs no error, and keeps serving', { timeout: 120_000 }, async () => {
    // Replies to accepted presses go to the fake Slack rather than a closed port.
    const respondHere = (raw: string) => raw.replaceAll(encodeURIComponent('http://127.0.0.1:9/respond/r1'), encodeURIComponent(h.fake.responseUrl()));
    const request = fc
      .oneof(
        slackRequest,
        mutatedEvent.map((b) => [JSON.stringify(b), 'application/json'] as const),
        mutatedPress.map((p) => [new URLSearchParams({ payload: JSON.stringify(p) }).toString(), FORM_TYPE] as const),
      )
      .map(([raw, type]) => [respondHere(raw), type] as const);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ([raw, contentType]) => {
        const res = await h.sender?.raw(raw, contentType);
        const status = res?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect([200, 400]).toContain(status);
      }),
      FUZZ,
    );
    // Let handlers started by accepted requests finish before reading the log.
    await new Promise((r) => setTimeout(r, 200));
    expect(h.logs.lines.filter((l) => (JSON.parse(l) as { level: number }).level >= 50)).toEqual([]);
    expect((statuses.get(200) ?? 0) + (statuses.get(400) ?? 0)).toBe(FUZZ.numRuns);
    expect(statuses.get(200)).toBeGreaterThan(FUZZ.numRuns / 20);
    const check = await h.sender?.event({ type: 'url_verification', token: 'legacy', challenge: 'still-here' });
    expect(check?.json()).toEqual({ challenge: 'still-here' });
  });
});
