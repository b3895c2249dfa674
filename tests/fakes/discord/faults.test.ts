import { afterEach, describe, expect, it } from 'vitest';
import { FaultList } from './faults.js';
import { FakeDiscord, snowflake } from './index.js';

const MESSAGES = /^\/channels\/\d+\/messages$/;

function faults() {
  const clock = { ms: 1_000_000 };
  return { list: new FaultList(() => clock.ms), clock };
}

describe('fake Discord faults', () => {
  it('fails one matching request by default, then none', () => {
    const { list } = faults();
    list.add({ method: 'POST', path: MESSAGES, status: 500 });
    expect(list.take('GET', '/channels/1/messages')).toBeUndefined();
    expect(list.take('POST', '/channels/1/messages')?.status).toBe(500);
    expect(list.take('POST', '/channels/1/messages')).toBeUndefined();
  });

  it('with forMs, fails every matching request until the window ends, however many there are', () => {
    const { list, clock } = faults();
    list.add({ path: MESSAGES, status: 500, forMs: 60_000 });
    for (let i = 0; i < 100; i++) {
      expect(list.take('POST', '/channels/1/messages')?.status).toBe(500);
      clock.ms += 590;
    }
    clock.ms += 1_000; // 60.0 s after the injection
    expect(list.take('POST', '/channels/1/messages')).toBeUndefined();
  });

  it('with until, fails until that instant; with times too, whichever runs out first', () => {
    const { list, clock } = faults();
    list.add({ path: MESSAGES, status: 503, until: clock.ms + 1_000 });
    list.add({ path: /^\/gateway/, status: 500, forMs: 60_000, times: 2 });
    clock.ms += 999;
    expect(list.take('POST', '/channels/1/messages')?.status).toBe(503);
    clock.ms += 1;
    expect(list.take('POST', '/channels/1/messages')).toBeUndefined();
    expect(list.take('GET', '/gateway/bot')).toBeDefined();
    expect(list.take('GET', '/gateway/bot')).toBeDefined();
    expect(list.take('GET', '/gateway/bot')).toBeUndefined();
  });

  it('a timed 429 asks the client to come back when its window ends, unless it names its own retryAfter', () => {
    const { list, clock } = faults();
    list.add({ path: MESSAGES, status: 429, global: true, forMs: 60_000 });
    clock.ms += 15_000;
    expect(list.take('POST', '/channels/1/messages')?.retryAfter).toBe(45);
    list.add({ path: /^\/users/, status: 429, forMs: 60_000, retryAfter: 2 });
    expect(list.take('GET', '/users/@me')?.retryAfter).toBe(2);
  });
});

describe('fake Discord REST: a time-window fault', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('answers 500 to every matching request while the window lasts, then serves them again', async () => {
    const channel = snowflake();
    fake = await FakeDiscord.start({ guilds: [{ id: snowflake(), channels: [{ id: channel }] }] });
    const f = fake;
    const send = () =>
      fetch(`${f.apiBase}/v10/channels/${channel}/messages`, {
        method: 'POST',
        headers: { authorization: `Bot ${f.token}`, 'content-type': 'application/json' },
        body: '{"content":"hi"}',
      });
    // A window long enough that five requests land inside it on a loaded CI box (150 ms did not).
    const windowMs = 2_000;
    f.inject({ method: 'POST', path: MESSAGES, status: 500, forMs: windowMs });
    const during = await Promise.all(Array.from({ length: 5 }, send));
    expect(during.map((r) => r.status)).toEqual([500, 500, 500, 500, 500]);
    await new Promise((r) => setTimeout(r, windowMs + 50));
    expect((await send()).status).toBe(200);
    expect(f.messages(channel)).toHaveLength(1);
  });
});
