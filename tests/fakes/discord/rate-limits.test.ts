import { afterEach, describe, expect, it } from 'vitest';
import { FakeDiscord, snowflake } from './index.js';
import { RateLimiter, type Verdict, routeOf } from './rate-limits.js';

const BOT = 'Bot token-a';
const A = snowflake();
const B = snowflake();

/** A limiter on a clock the test moves by hand, starting at a round epoch so Reset is easy to read. */
function limiter(options: ConstructorParameters<typeof RateLimiter>[0] = {}) {
  const clock = { ms: 1_800_000_000_000 };
  const limits = new RateLimiter({ ...options, now: () => clock.ms });
  return { limits, clock, start: clock.ms };
}

function refused(v: Verdict) {
  if (!v.limited) throw new Error(`expected a 429, got headers ${JSON.stringify(v.headers)}`);
  return v;
}

const post = (limits: RateLimiter, channel: string, auth: string | null = BOT) => limits.check('POST', `/channels/${channel}/messages`, auth);

describe('fake Discord rate limits: the global limit', () => {
  it('lets 50 requests a second through per token, refuses the 51st with a global 429, and opens a new window after the second', () => {
    const { limits, clock } = limiter();
    for (let i = 0; i < 50; i++) expect(post(limits, snowflake()).limited).toBe(false);
    clock.ms += 400;
    const v = refused(post(limits, snowflake()));
    expect(v.scope).toBe('global');
    expect(v.retryAfterMs).toBe(600);
    expect(v.headers).toMatchObject({ 'retry-after': '1', 'x-ratelimit-scope': 'global', 'x-ratelimit-global': 'true' });
    expect(v.body).toEqual({ message: 'You are being rate limited.', retry_after: 0.6, global: true, code: 0 });

    clock.ms += 600;
    expect(post(limits, snowflake()).limited).toBe(false);
    expect(limits.served429).toEqual({ global: 1, user: 0 });
    expect(limits.admitted).toBe(51);
  });

  it('opens each window at the first request after the last one closed, not on a fixed grid', () => {
    const { limits, clock } = limiter({ globalPerSecond: 2 });
    clock.ms += 700;
    post(limits, snowflake());
    clock.ms += 900; // 1.6 s: still inside the window opened at 0.7 s
    post(limits, snowflake());
    expect(refused(post(limits, snowflake())).retryAfterMs).toBe(100);
    clock.ms += 100;
    expect(post(limits, snowflake()).limited).toBe(false);
  });

  it('counts each bot token on its own, and exempts interaction callbacks and interaction webhooks', () => {
    const { limits } = limiter({ globalPerSecond: 1 });
    post(limits, A);
    expect(refused(post(limits, B)).scope).toBe('global');
    expect(post(limits, B, 'Bot token-b').limited).toBe(false);
    expect(limits.check('POST', `/interactions/${snowflake()}/itoken-x/callback`, null).limited).toBe(false);
    expect(limits.check('PATCH', `/webhooks/${snowflake()}/itoken-y/messages/@original`, null).limited).toBe(false);
  });

  it('uses up a global slot for a request its route refuses, as Discord counts every request it reads', () => {
    const { limits } = limiter({ globalPerSecond: 6 });
    for (let i = 0; i < 6; i++) post(limits, A);
    expect(refused(post(limits, B)).scope).toBe('global');
    expect(limits.served429).toEqual({ global: 1, user: 1 });
  });
});

