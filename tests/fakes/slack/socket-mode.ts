import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

/** What the app sent back for an envelope: Socket Mode's ack, with a payload for slash commands. */
export interface EnvelopeAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * Slack's side of Socket Mode: a WebSocket at the URL apps.connections.open handed out, a `hello`
 * on connect, then envelopes `{ envelope_id, type, payload }` that the app must ack with the same
 * envelope_id. Pings are answered by `ws` itself.
 */
export class FakeSocketMode {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sockets = new Set<WebSocket>();
  private readonly waiting = new Map<string, (ack: EnvelopeAck) => void>();
  private readonly connectedWaiters: (() => void)[] = [];
  readonly acks: EnvelopeAck[] = [];
  connections = 0;
  private nextEnvelope = 1;

  constructor() {
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** Hands a WebSocket upgrade on the fake's HTTP server to this server. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  get open(): number {
    return this.sockets.size;
  }

  /** Resolves once an app is connected and has been greeted. */
  connected(): Promise<void> {
    if (this.sockets.size > 0) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  /**
   * Sends one envelope to the connected app and resolves with its ack. A redelivery is the same
   * envelope again with retry_attempt set, as Slack does when an ack does not arrive in time.
   */
  deliver(type: EnvelopeType, payload: Record<string, unknown>, opts: { retryAttempt?: number; envelopeId?: string; timeoutMs?: number } = {}): Promise<EnvelopeAck> {
    const socket = [...this.sockets][0];
    if (!socket) return Promise.reject(new Error('no Socket Mode connection'));
    const envelopeId = opts.envelopeId ?? `env-${this.nextEnvelope++}`;
    const frame = {
      envelope_id: envelopeId,
      type,
      payload,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: opts.retryAttempt ?? 0, retry_reason: opts.retryAttempt ? 'timeout' : '' } : {}),
    };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(envelopeId);
        reject(new Error(`no ack for envelope ${envelopeId} (${type})`));
      }, opts.timeoutMs ?? 5_000);
      this.waiting.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      socket.send(JSON.stringify(frame));
    });
  }

  /** Closes every app's socket from Slack's side while still taking new ones: a dropped connection the app may reconnect from. */
  drop(): void {
    for (const socket of this.sockets) socket.close(1001, 'fake: connection dropped');
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    this.connections++;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('message', (data) => {
      const ack = parseAck(data.toString());
      if (!ack) return;
      this.acks.push(ack);
      this.waiting.get(ack.envelope_id)?.(ack);
      this.waiting.delete(ack.envelope_id);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: 1,
        debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: 'A-RECALL' },
      }),
    );
    for (const resolve of this.connectedWaiters.splice(0)) resolve();
  }
}

function parseAck(text: string): EnvelopeAck | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('envelope_id' in value) || typeof value.envelope_id !== 'string') return null;
  const payload = 'payload' in value && typeof value.payload === 'object' && value.payload !== null ? (value.payload as Record<string, unknown>) : undefined;
  return { envelope_id: value.envelope_id, ...(payload ? { payload } : {}) };
}
