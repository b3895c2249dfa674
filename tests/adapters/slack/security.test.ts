import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.js';
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
    const wrongKey = await h.sender?.command(body, { signature: slackSignature('not-the-secret', nowSec(h), new URLSearchParams(body).toString()) });
    expect(wrongKey?.status).toBe(401);
    const garbage = await h.sender?.command(body, { signature: 'v0=deadbeef' });
    expect(garbage?.status).toBe(401);
    await nothingChanged(h, callsBefore);
  });

  const nowSec = (harness: SlackHarness) => Math.floor(harness.world.clock.now().getTime() / 1000);
  const setSchedule = (harness: SlackHarness) => slashCommand(ann, CHANNEL, 'daily set 09:30 weekdays Europe/Berlin', harness.fake.responseUrl());

  it('rejects a correctly signed request stamped six minutes ago, or an hour ahead, with 401 (system clock)', async () => {
    h = await slackHarness({ mode: 'http', options: { clock: systemClock } });
    const callsBefore = h.fake.calls.length;
    for (const offsetSec of [-6 * 60, 6 * 60, 60 * 60]) {
      const res = await h.sender?.command(setSchedule(h), { timestampSec: Math.floor(Date.now() / 1000) + offsetSec });
      expect(res?.status, `stamped ${offsetSec} s from now`).toBe(401);
    }
    await nothingChanged(h, callsBefore);
  });

  it('rejects a request stamped one second outside five minutes either way, by the app’s own clock', async () => {
    h = await slackHarness({ mode: 'http' });
    const callsBefore = h.fake.calls.length;
    for (const offsetSec of [-(5 * 60 + 1), 5 * 60 + 1]) {
      const res = await h.sender?.command(setSchedule(h), { timestampSec: nowSec(h) + offsetSec });
      expect(res?.status, `stamped ${offsetSec} s from now`).toBe(401);
    }
    await nothingChanged(h, callsBefore);
  });

  it('accepts a request stamped up to five minutes either side of its clock (Slack’s window)', async () => {
    h = await slackHarness({ mode: 'http' });
    for (const offsetSec of [-5 * 60, 5 * 60]) {
      const res = await h.sender?.event({ type: 'url_verification', token: 'legacy', challenge: `c${offsetSec}` }, { timestampSec: nowSec(h) + offsetSec });
      expect(res?.status, `stamped ${offsetSec} s from now`).toBe(200);
    }
  });

  it('refuses a request captured and replayed six minutes later, by the app’s own clock', async () => {
    h = await slackHarness({ mode: 'http' });
    const body = new URLSearchParams(setSchedule(h)).toString();
    const stamped = nowSec(h);
    const signature = slackSignature(FAKE_SIGNING_SECRET, stamped, body);
    h.world.clock.advance(6 * 60_000);
    const callsBefore = h.fake.calls.length;
    const replayed = await h.sender?.raw(body, 'application/x-www-form-urlencoded', { timestampSec: stamped, signature });
    expect(replayed?.status).toBe(401);
    await nothingChanged(h, callsBefore);
  });

  it('refuses a request with no timestamp, or one that is not a number of seconds', async () => {
    h = await slackHarness({ mode: 'http' });
    const callsBefore = h.fake.calls.length;
    for (const stamp of ['', 'soon', '1e9', `${nowSec(h)}.5`, '-1']) {
      const body = new URLSearchParams(setSchedule(h)).toString();
      const res = await fetch(h.sender?.url ?? '', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': stamp,
          'x-slack-signature': slackSignature(FAKE_SIGNING_SECRET, Number(stamp), body),
        },
        body,
      });
      expect(res.status, `timestamp "${stamp}"`).toBe(401);
    }
    await nothingChanged(h, callsBefore);
  });

  it('rejects a signed body that is not JSON, and a body signed for something else', async () => {
    h = await slackHarness({ mode: 'http' });
    const callsBefore = h.fake.calls.length;
    const malformed = await h.sender?.raw('{"type":"event_callback","event":', 'application/json');
    expect(malformed?.status).toBe(400);
    // The signature covers the body: a valid signature for another body does not carry over.
    const now = nowSec(h);
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
