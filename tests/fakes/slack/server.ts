import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formParts } from '../multipart.js';
import { FakeSocketMode } from './socket-mode.js';

export interface ApiCall {
  method: string;
  /** Form fields or JSON body; JSON-encoded form values (blocks) are decoded. */
  body: Record<string, unknown>;
  token: string | null;
  /** What the fake answered: 200, or the injected 429 / 5xx. */
  status: number;
  response: Record<string, unknown>;
  at: number;
}

export interface ResponseUrlCall {
  id: string;
  body: Record<string, unknown>;
  /** performance.now() when it arrived, for round-trip timing. */
  arrivedAt: number;
}

export interface SlackUserRecord {
  name: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
}

export interface UserGroup {
  id: string;
  handle: string;
  name: string;
  users: string[];
}

export type Fault = { kind: 'ratelimited'; retryAfterSec: number } | { kind: 'server-error'; status: number };

/** A file as files.uploadV2 makes it: announced, its bytes posted to the upload URL, then shared. */
export interface FakeFile {
  id: string;
  filename: string;
  /** The length announced to files.getUploadURLExternal. */
  length: number;
  altText?: string;
  /** What arrived at the upload URL. */
  data?: Buffer;
  /** Set by files.completeUploadExternal. */
  shared?: { channel: string; threadTs?: string; title?: string };
}

export const FAKE_TEAM = 'T1';
export const FAKE_BOT_TOKEN = 'xoxb-1-fake-bot-token-never-log-me';
export const FAKE_APP_TOKEN = 'xapp-1-fake-app-token-never-log-me';
export const FAKE_BOT_USER = 'U-RECALL';

