import { afterEach, describe, expect, it } from 'vitest';
import { CHANNEL, type SlackHarness, alice, slackHarness } from './harness.js';

describe('Bolt adapter: health', () => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  // The Socket Mode client waits its ping timeout (5 s) before reconnecting, so this one takes that long.
  it('Socket Mode: connected after hello, disconnected when Slack drops the socket, connected again after the reconnect', { timeout: 20_000 }, async () => {
    h = await slackHarness({ mode: 'socket' });
    const { fake, adapter } = h;
    expect(adapter.health()).toEqual({ connected: true });

    fake.socket.drop();
    await fake.waitFor(() => !adapter.health().connected, 'health to report the drop');
    expect(adapter.health()).toEqual({ connected: false, detail: 'the Socket Mode connection is down' });

    await fake.waitFor(() => fake.socket.connections === 2 && adapter.health().connected, 'the reconnect', 10_000);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
    // Connected means working: a command over the new socket is answered.
    const { text } = await h.recall(alice, 'help', CHANNEL);
    expect(text).toMatch(/turns your question bank into daily practice/);
  });

  it('Socket Mode: disconnected once stopped', async () => {
    h = await slackHarness({ mode: 'socket' });
    await h.adapter.stop();
    expect(h.adapter.health().connected).toBe(false);
  });

  it('HTTP: connected while the receiver listens, disconnected once it has stopped', async () => {
    h = await slackHarness({ mode: 'http' });
    expect(h.adapter.health()).toEqual({ connected: true });
    await h.adapter.stop();
    expect(h.adapter.health()).toEqual({ connected: false, detail: 'the HTTP receiver is not listening' });
  });
});
