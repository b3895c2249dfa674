import { performance } from 'node:perf_hooks';
import { type WebSocket, WebSocketServer } from 'ws';
import { shardOf, snowflake } from './snowflake.js';
import type { Json } from './state.js';
import type { FakeDiscordWorld } from './world.js';

interface Dispatched {
  s: number;
  t: string;
  d: unknown;
}

/** One gateway session (one shard of one client); it outlives its socket so it can be resumed. */
export interface GatewaySession {
  id: string;
  shard: [number, number];
  seq: number;
  /** Every dispatch of the session, so a RESUME can replay what the client missed. */
  log: Dispatched[];
  socket: WebSocket | null;
  ready: boolean;
  intents: number;
}

export interface GatewayStats {
  identifies: number;
  resumes: number;
  /** Connections per URL path: `/gateway` for fresh ones, `/resume` for resumes. */
  connections: Record<string, number>;
}

/**
 * The WebSocket half of the fake Discord: HELLO, IDENTIFY → READY (guilds unavailable) + GUILD_CREATE,
 * heartbeats, RESUME (replaying missed dispatches) → RESUMED, invalid sessions, and dispatches routed to
 * the shard that owns the guild. JSON, uncompressed: what discord.js asks for without zlib-sync.
 */
export class FakeGateway {
  readonly wss = new WebSocketServer({ noServer: true });
  readonly sessions = new Map<string, GatewaySession>();
  readonly stats: GatewayStats = { identifies: 0, resumes: 0, connections: {} };
  /** The query string of every connection, to check `v=10&encoding=json`. */
  readonly queries: string[] = [];
  heartbeatIntervalMs = 41_250;

  constructor(
    private readonly world: FakeDiscordWorld,
    private readonly baseUrl: () => string,
  ) {
    this.wss.on('connection', (socket, req) => {
      const url = new URL(req.url ?? '/', 'http://fake');
      this.queries.push(url.search);
      this.stats.connections[url.pathname] = (this.stats.connections[url.pathname] ?? 0) + 1;
      this.send(socket, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });
      socket.on('message', (data) => this.onMessage(socket, String(data)));
      socket.on('close', () => {
        for (const s of this.sessions.values()) if (s.socket === socket) s.socket = null;
      });
    });
  }

  /** Sends a dispatch to the session whose shard owns the guild (DMs: shard 0); it returns the sequence number. */
  dispatch(t: string, d: Json, guildId: string | null): number[] {
    const targets = [...this.sessions.values()].filter((s) => s.ready && (guildId === null ? s.shard[0] === 0 : shardOf(guildId, s.shard[1]) === s.shard[0]));
    return targets.map((s) => this.push(s, t, d));
  }

  /** performance.now() of the last socket write, for latency measurements. */
  lastSentAt = 0;

  /** Closes every socket (the session stays resumable): a dropped connection mid-session. */
  closeAll(code = 4000): void {
    for (const s of this.sessions.values()) s.socket?.close(code, 'fake: closed mid-session');
  }

  /** Tells every client its session is gone (op 9); `resumable` lets it try RESUME first. */
  invalidateAll(resumable: boolean): void {
    for (const s of this.sessions.values()) {
      if (!s.socket) continue;
      this.send(s.socket, { op: 9, d: resumable, s: null, t: null });
      if (!resumable) this.sessions.delete(s.id);
    }
  }

  close(): void {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private push(s: GatewaySession, t: string, d: unknown): number {
    s.seq += 1;
    const event = { s: s.seq, t, d };
    s.log.push(event);
    if (s.log.length > 5000) s.log.shift();
    if (s.socket) this.send(s.socket, { op: 0, ...event });
    return s.seq;
  }

  private send(socket: WebSocket, payload: Json): void {
    if (socket.readyState !== socket.OPEN) return;
    this.lastSentAt = performance.now();
    socket.send(JSON.stringify(payload));
  }

  private onMessage(socket: WebSocket, raw: string): void {
    let payload: Json;
    try {
      payload = JSON.parse(raw) as Json;
    } catch {
      socket.close(4002, 'decode error');
      return;
    }
    const d = (typeof payload['d'] === 'object' && payload['d'] !== null ? payload['d'] : {}) as Json;
    switch (payload['op']) {
      case 1:
        this.send(socket, { op: 11, d: null, s: null, t: null });
        return;
      case 2:
        return this.identify(socket, d);
      case 6:
        return this.resume(socket, d);
      default:
        return;
    }
  }

  private identify(socket: WebSocket, d: Json): void {
    if (d['token'] !== this.world.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    this.stats.identifies++;
    const shard = Array.isArray(d['shard']) ? ([Number(d['shard'][0]), Number(d['shard'][1])] as [number, number]) : ([0, 1] as [number, number]);
    const session: GatewaySession = { id: snowflake(), shard, seq: 0, log: [], socket, ready: false, intents: Number(d['intents'] ?? 0) };
    this.sessions.set(session.id, session);
    const guilds = [...this.world.guilds.keys()].filter((g) => shardOf(g, shard[1]) === shard[0]);
    this.push(session, 'READY', {
      v: 10,
      user: {
        id: this.world.bot.id,
        username: this.world.bot.username,
        global_name: null,
        discriminator: '0',
        avatar: null,
        bot: true,
        verified: true,
        flags: 0,
        mfa_enabled: false,
      },
      guilds: guilds.map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: `${this.baseUrl()}/resume`,
      shard,
      application: { id: this.world.appId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      user_settings: {},
      auth: {},
    });
    session.ready = true;
    for (const id of guilds) this.push(session, 'GUILD_CREATE', this.world.guildCreate(id));
  }

  private resume(socket: WebSocket, d: Json): void {
    const session = this.sessions.get(String(d['session_id']));
    if (!session || d['token'] !== this.world.token) {
      this.send(socket, { op: 9, d: false, s: null, t: null });
      return;
    }
    this.stats.resumes++;
    session.socket = socket;
    const from = Number(d['seq'] ?? 0);
    for (const event of session.log) if (event.s > from) this.send(socket, { op: 0, ...event });
    this.push(session, 'RESUMED', {});
  }
}
