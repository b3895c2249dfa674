import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type Fault, FaultList, type Result, error, faultResult } from './faults.js';
import { type UploadedFile, readMultipart, withAttachments } from './multipart.js';
import { type RateLimitOptions, RateLimiter } from './rate-limits.js';
import { snowflake } from './snowflake.js';
import { type FakeMessage, type Json, PERMS, messageJson, userJson } from './state.js';
import type { FakeDiscordWorld } from './world.js';

export type { Fault } from './faults.js';

export interface RecordedRequest {
  method: string;
  /** Without `/api/v10`, e.g. `/channels/1/messages`. */
  path: string;
  query: string;
  body: unknown;
  /** Whether an `Authorization` header came with it (interaction callbacks must come without). */
  authHeader: boolean;
  /** performance.now() when the request arrived. */
  at: number;
  status: number;
}

const ok = (body: unknown): Result => ({ status: 200, body });
const noContent: Result = { status: 204 };

const EPHEMERAL = 64;
const LOADING = 128;
const NONCE_WINDOW_MS = 2 * 60 * 1000;

/** The REST half of the fake Discord: the routes discord.js 14 uses, answered like Discord does. */
export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  /** Files that came with messages (multipart), by the attachment id the message lists. */
  readonly uploads = new Map<string, UploadedFile>();
  private readonly faults = new FaultList();
  private rateLimiter: RateLimiter | null = null;
  private readonly nonces = new Map<string, { message: FakeMessage; at: number }>();

  constructor(
    private readonly world: FakeDiscordWorld,
    private readonly gatewayUrl: () => string,
  ) {}

  inject(fault: Fault): void {
    this.faults.add(fault);
  }

  /**
   * Enforces Discord's rate limits from now on (global per token, buckets per route) and puts the
   * X-RateLimit-* headers on every answer. Returns the limiter, whose counts say how many 429s it served.
   */
  limitRate(options: RateLimitOptions = {}): RateLimiter {
    this.rateLimiter = new RateLimiter(options);
    return this.rateLimiter;
  }

  /** The limiter limitRate() turned on; null means no limits and no rate-limit headers, as before. */
  get limiter(): RateLimiter | null {
    return this.rateLimiter;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    const form = readMultipart(req.headers['content-type'], bytes);
    const raw = form ? '' : bytes.toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
    let body: unknown = null;
    if (form) body = withAttachments(form, this.uploads);
    else {
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
    }
    const record: RecordedRequest = { method, path, query: url.search, body, authHeader: req.headers.authorization !== undefined, at, status: 0 };
    this.requests.push(record);

    // Discord limits a request before it looks at it: a refused one has no effect and uses up no fault.
    const verdict = this.rateLimiter?.check(method, path, req.headers.authorization ?? null);
    const fault = verdict?.limited ? undefined : this.faults.take(method, path);
    let result: Result;
    if (!url.pathname.startsWith('/api/v10/')) result = error(404, 0, '404: Not Found');
    else if (verdict?.limited) result = { status: 429, body: verdict.body };
    else if (fault && !fault.afterCommit) result = faultResult(fault);
    else if (needsAuth(path) && req.headers.authorization !== `Bot ${this.world.token}`) result = error(401, 0, '401: Unauthorized');
    else {
      result = this.route(method, path, body, url.searchParams, at);
      if (fault) result = faultResult(fault);
    }
    record.status = result.status;
    // A 204 has no body and so no content type: discord.js parses any JSON-typed body, even an empty one.
    const empty = result.status === 204 || result.body === undefined;
    // An injected 429's own headers win over the bucket's, so a test's fault says exactly what it asked.
    res.writeHead(result.status, { ...(empty ? {} : { 'content-type': 'application/json' }), ...verdict?.headers, ...result.headers });
    res.end(empty ? undefined : JSON.stringify(result.body));
  }

  private route(method: string, path: string, raw: unknown, query: URLSearchParams, at: number): Result {
    const w = this.world;
    const body: Json = isJson(raw) ? raw : {};
    const p = path.split('/').slice(1);
    const is = (m: string, pattern: string): boolean => method === m && matches(p, pattern);
    if (is('GET', 'gateway/bot'))
      return ok({ url: this.gatewayUrl(), shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 } });
    if (is('GET', 'users/@me')) return ok(userJson(w.bot));
    if (is('POST', 'users/@me/channels')) return ok(w.dmChannel(String(body['recipient_id'])));
    if (is('GET', 'users/:id')) {
      const user = w.users.get(p[1] ?? '');
      return user ? ok(userJson(user)) : error(404, 10013, 'Unknown User');
    }
    if (is('PUT', 'applications/:app/commands')) return ok((w.commands.global = withIds(raw, p[1])));
    if (is('GET', 'applications/:app/commands')) return ok(w.commands.global);
    if (is('PUT', 'applications/:app/guilds/:guild/commands')) {
      const list = withIds(raw, p[1]);
      w.commands.guild.set(p[3] ?? '', list);
      return ok(list);
    }
    if (is('GET', 'guilds/:guild/members/:user')) {
      const member = w.member(p[1] ?? '', p[3] ?? '');
      return member
        ? ok({ user: userJson(member.user), nick: member.nick ?? null, roles: member.roles, joined_at: '2026-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 })
        : error(404, 10007, 'Unknown Member');
    }
    if (is('GET', 'channels/:ch')) {
      const channel = w.channels.get(p[1] ?? '');
      return channel ? ok(channel) : error(404, 10003, 'Unknown Channel');
    }
    if (is('POST', 'channels/:ch/messages')) return this.createMessage(p[1] ?? '', body);
    if (is('GET', 'channels/:ch/messages/:msg')) {
      const message = w.messageById.get(p[3] ?? '');
      return message && message.channel_id === p[1] ? ok(message) : error(404, 10008, 'Unknown Message');
    }
    if (is('PATCH', 'channels/:ch/messages/:msg')) {
      const message = w.messageById.get(p[3] ?? '');
      if (!message || message.channel_id !== p[1]) return error(404, 10008, 'Unknown Message');
      return ok(edit(message, body));
    }
    if (is('POST', 'channels/:ch/messages/:msg/threads')) return this.startThread(p[1] ?? '', p[3] ?? '', body);
    if (method === 'PUT' && p[0] === 'channels' && p[2] === 'messages' && p[4] === 'reactions') return noContent;
    if (is('POST', 'interactions/:id/:token/callback')) return this.callback(p[1] ?? '', p[2] ?? '', body, query, at);
    if (p[0] === 'webhooks' && p[3] === 'messages' && p[4] === '@original') return this.original(method, p[2] ?? '', body);
    if (is('POST', 'webhooks/:app/:token')) return this.followUp(p[2] ?? '', body);
    return error(404, 0, `404: Not Found (${method} ${path})`);
  }

  private createMessage(channelId: string, body: Json): Result {
    const w = this.world;
    const channel = w.channels.get(channelId);
    if (!channel) return error(404, 10003, 'Unknown Channel');
    if (channel['type'] === 1) {
      const recipients = Array.isArray(channel['recipients']) ? (channel['recipients'] as Json[]) : [];
      const to = w.users.get(String(recipients[0]?.['id'] ?? ''));
      if (to?.dmsClosed) return error(403, 50007, 'Cannot send messages to this user');
    } else {
      const denied = w.botDenied(channelId);
      if (denied & PERMS.ViewChannel) return error(403, 50001, 'Missing Access');
      const needed = channel['type'] === 11 ? PERMS.SendMessagesInThreads : PERMS.SendMessages;
      if (denied & needed) return error(403, 50013, 'Missing Permissions');
    }
    // enforce_nonce: a retried create with the same nonce returns the first message, as Discord does.
    const nonce = body['enforce_nonce'] === true && body['nonce'] !== undefined ? `${channelId}:${String(body['nonce'])}` : null;
    const seen = nonce ? this.nonces.get(nonce) : undefined;
    if (seen && Date.now() - seen.at < NONCE_WINDOW_MS) return ok(seen.message);
    const message = w.addMessage(channelId, w.bot, body);
    if (nonce) this.nonces.set(nonce, { message, at: Date.now() });
    return ok(message);
  }

  private startThread(channelId: string, messageId: string, body: Json): Result {
    const w = this.world;
    const parent = w.channels.get(channelId);
    const message = w.messageById.get(messageId);
    if (!parent || !message || message.channel_id !== channelId) return error(404, 10008, 'Unknown Message');
    if (w.botDenied(channelId) & PERMS.CreatePublicThreads) return error(403, 50013, 'Missing Permissions');
    if (w.channels.has(messageId)) return error(400, 160004, 'A thread has already been created for this message');
    const now = new Date().toISOString();
    const thread: Json = {
      id: messageId,
      type: 11,
      guild_id: parent['guild_id'],
      parent_id: channelId,
      owner_id: w.bot.id,
      name: String(body['name'] ?? 'thread'),
      last_message_id: null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      flags: 0,
      thread_metadata: { archived: false, auto_archive_duration: Number(body['auto_archive_duration'] ?? 1440), archive_timestamp: now, locked: false, create_timestamp: now },
      member: { id: messageId, user_id: w.bot.id, join_timestamp: now, flags: 0 },
    };
    w.channels.set(messageId, thread);
    w.messages.set(messageId, []);
    message['thread'] = thread;
    return { status: 201, body: thread };
  }

  private callback(id: string, token: string, body: Json, query: URLSearchParams, at: number): Result {
    const w = this.world;
    const i = w.interactions.get(id);
    if (!i || i.token !== token) return error(404, 10062, 'Unknown interaction');
    i.callbacks.push(body);
    if (i.answeredAt !== null) return error(400, 40060, 'Interaction has already been acknowledged.');
    if (Date.now() - i.createdAt > w.interactionWindowMs) return error(404, 10062, 'Unknown interaction');
    i.answeredAt = at;
    const data = isJson(body['data']) ? body['data'] : {};
    const flags = typeof data['flags'] === 'number' ? data['flags'] : 0;
    switch (body['type']) {
      case 4:
        i.original = this.interactionMessage(i.channelId, data, flags);
        break;
      case 5:
        i.original = this.interactionMessage(i.channelId, {}, flags | LOADING);
        break;
      // A modal answers only a command or a button, and is checked the way Discord checks it.
      case 9: {
        if (i.type !== 2 && i.type !== 3) return error(400, 50035, 'Invalid Form Body: a modal cannot answer this interaction');
        const problem = modalProblem(data);
        if (problem) return error(400, 50035, `Invalid Form Body: ${problem}`);
        i.modal = data;
        break;
      }
      // The pressed message becomes the interaction's @original: 7 edits it now, 6 lets a later PATCH do it.
      case 6:
      case 7: {
        const pressed = i.messageId ? w.messageById.get(i.messageId) : undefined;
        if (!pressed) return error(404, 10008, 'Unknown Message');
        i.original = pressed;
        if (body['type'] === 7) {
          edit(pressed, data);
          i.updated = true;
        }
        break;
      }
    }
    w.onAnswered?.(i);
    if (query.get('with_response') === 'true') return ok({ interaction: { id, type: i.type }, resource: { type: body['type'], ...(i.original ? { message: i.original } : {}) } });
    return noContent;
  }

  private original(method: string, token: string, body: Json): Result {
    const i = this.world.interactionByToken(token);
    if (!i?.original) return error(404, 10008, 'Unknown Message');
    if (method === 'GET') return ok(i.original);
    if (method === 'DELETE') {
      i.deleted = true;
      const list = this.world.messages.get(i.channelId);
      if (list)
        this.world.messages.set(
          i.channelId,
          list.filter((m) => m.id !== i.original?.id),
        );
      return noContent;
    }
    i.original['flags'] = Number(i.original['flags']) & ~LOADING;
    if (i.callbacks[0]?.['type'] === 6) i.updated = true;
    return ok(edit(i.original, body));
  }

  private followUp(token: string, body: Json): Result {
    const i = this.world.interactionByToken(token);
    if (!i) return error(404, 10015, 'Unknown Webhook');
    const flags = typeof body['flags'] === 'number' ? body['flags'] : 0;
    const message = this.interactionMessage(i.channelId, body, flags);
    i.followUps.push(message);
    return ok(message);
  }

  /** An interaction's message: kept by id for buttons on it; public ones also appear in the channel. */
  private interactionMessage(channelId: string, data: Json, flags: number): FakeMessage {
    const w = this.world;
    if (!(flags & EPHEMERAL) && !(flags & LOADING)) return { ...w.addMessage(channelId, w.bot, data, flags), webhook_id: w.appId, application_id: w.appId };
    const message = { ...messageJson({ channelId, author: w.bot, body: data, flags }), webhook_id: w.appId, application_id: w.appId };
    w.messageById.set(message.id, message);
    return message;
  }
}