/**
 * A local Slack: the Web API methods Recall calls, the response_url endpoint, and Socket Mode, on one
 * 127.0.0.1 port. Records every call, answers like Slack does (`{ ok, ts, channel, … }`, `ok: false`
 * with an error name), and can be told to answer a method with `ratelimited` (429 + Retry-After) or a
 * 5xx for the next N calls.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  readonly responses: ResponseUrlCall[] = [];
  readonly users = new Map<string, SlackUserRecord>();
  readonly usergroups: UserGroup[] = [];
  readonly botTokens = new Set([FAKE_BOT_TOKEN]);
  /** Channels where the bot is not a member: chat.postEphemeral and chat.postMessage answer not_in_channel there. */
  readonly notInChannel = new Set<string>();
  readonly socket = new FakeSocketMode();
  /** Uploaded files by id. */
  readonly files = new Map<string, FakeFile>();
  /** Modals opened with views.open, oldest first: what a person would see and fill in. */
  readonly views: { id: string; triggerId: string; view: Record<string, unknown> }[] = [];
  /** Trigger ids Slack no longer takes (more than 3 s old): views.open answers expired_trigger_id. */
  readonly expiredTriggers = new Set<string>();
  /** Scopes the install lacks: a method that needs one answers `missing_scope`. */
  readonly missingScopes = new Set<string>();
  private readonly faults = new Map<string, Fault[]>();
  private readonly windows: { method: string; fault: Fault; until: number }[] = [];
  private readonly holds = new Map<string, { gate: Promise<void>; afterCommit: boolean; reached(): void }[]>();
  private readonly responseWaiters = new Map<string, (r: ResponseUrlCall) => void>();
  private readonly server: Server;
  private seq = 0;
  private nextResponse = 1;
  private port = 0;

  constructor() {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      if (req.url?.startsWith('/link')) this.socket.upgrade(req, socket, head);
      else socket.destroy();
    });
  }

  /** On `port` when given (to come up where an app is already trying to reach Slack), else a free one. */
  async start(port = 0): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** With the trailing slash the Web API client needs. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A fresh response_url pointing back at this fake. */
  responseUrl(): string {
    return `http://127.0.0.1:${this.port}/respond/r${this.nextResponse++}`;
  }

  /** The next `times` calls to `method` get this fault instead of an answer. */
  fail(method: string, fault: Fault, times = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < times; i++) list.push(fault);
    this.faults.set(method, list);
  }

  /**
   * Every call to `method` fails with `fault` until `ms` have passed (a platform down for a minute),
   * counted as it arrives, whatever else is queued.
   */
  failFor(method: string, fault: Fault, ms: number): void {
    this.windows.push({ method, fault, until: Date.now() + ms });
  }

  /**
   * The next call to `method` is held until release(): before it is answered at all, or (afterCommit)
   * after the fake has done the work, as when Slack made the message but the caller never heard back.
   */
  holdNext(method: string, opts: { afterCommit?: boolean } = {}): { release(): void; reached: Promise<void> } {
    let release = (): void => undefined;
    let reached = (): void => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reachedP = new Promise<void>((resolve) => (reached = resolve));
    const list = this.holds.get(method) ?? [];
    list.push({ gate, afterCommit: opts.afterCommit ?? false, reached });
    this.holds.set(method, list);
    return { release, reached: reachedP };
  }

  /** Calls that got a real answer (not an injected fault). */
  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method && c.status === 200);
  }

  attemptsAt(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Polls until `find` returns something: the adapter acks before it calls the API. */
  async waitFor<T>(find: () => T | undefined | null | false, what: string, timeoutMs = 5_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const hit = find();
      if (hit) return hit;
      if (Date.now() > until) throw new Error(`fake Slack: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  waitForCall(method: string, match: (c: ApiCall) => boolean = () => true, after = 0): Promise<ApiCall> {
    return this.waitFor(() => this.callsTo(method).slice(after).find(match), method);
  }

  waitForResponse(match: (r: ResponseUrlCall) => boolean = () => true, after = 0): Promise<ResponseUrlCall> {
    return this.waitFor(() => this.responses.slice(after).find(match), 'a response_url post');
  }

  /** Resolves the moment a post to this response_url arrives (no polling: the benchmark times it). */
  responseArrival(responseUrl: string): Promise<ResponseUrlCall> {
    const id = responseUrl.slice(responseUrl.lastIndexOf('/') + 1);
    const already = this.responses.find((r) => r.id === id);
    if (already) return Promise.resolve(already);
    return new Promise((resolve) => this.responseWaiters.set(id, resolve));
  }

  async close(): Promise<void> {
    await this.socket.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const bytes = await readBody(req);
    if (url.pathname.startsWith('/upload/')) {
      // The file host takes the bytes raw or as the one part of a form (the Web API client sends a form).
      const form = formParts(req.headers['content-type'], bytes);
      return this.receiveUpload(url.pathname.slice('/upload/'.length), form ? (form[0]?.data ?? Buffer.alloc(0)) : bytes, req.headers.authorization, res);
    }
    const body = parseBody(bytes.toString('utf8'), req.headers['content-type'] ?? '');
    if (url.pathname.startsWith('/respond/')) {
      const call = { id: url.pathname.slice('/respond/'.length), body, arrivedAt: performance.now() };
      this.responses.push(call);
      this.responseWaiters.get(call.id)?.(call);
      this.responseWaiters.delete(call.id);
      return send(res, 200, { ok: true });
    }
    if (!url.pathname.startsWith('/api/')) return send(res, 404, { ok: false, error: 'unknown_path' });
    const method = url.pathname.slice('/api/'.length);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof body['token'] === 'string' ? body['token'] : null;
    const call: ApiCall = { method, body, token, status: 200, response: {}, at: Date.now() };
    this.calls.push(call);

    const hold = this.holds.get(method)?.shift();
    hold?.reached();
    if (hold && !hold.afterCommit) await hold.gate;
    const fault = this.faults.get(method)?.shift() ?? this.windows.find((w) => w.method === method && Date.now() < w.until)?.fault;
    if (fault?.kind === 'ratelimited') {
      call.status = 429;
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(fault.retryAfterSec) });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (fault?.kind === 'server-error') {
      call.status = fault.status;
      return send(res, fault.status, { ok: false, error: 'internal_error' });
    }
    call.response = this.answer(method, body, token);
    if (hold?.afterCommit) await hold.gate;
    send(res, 200, call.response);
  }

  private answer(method: string, body: Record<string, unknown>, token: string | null): Record<string, unknown> {
    if (method === 'apps.connections.open') {
      return token === FAKE_APP_TOKEN ? { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=fake` } : { ok: false, error: 'invalid_auth' };
    }
    if (!token || !this.botTokens.has(token)) return { ok: false, error: 'invalid_auth' };
    const channel = typeof body['channel'] === 'string' ? body['channel'] : '';
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: 'https://fake.slack.com/',
          team: 'Fake Team',
          user: 'recall',
          team_id: FAKE_TEAM,
          user_id: FAKE_BOT_USER,
          bot_id: 'B-RECALL',
          is_enterprise_install: false,
        };
      case 'chat.postMessage': {
        if (!channel) return { ok: false, error: 'channel_not_found' };
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        const ts = this.nextTs();
        return { ok: true, channel, ts, message: { type: 'message', user: FAKE_BOT_USER, bot_id: 'B-RECALL', text: body['text'], blocks: body['blocks'], ts } };
      }
      case 'conversations.history': {
        // The bot's own top-level posts in the channel, newest first, as Slack lists them.
        const limit = Number(body['limit'] ?? 100);
        const withMetadata = body['include_all_metadata'] === 'true' || body['include_all_metadata'] === true;
        const messages = this.calls
          .filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.response['ok'] === true && c.body['channel'] === channel && c.body['thread_ts'] === undefined)
          .reverse()
          .slice(0, limit)
          .map((c) => ({ ...(c.response['message'] as Record<string, unknown>), ...(withMetadata && c.body['metadata'] ? { metadata: c.body['metadata'] } : {}) }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.postEphemeral':
        if (this.notInChannel.has(channel)) return { ok: false, error: 'not_in_channel' };
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update':
        return { ok: true, channel, ts: body['ts'], text: body['text'] };
      case 'views.open': {
        const triggerId = typeof body['trigger_id'] === 'string' ? body['trigger_id'] : '';
        if (!triggerId) return { ok: false, error: 'invalid_arguments' };
        if (this.expiredTriggers.has(triggerId)) return { ok: false, error: 'expired_trigger_id' };
        const view = typeof body['view'] === 'object' && body['view'] !== null ? (body['view'] as Record<string, unknown>) : {};
        const problem = viewProblem(view);
        if (problem) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [`[ERROR] ${problem}`] } };
        const id = `V${++this.seq}`;
        this.views.push({ id, triggerId, view });
        return { ok: true, view: { id, team_id: FAKE_TEAM, ...view } };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D-${String(body['users'])}` } };
      case 'users.info': {
        const id = String(body['user'] ?? '');
        const user = this.users.get(id);
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id,
            team_id: FAKE_TEAM,
            name: user.name,
            real_name: user.name,
            is_admin: user.is_admin ?? false,
            is_owner: user.is_owner ?? false,
            is_primary_owner: user.is_primary_owner ?? false,
            is_bot: false,
            profile: { display_name: user.name },
          },
        };
      }
      case 'usergroups.list':
        return { ok: true, usergroups: this.usergroups.map(({ users: _users, ...g }) => ({ ...g, team_id: FAKE_TEAM })) };
      case 'usergroups.users.list': {
        const group = this.usergroups.find((g) => g.id === body['usergroup']);
        return group ? { ok: true, users: group.users } : { ok: false, error: 'no_such_subteam' };
      }
      case 'files.getUploadURLExternal': {
        if (this.missingScopes.has('files:write')) return { ok: false, error: 'missing_scope', needed: 'files:write', provided: 'commands,chat:write' };
        const id = `F${++this.seq}`;
        const altText = typeof body['alt_text'] === 'string' ? { altText: body['alt_text'] } : {};
        this.files.set(id, { id, filename: String(body['filename'] ?? ''), length: Number(body['length'] ?? 0), ...altText });
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const listed = Array.isArray(body['files']) ? (body['files'] as { id?: string; title?: string }[]) : [];
        const files = listed.map((f) => this.files.get(String(f.id)));
        // Slack completes only files whose bytes arrived, all of them, as announced.
        if (listed.length === 0 || files.some((f) => !f?.data || f.data.length !== f.length)) return { ok: false, error: 'file_upload_not_complete' };
        const threadTs = typeof body['thread_ts'] === 'string' ? { threadTs: body['thread_ts'] } : {};
        for (const [i, f] of files.entries())
          if (f) f.shared = { channel: String(body['channel_id'] ?? ''), ...threadTs, ...(listed[i]?.title ? { title: listed[i]?.title } : {}) };
        return { ok: true, files: files.map((f) => ({ id: f?.id, name: f?.filename, title: f?.shared?.title ?? f?.filename })) };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** The upload URL: the bytes of an announced file, with the bot token, as Slack's file host takes them. */
  private receiveUpload(id: string, bytes: Buffer, auth: string | undefined, res: ServerResponse): void {
    const file = this.files.get(id);
    if (!file || !auth?.startsWith('Bearer ') || !this.botTokens.has(auth.slice(7))) {
      res.writeHead(404).end();
      return;
    }
    file.data = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  /** Slack message ids: seconds and a six-digit sequence, unique per fake. */
  private nextTs(): string {
    this.seq++;
    return `${1_764_000_000 + this.seq}.${String(this.seq).padStart(6, '0')}`;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The Web API client sends forms with nested values JSON-encoded; respond() sends JSON. */
/** What Slack refuses in a modal view (its documented limits), or null. */
function viewProblem(view: Record<string, unknown>): string | null {
  const text = (v: unknown) => (typeof v === 'object' && v !== null && typeof (v as { text?: unknown }).text === 'string' ? (v as { text: string }).text : null);
  if (view['type'] !== 'modal') return 'view type must be modal';
  const title = text(view['title']);
  if (!title || title.length > 24) return 'title must be 1-24 characters';
  const submit = text(view['submit']);
  if (submit !== null && submit.length > 24) return 'submit must be at most 24 characters';
  if (typeof view['callback_id'] === 'string' && view['callback_id'].length > 255) return 'callback_id longer than 255';
  if (typeof view['private_metadata'] === 'string' && view['private_metadata'].length > 3000) return 'private_metadata longer than 3000';
  const blocks = Array.isArray(view['blocks']) ? (view['blocks'] as Record<string, unknown>[]) : [];
  if (blocks.length === 0 || blocks.length > 100) return 'a view has 1-100 blocks';
  for (const b of blocks) {
    if (b['type'] !== 'input') continue;
    const label = text(b['label']);
    if (!label || label.length > 2000) return 'input label must be 1-2000 characters';
    const element = (b['element'] ?? {}) as Record<string, unknown>;
    if (element['type'] === 'plain_text_input' && typeof element['max_length'] === 'number' && element['max_length'] > 3000) return 'max_length at most 3000';
    if (element['type'] === 'static_select') {
      const options = Array.isArray(element['options']) ? element['options'] : [];
      if (options.length === 0 || options.length > 100) return 'a select has 1-100 options';
    } else if (element['type'] !== 'plain_text_input') {
      return `unexpected input element ${String(element['type'])}`;
    }
  }
  return null;
}

function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
