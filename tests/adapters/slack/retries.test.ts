import { afterEach, describe, expect, it } from 'vitest';
import { blocksText } from '../../fakes/slack/blocks.js';
import { reactionAdded } from '../../fakes/slack/payloads.js';
import { scheduleAndPost } from './flows.js';
import { CHANNEL, type SlackHarness, alice, ann, slackHarness } from './harness.js';

describe('Bolt HTTP adapter: Slack retries and Web API failures', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('acks and drops an Events API retry (x-slack-retry-num, same event_id): the reveal goes out once', async () => {
    h = await slackHarness({ mode: 'http' });
    const { ts } = await scheduleAndPost(h);
    const event = reactionAdded(alice, CHANNEL, ts, 'eyes', { eventId: 'Ev-ONCE' });
    expect((await h.sender?.event(event))?.status).toBe(200);
    await h.fake.waitForCall('chat.postEphemeral');
    const retry = await h.sender?.event(event, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retry?.status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
    expect(h.logs.text).toMatch(/dropped a Slack redelivery/);
  });

  it('waits out `ratelimited` for Retry-After, then posts the daily question once', async () => {
    h = await slackHarness({ mode: 'http' });
    await h.recall(ann, 'daily set 09:30 weekdays Europe/Berlin');
    h.fake.fail('chat.postMessage', { kind: 'ratelimited', retryAfterSec: 1 });
    h.world.clock.set('2026-11-23T08:30:00Z');
    await h.wake.fire();

    const attempts = h.fake.attemptsAt('chat.postMessage');
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    const [limited, posted] = attempts;
    expect((posted?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(blocksText(posted?.body['blocks'])).toMatch(/^Daily question/);
    expect(h.world.logger.at('error')).toEqual([]);
  });

  it('retries a 5xx and delivers the reveal', async () => {
    h = await slackHarness({ mode: 'http' });
    const { ts } = await scheduleAndPost(h);
    h.fake.fail('chat.postEphemeral', { kind: 'server-error', status: 503 });
    await h.react(alice, ts, 'eyes');
    await h.fake.waitForCall('chat.postEphemeral');
    expect(h.fake.attemptsAt('chat.postEphemeral').map((a) => a.status)).toEqual([503, 200]);
  });

  it('a Slack that keeps failing past the client retries: logged, the slot is tried again at the next check, looked for first, and posted once', async () => {
    h = await slackHarness({ mode: 'http' });
    await h.recall(ann, 'daily set 09:30 weekdays Europe/Berlin');
    h.fake.fail('chat.postMessage', { kind: 'server-error', status: 500 }, 3);
    h.world.clock.set('2026-11-23T08:30:00Z');
    await h.wake.fire();

    expect(h.fake.attemptsAt('chat.postMessage').map((a) => a.status)).toEqual([500, 500, 500]);
    expect(h.logs.text).toMatch(/"method":"chat.postMessage"[^\n]*Slack API call failed/);
    expect(h.world.logger.at('warn').map((e) => e.msg)).toContain('daily post failed; will retry');

    h.world.clock.set('2026-11-23T08:31:00Z');
    await h.wake.fire();
    // A 500 may hide a message Slack did make, so the retry looks for the post's key before posting.
    expect(h.fake.callsTo('conversations.history')).toHaveLength(1);
    const [post, ...more] = h.fake.callsTo('chat.postMessage');
    expect(more).toEqual([]);
    expect(post?.body['metadata']).toMatchObject({ event_type: 'recall_post' });
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('falls back to a direct message when the bot cannot show an ephemeral in the channel', async () => {
    h = await slackHarness({ mode: 'http' });
    const { ts } = await scheduleAndPost(h);
    h.fake.notInChannel.add(CHANNEL);
    await h.react(alice, ts, 'eyes');
    const dm = await h.fake.waitForCall('chat.postMessage', (c) => c.body['channel'] === 'D-U-alice');
    expect(h.fake.callsTo('conversations.open').map((c) => c.body['users'])).toEqual(['U-alice']);
    expect(blocksText(dm.body['blocks'])).toMatch(/Answer to daily question #1/);
  });
});
