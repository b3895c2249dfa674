import type { Server } from 'node:http';
import type { SocketModeReceiver } from '@slack/bolt';
import type { PlatformHealth } from '../types.js';

/**
 * Socket Mode: connected from Slack's `hello` until the socket closes. The client announces both as
 * events and offers no state to read, so this listens, from before the start, not to miss the first
 * `connected`. Bolt reconnects by itself; the next `hello` brings it back.
 */
export function socketHealth(client: SocketModeReceiver['client']): () => PlatformHealth {
  let connected = false;
  client.on('connected', () => {
    connected = true;
  });
  for (const down of ['close', 'reconnecting', 'disconnected']) {
    client.on(down, () => {
      connected = false;
    });
  }
  return () => (connected ? { connected } : { connected, detail: 'the Socket Mode connection is down' });
}

/** HTTP: Slack calls in, so the most this end can know is that the receiver is listening. */
export function httpHealth(server: Server | null): () => PlatformHealth {
  return () => (server?.listening ? { connected: true } : { connected: false, detail: 'the HTTP receiver is not listening' });
}