/** What Discord refuses in a modal (the limits from its documentation), or null. */
function modalProblem(data: Json): string | null {
  const title = data['title'];
  if (typeof data['custom_id'] !== 'string' || data['custom_id'].length === 0 || data['custom_id'].length > 100) return 'custom_id must be 1-100 characters';
  if (typeof title !== 'string' || title.length === 0 || title.length > 45) return 'title must be 1-45 characters';
  const components = Array.isArray(data['components']) ? (data['components'] as Json[]) : [];
  if (components.length === 0 || components.length > 5) return 'a modal has 1-5 components';
  for (const c of components) {
    if (c['type'] !== 18) return 'modal components must be labels';
    if (typeof c['label'] !== 'string' || c['label'].length === 0 || c['label'].length > 45) return 'label must be 1-45 characters';
    const inner = isJson(c['component']) ? c['component'] : {};
    if (inner['type'] === 4) {
      if (inner['style'] !== 1 && inner['style'] !== 2) return 'text input style must be 1 or 2';
      if (typeof inner['max_length'] === 'number' && (inner['max_length'] < 1 || inner['max_length'] > 4000)) return 'max_length must be 1-4000';
      if ('label' in inner) return 'a text input inside a label has no label of its own';
    } else if (inner['type'] === 3) {
      const options = Array.isArray(inner['options']) ? inner['options'] : [];
      if (options.length === 0 || options.length > 25) return 'a select has 1-25 options';
    } else {
      return 'a label holds a text input or a select';
    }
  }
  return null;
}

/** Interaction callbacks and webhook (interaction token) routes are authorized by the token in the path. */
function needsAuth(path: string): boolean {
  return !path.startsWith('/interactions/') && !path.startsWith('/webhooks/');
}

function matches(parts: string[], pattern: string): boolean {
  const want = pattern.split('/');
  return want.length === parts.length && want.every((w, i) => w.startsWith(':') || w === parts[i]);
}

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withIds(body: unknown, appId: string | undefined): Json[] {
  const list = Array.isArray(body) ? body.filter(isJson) : [];
  return list.map((c) => ({ ...c, id: snowflake(), application_id: appId, version: snowflake(), type: c['type'] ?? 1 }));
}

function edit(message: FakeMessage, body: Json): FakeMessage {
  if ('content' in body) message.content = typeof body['content'] === 'string' ? body['content'] : '';
  if (Array.isArray(body['embeds'])) message.embeds = body['embeds'].filter(isJson);
  if (Array.isArray(body['components'])) message.components = body['components'].filter(isJson);
  if (Array.isArray(body['attachments'])) message['attachments'] = body['attachments'].filter(isJson);
  message['edited_timestamp'] = new Date().toISOString();
  return message;
}
