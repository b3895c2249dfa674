import { afterEach, describe, expect, it } from 'vitest';
import { messageText } from '../../fakes/discord/index.js';
import { type Harness, LOCKED, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const postsTo = (harness: Harness, channelId: string) => harness.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

async function scheduleAndFire(harness: Harness, channelId = STUDY): Promise<void> {
  await harness.slash(harness.ann, 'daily', 'set', { time: '09:30' }, channelId);
  harness.world.clock.set('2026-11-23T09:30:00Z');
  await harness.wake.fire();
}

describe('discord.js adapter: when Discord pushes back', () => {
  it('a 429 on the daily post is retried after retry_after, and the question is posted once', async () => {
    h = await startHarness();
    h.fake.inject({ method: 'POST', path: new RegExp(`^/channels/${STUDY}/messages$`), status: 429, retryAfter: 0.3 });
    await scheduleAndFire(h);
    const attempts = postsTo(h, STUDY);
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    const [limited, retried] = attempts;
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(300);
    expect(h.fake.messages(STUDY)).toHaveLength(1);
    expect(h.logs.lines.some((l) => l.msg === 'discord: rate limited; waiting')).toBe(true);
  });

  it('a 500 past the discord.js retry is tried again at the next check with the same nonce; the channel gets it once and nobody is bothered', async () => {
    h = await startHarness(); // FAST tuning: one retry
    h.fake.inject({ method: 'POST', path: new RegExp(`^/channels/${STUDY}/messages$`), status: 500, times: 2 });
    await scheduleAndFire(h);
    expect(postsTo(h, STUDY).map((r) => r.status)).toEqual([500, 500]);
    expect(h.fake.messages(STUDY)).toHaveLength(0);
    expect(h.logs.lines.some((l) => l.level >= 50 && l.msg === 'discord: could not post')).toBe(true);

    h.world.clock.advance(60_000);
    await h.wake.fire();
    const attempts = postsTo(h, STUDY);
    expect(attempts.map((r) => r.status)).toEqual([500, 500, 200]);
    // The nonce comes from the slot, so any attempt, in any process, is the same create to Discord.
    const nonces = new Set(attempts.map((r) => (r.body as { nonce?: string }).nonce));
    expect(nonces.size).toBe(1);
    expect(h.fake.messages(STUDY)).toHaveLength(1);
    expect(h.fake.dms(h.ann.id)).toHaveLength(0);
  });

  it('a 500 after Discord created the message is retried with the same nonce, and the channel gets it once', async () => {
    h = await startHarness();
    h.fake.inject({ method: 'POST', path: new RegExp(`^/channels/${STUDY}/messages$`), status: 500, afterCommit: true });
    await scheduleAndFire(h);
    const attempts = postsTo(h, STUDY);
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
    const nonces = attempts.map((r) => (r.body as { nonce?: string; enforce_nonce?: boolean }).nonce);
    expect(nonces[0]).toBeDefined();
    expect(nonces[1]).toBe(nonces[0]);
    expect(h.fake.messages(STUDY)).toHaveLength(1);
    expect(h.fake.dms(h.ann.id)).toHaveLength(0);
  });

  it('a channel without Send Messages for the bot: the admin hears which permission is missing', async () => {
    h = await startHarness();
    const now = await h.slash(h.ann, 'daily', 'now', undefined, LOCKED);
    expect(now.text).toMatch(/missing the Discord permission Send Messages in <#\d+>/);

    await scheduleAndFire(h, LOCKED);
    const report = await h.fake.until(() => h?.fake.dms(h.ann.id)[0], 'the report to the admin');
    expect(messageText(report)).toMatch(/Send Messages/);
    expect(h.fake.messages(LOCKED)).toHaveLength(0);
    const logged = h.logs.lines.find((l) => l.msg === 'discord: could not post');
    expect(logged?.['channel']).toMatchObject({ channelId: LOCKED });
  });
});