describe('fake Discord rate limits: route buckets', () => {
  it('allows 5 messages per 5 s per channel, counting Remaining down, and refuses the 6th with a user-scoped 429', () => {
    const { limits, clock, start } = limiter();
    const remaining = Array.from({ length: 5 }, () => {
      const v = post(limits, A);
      clock.ms += 100;
      return v.headers['x-ratelimit-remaining'];
    });
    expect(remaining).toEqual(['4', '3', '2', '1', '0']);
    const v = refused(post(limits, A));
    expect(v.scope).toBe('user');
    expect(v.retryAfterMs).toBe(4_500);
    expect(v.headers).toMatchObject({
      'retry-after': '5',
      'x-ratelimit-scope': 'user',
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset-after': '4.500',
      'x-ratelimit-reset': ((start + 5_000) / 1000).toFixed(3),
    });
    expect(v.headers['x-ratelimit-global']).toBeUndefined();
    expect(v.body.global).toBe(false);

    expect(post(limits, B).limited).toBe(false);
    clock.ms = start + 5_000;
    expect(post(limits, A).headers['x-ratelimit-remaining']).toBe('4');
    expect(limits.served429).toEqual({ global: 0, user: 1 });
  });

  it('keeps edits and creates in separate buckets, and reactions at one per 250 ms', () => {
    const { limits, clock } = limiter();
    for (let i = 0; i < 5; i++) post(limits, A);
    expect(limits.check('PATCH', `/channels/${A}/messages/${snowflake()}`, BOT).limited).toBe(false);
    const react = () => limits.check('PUT', `/channels/${A}/messages/${snowflake()}/reactions/%F0%9F%91%80/@me`, BOT);
    expect(react().headers['x-ratelimit-bucket']).toBe('reactions');
    expect(refused(react()).retryAfterMs).toBe(250);
    clock.ms += 250;
    expect(react().limited).toBe(false);
  });

  it('sends Limit, Remaining, Reset, Reset-After and Bucket on every admitted request, a default bucket included', () => {
    const { limits, start } = limiter();
    expect(limits.check('GET', '/gateway/bot', BOT).headers).toEqual({
      'x-ratelimit-limit': '50',
      'x-ratelimit-remaining': '49',
      'x-ratelimit-reset': ((start + 1_000) / 1000).toFixed(3),
      'x-ratelimit-reset-after': '1.000',
      'x-ratelimit-bucket': 'GET /gateway/bot',
    });
    expect(post(limits, A).headers['x-ratelimit-bucket']).toBe('messages-create');
  });

  it('takes tighter buckets from the options before the built-in ones', () => {
    const { limits } = limiter({ routes: [{ bucket: 'tight', method: 'POST', route: '/channels/:id/messages', limit: 1, windowMs: 1_000 }] });
    expect(post(limits, A).headers['x-ratelimit-bucket']).toBe('tight');
    expect(refused(post(limits, A)).retryAfterMs).toBe(1_000);
  });

  it('groups paths by route and major parameter the way Discord and @discordjs/rest do', () => {
    const [channel, message, guild, user, app] = [snowflake(), snowflake(), snowflake(), snowflake(), snowflake()];
    expect(routeOf(`/channels/${channel}/messages/${message}/reactions/%F0%9F%91%80/@me`)).toEqual({ route: '/channels/:id/messages/:id/reactions/:reaction/@me', major: channel });
    expect(routeOf(`/guilds/${guild}/members/${user}`)).toEqual({ route: '/guilds/:id/members/:id', major: guild });
    expect(routeOf(`/webhooks/${app}/itoken-1/messages/@original`)).toEqual({ route: '/webhooks/:id/:token/messages/@original', major: `${app}/itoken-1` });
    expect(routeOf('/users/@me/channels')).toEqual({ route: '/users/@me/channels', major: 'global' });
  });
});

describe('fake Discord REST with rate limits', () => {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  const send = (f: FakeDiscord, channel: string) =>
    fetch(`${f.apiBase}/v10/channels/${channel}/messages`, {
      method: 'POST',
      headers: { authorization: `Bot ${f.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'hi' }),
    });

  it('sends no rate-limit headers and refuses nothing until limits are turned on', async () => {
    const channel = snowflake();
    fake = await FakeDiscord.start({ guilds: [{ id: snowflake(), channels: [{ id: channel }] }] });
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(fake as FakeDiscord, channel)));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(answers.some((r) => r.headers.has('x-ratelimit-limit'))).toBe(false);
  });

  it('answers the 6th message to a channel with a 429 the way Discord does, and it creates nothing', async () => {
    const channel = snowflake();
    fake = await FakeDiscord.start({ guilds: [{ id: snowflake(), channels: [{ id: channel }] }] });
    const limits = fake.rest.limitRate();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await send(fake, channel)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const last = await send(fake, channel);
    expect(last.headers.get('x-ratelimit-scope')).toBe('user');
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await last.json()).toMatchObject({ message: 'You are being rate limited.', global: false });
    expect(fake.messages(channel)).toHaveLength(5);
    expect(limits.served429.user).toBe(2);
    expect(fake.requests.map((r) => r.status).slice(-2)).toEqual([429, 429]);
  });
});
