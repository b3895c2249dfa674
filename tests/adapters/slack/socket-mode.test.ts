import { afterEach, describe, expect, it } from 'vitest';
import { blocksText, buttonIn } from '../../fakes/slack/blocks.js';
import { blockAction, reactionAdded, slashCommand } from '../../fakes/slack/payloads.js';
import { FAKE_APP_TOKEN } from '../../fakes/slack/server.js';
import { scheduleAndPost } from './flows.js';
import { CHANNEL, type SlackHarness, alice, bob, slackHarness } from './harness.js';

describe('Bolt Socket Mode adapter: the same flows over a WebSocket', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('opens the connection with the app token, waits for hello, and listens on no HTTP port', async () => {
    h = await slackHarness({ mode: 'socket' });
    expect(h.adapter.mode).toBe('socket');
    expect(h.adapter.url).toBeNull();
    const open = h.fake.callsTo('apps.connections.open');
    expect(open).toHaveLength(1);
    expect(open[0]?.token).toBe(FAKE_APP_TOKEN);
    expect(h.fake.socket.open).toBe(1);
  });

  it('answers `/recall` in the envelope ack, and an admin’s schedule posts the daily question', async () => {
    h = await slackHarness({ mode: 'socket' });
    const ack = await h.fake.socket.deliver('slash_commands', slashCommand(alice, CHANNEL, 'help', h.fake.responseUrl()));
    expect(ack.payload?.['response_type']).toBe('ephemeral');
    expect(blocksText(ack.payload?.['blocks'])).toMatch(/turns your question bank into daily practice/);

    const { post } = await scheduleAndPost(h);
    expect(blocksText(post.body['blocks'])).toMatch(/React :eyes: to see the answer/);
  });

  it('reveals on a reaction, records a grade button once, and drops a redelivered envelope', async () => {
    h = await slackHarness({ mode: 'socket' });
    const { ts } = await scheduleAndPost(h);

    const event = reactionAdded(alice, CHANNEL, ts, 'eyes', { eventId: 'Ev-SOCKET' });
    await h.fake.socket.deliver('events_api', event);
    const reveal = await h.fake.waitForCall('chat.postEphemeral');
    expect(reveal.body['user']).toBe('U-alice');
    // Slack sends the envelope again when it thinks the ack was lost.
    await h.fake.socket.deliver('events_api', event, { retryAttempt: 1 });

    const got = buttonIn(reveal.body['blocks'], /Got it/);
    const first = await h.press(alice, got, { ephemeral: true, triggerId: 'trig-socket' });
    expect(first.text).toMatch(/Recorded: Got it \(\+3\)/);
    const before = h.fake.responses.length;
    await h.fake.socket.deliver('interactive', blockAction(alice, CHANNEL, got, h.fake.responseUrl(), { ephemeral: true, triggerId: 'trig-socket' }));
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.responses.length).toBe(before);
    expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);

    await h.react(bob, ts, 'eyes');
    const toBob = await h.fake.waitForCall('chat.postEphemeral', (c) => c.body['user'] === 'U-bob');
    expect((await h.press(bob, buttonIn(toBob.body['blocks'], /Partly/), { ephemeral: true })).text).toMatch(/Recorded: Partly/);

    const board = await h.recall(alice, 'leaderboard people week');
    expect(board.text).toMatch(/Alice[^\n]*3/);
    expect(board.text).toMatch(/Bob[^\n]*1/);
  });

  // The Socket Mode client only notices a dropped socket at its ping timeout (about 5 s), then reconnects.
  it('reconnects after Slack drops the socket: a grade redelivered over the new socket counts once, and new work is answered once', { timeout: 20_000 }, async () => {
    h = await slackHarness({ mode: 'socket' });
    const { ts } = await scheduleAndPost(h);
    await h.react(alice, ts, 'eyes');
    const reveal = await h.fake.waitForCall('chat.postEphemeral');
    // Handled just before the drop; as far as Slack knows its ack was lost with the socket, so it comes again.
    const pressUrl = h.fake.responseUrl();
    const press = blockAction(alice, CHANNEL, buttonIn(reveal.body['blocks'], /Got it/), pressUrl, { ephemeral: true, triggerId: 'trig-before-drop' });
    await h.fake.socket.deliver('interactive', press, { envelopeId: 'env-ack-lost' });
    const first = await h.fake.waitForResponse((r) => r.id === pressUrl.split('/').at(-1));
    expect(blocksText(first.body['blocks']) || String(first.body['text'])).toMatch(/Recorded: Got it \(\+3\)/);

    h.fake.socket.drop();
    await h.fake.waitFor(() => h?.fake.socket.connections === 2 && h.fake.socket.open === 1, 'the reconnect', 10_000);
    expect(h.fake.callsTo('apps.connections.open')).toHaveLength(2);

    await h.fake.socket.deliver('interactive', press, { envelopeId: 'env-ack-lost' });
    await h.react(bob, ts, 'eyes');
    const toBob = await h.fake.waitForCall('chat.postEphemeral', (c) => c.body['user'] === 'U-bob');
    expect((await h.press(bob, buttonIn(toBob.body['blocks'], /Partly/), { ephemeral: true })).text).toMatch(/Recorded: Partly \(\+1\)/);
    const board = await h.recall(alice, 'leaderboard people week');

    expect(board.text).toMatch(/Alice[^\n]*3/);
    expect(board.text).not.toMatch(/Alice[^\n]*6/);
    expect(board.text).toMatch(/Bob[^\n]*1/);
    expect(h.fake.responses.filter((r) => r.id === pressUrl.split('/').at(-1))).toHaveLength(1);
    expect(h.fake.callsTo('chat.postEphemeral').map((c) => c.body['user'])).toEqual(['U-alice', 'U-bob']);
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('on drain: finishes the grade in flight over the open socket, and leaves new envelopes unacked for Slack to deliver again', async () => {
    h = await slackHarness({ mode: 'socket' });
    const { ts } = await scheduleAndPost(h);
    await h.react(alice, ts, 'eyes');
    const reveal = await h.fake.waitForCall('chat.postEphemeral');
    const slowAdminCheck = h.fake.holdNext('users.info');
    const pressUrl = h.fake.responseUrl();
    await h.fake.socket.deliver('interactive', blockAction(alice, CHANNEL, buttonIn(reveal.body['blocks'], /Got it/), pressUrl, { ephemeral: true }));
    await slowAdminCheck.reached;

    const drained = h.adapter.drain();
    expect(h.adapter.pending()).toEqual(['slack block_actions']);
    await expect(h.fake.socket.deliver('slash_commands', slashCommand(bob, CHANNEL, 'help', h.fake.responseUrl()), { timeoutMs: 500 })).rejects.toThrow(/no ack/);
    slowAdminCheck.release();
    await drained;

    expect(h.adapter.pending()).toEqual([]);
    const answers = h.fake.responses.filter((r) => r.id === pressUrl.split('/').at(-1));
    expect(answers).toHaveLength(1);
    expect(blocksText(answers[0]?.body['blocks']) || String(answers[0]?.body['text'])).toMatch(/Recorded: Got it \(\+3\)/);
    expect(h.fake.socket.open, 'the socket closed before stop()').toBe(1);
  });

  it('closes its WebSocket on stop', async () => {
    h = await slackHarness({ mode: 'socket' });
    await h.adapter.stop();
    await h.fake.waitFor(() => h?.fake.socket.open === 0, 'the socket to close');
    await h.engine.stop();
    await h.fake.close();
    await h.world.store.close();
    h = undefined;
  });
});
