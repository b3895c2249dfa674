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
