import { afterEach, describe, expect, it } from 'vitest';
import { reactionAdded, slashCommand } from '../../fakes/slack/payloads.js';
import { FAKE_APP_TOKEN, FAKE_BOT_TOKEN } from '../../fakes/slack/server.js';
import { FAKE_SIGNING_SECRET, slackSignature } from '../../fakes/slack/signed-requests.js';
import { scheduleAndPost } from './flows.js';
import { CHANNEL, type SlackHarness, alice, ann, slackHarness } from './harness.js';

describe('Bolt HTTP adapter: only signed, fresh, well-formed requests do anything', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function nothingChanged(harness: SlackHarness, callsBefore: number) {
    await new Promise((r) => setTimeout(r, 100));
    expect(harness.fake.calls.length).toBe(callsBefore);
    expect(harness.fake.responses).toEqual([]);
    expect(await harness.world.store.get(`daily:slack:T1:${CHANNEL}:settings`)).toBeUndefined();
  }

  it('rejects a bad signature with 401 before any work', async () => {
    h = await slackHarness({ mode: 'http' });
    const callsBefore = h.fake.calls.length;
    const body = slashCommand(ann, CHANNEL, 'daily set 09:30 weekdays Europe/Berlin', h.fake.responseUrl());
    const wrongKey = await h.sender?.command(body, { signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), new URLSearchParams(body).toString()) });
    expect(wrongKey?.status).toBe(401);
    const garbage = await h.sender?.command(body, { signature: 'v0=deadbeef' });
    expect(garbage?.status).toBe(401);
    await nothingChanged(h, callsBefore);
  });

  it('rejects a correctly signed request replayed more than five minutes later with 401', async () => {
    h = await slackHarness({ mode: 'http' });
    const callsBefore = h.fake.calls.length;
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const res = await h.sender?.command(slashCommand(ann, CHANNEL, 'daily set 09:30 weekdays Europe/Berlin', h.fake.responseUrl()), { timestampSec: sixMinutesAgo });
    expect(res?.status).toBe(401);
    await nothingChanged(h, callsBefore);
  });

  it('rejects a signed body that is not JSON, and a body signed for something else', async () => {
    h = await slackHarness({ mode: 'http' });
    const callsBefore = h.fake.calls.length;
    const malformed = await h.sender?.raw('{"type":"event_callback","event":', 'application/json');
    expect(malformed?.status).toBe(400);
    // The signature covers the body: a valid signature for another body does not carry over.
    const now = Math.floor(Date.now() / 1000);
    const body = JSON.stringify(reactionAdded(alice, CHANNEL, '1.2', 'eyes'));
    const swapped = await h.sender?.raw(body, 'application/json', { timestampSec: now, signature: slackSignature(FAKE_SIGNING_SECRET, now, `${body} `) });
    expect(swapped?.status).toBe(401);
    await nothingChanged(h, callsBefore);
  });

  it('never writes a token or the signing secret to its logs, even at debug level', async () => {
    h = await slackHarness({ mode: 'http' });
    const { ts } = await scheduleAndPost(h);
    await h.react(alice, ts, 'eyes');
    await h.fake.waitForCall('chat.postEphemeral');
    expect(h.logs.lines.length).toBeGreaterThan(5);
    for (const secret of [FAKE_BOT_TOKEN, FAKE_APP_TOKEN, FAKE_SIGNING_SECRET, 'legacy-verification-token']) expect(h.logs.text).not.toContain(secret);
  });
});
