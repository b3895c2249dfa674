import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { EventBuilder, type SlashOptions } from './events.js';
import { FakeGateway } from './gateway.js';
import { type Fault, FakeRest, type RecordedRequest } from './rest.js';
import { snowflake } from './snowflake.js';
import type { FakeGuildSpec, FakeMessage, FakeUser, Json } from './state.js';
import { FakeDiscordWorld, type FakeInteraction } from './world.js';

export type { Fault, RecordedRequest } from './rest.js';
export type { FakeGuildSpec, FakeMember, FakeMessage, FakeRole, FakeUser, Json } from './state.js';
export { BOT_PERMS, EVERYONE_PERMS, PERMS, buttons, customIds, messageText } from './state.js';
export { guildIdOnShard, shardOf, snowflake } from './snowflake.js';
export type { FakeInteraction } from './world.js';

export interface FakeDiscordOptions {
  guilds: FakeGuildSpec[];
  token?: string;
  appId?: string;
}

/**
 * A local Discord for discord.js to talk to: REST on 127.0.0.1 (`apiBase`) and a gateway on the same
 * port. Tests drive it like Discord would (slash commands, button presses, reactions, dropped
 * connections, 429s and 5xx) and read back what the bot did (messages, DMs, threads, callbacks).
 */
export class FakeDiscord {
  readonly world: FakeDiscordWorld;
  readonly rest: FakeRest;
  readonly gateway: FakeGateway;
  private readonly events: EventBuilder;
  /** The payload dispatched for each interaction, for redelivery. */
  private readonly payloads = new Map<string, Record<string, unknown>>();
  private readonly server: Server;
  private port = 0;

  private constructor(opts: FakeDiscordOptions) {
    this.world = new FakeDiscordWorld({ token: opts.token ?? 'fake-token', appId: opts.appId ?? snowflake(), botId: snowflake(), guilds: opts.guilds });
    this.rest = new FakeRest(this.world, () => `${this.wsBase}/gateway`);
    this.gateway = new FakeGateway(this.world, () => this.wsBase);
    this.events = new EventBuilder(this.world);
    this.world.onAnswered = (i) => {
      const waiting = this.waiting.get(i.id);
      this.waiting.delete(i.id);
      for (const wake of waiting ?? []) wake();
    };
    this.server = createServer((req, res) => {
      this.rest.handle(req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
    });
    this.server.on('upgrade', (req, socket, head) => {
      this.gateway.wss.handleUpgrade(req, socket, head, (ws) => this.gateway.wss.emit('connection', ws, req));
    });
  }

  static async start(opts: FakeDiscordOptions): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get token(): string {
    return this.world.token;
  }
  get appId(): string {
    return this.world.appId;
  }
  get bot(): FakeUser {
    return this.world.bot;
  }
  /** discord.js's `rest.api`: it appends `/v10`. */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  private get wsBase(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get requests(): RecordedRequest[] {
    return this.rest.requests;
  }

  inject(fault: Fault): void {
    this.rest.inject(fault);
  }

  addUser(user: Partial<FakeUser> & { username: string }, guildId?: string, member: { roles?: string[]; permissions?: bigint; nick?: string } = {}): FakeUser {
    return this.world.addUser({ id: user.id ?? snowflake(), ...user }, guildId, member);
  }

  /** Bot messages in a channel (or thread, or DM channel), oldest first. */
  messages(channelId: string): FakeMessage[] {
    return this.world.messages.get(channelId) ?? [];
  }

  /** Direct messages the bot sent a person. */
  dms(userId: string): FakeMessage[] {
    const channel = this.world.dmChannelOf.get(userId);
    return channel ? this.messages(channel) : [];
  }

  message(id: string): FakeMessage {
    const m = this.world.messageById.get(id);
    if (!m) throw new Error(`no message ${id}`);
    return m;
  }

  // ---- Discord → bot ------------------------------------------------------------------------------

  slash(fields: { guildId: string; channelId: string; user: FakeUser; name: string; subcommand?: string; options?: SlashOptions }): FakeInteraction {
    const i = this.world.newInteraction({ type: 2, channelId: fields.channelId, guildId: fields.guildId, userId: fields.user.id });
    return this.deliver(i, this.events.slash(i, fields), fields.guildId);
  }

  autocomplete(fields: { guildId: string; channelId: string; user: FakeUser; name: string; subcommand?: string; option: string; value: string }): FakeInteraction {
    const i = this.world.newInteraction({ type: 4, channelId: fields.channelId, guildId: fields.guildId, userId: fields.user.id });
    return this.deliver(i, this.events.autocomplete(i, fields), fields.guildId);
  }

  press(fields: { message: FakeMessage; customId: string; user: FakeUser }): FakeInteraction {
    const guildId = this.world.guildOfChannel(fields.message.channel_id) ?? null;
    const i = this.world.newInteraction({ type: 3, channelId: fields.message.channel_id, guildId, userId: fields.user.id, messageId: fields.message.id });
    return this.deliver(i, this.events.button(i, fields), guildId);
  }

  /**
   * Fills in and submits the modal the bot opened in answer to `opened` (a MODAL_SUBMIT interaction,
   * type 5, in the same channel). `values` by field id; fields left out are sent empty, as Discord does.
   */
  submitModal(fields: { opened: FakeInteraction; user: FakeUser; values: Record<string, string> }): FakeInteraction {
    const modal = fields.opened.modal;
    if (!modal) throw new Error(`interaction ${fields.opened.id} opened no modal`);
    const { channelId, guildId, messageId } = fields.opened;
    const i = this.world.newInteraction({ type: 5, channelId, guildId, userId: fields.user.id, ...(messageId ? { messageId } : {}) });
    return this.deliver(i, this.events.modalSubmit(i, { modal, guildId, channelId, user: fields.user, values: fields.values, messageId }), guildId);
  }

  /** Delivers the same INTERACTION_CREATE again (same id and token), as Discord may after a reconnect. */
  redeliver(i: FakeInteraction): void {
    const payload = this.payloads.get(i.id);
    if (!payload) throw new Error(`interaction ${i.id} was never delivered`);
    this.gateway.dispatch('INTERACTION_CREATE', payload, i.guildId);
  }

  react(fields: { message: FakeMessage; user: FakeUser; emoji: string }): void {
    this.gateway.dispatch('MESSAGE_REACTION_ADD', this.events.reaction(fields), this.world.guildOfChannel(fields.message.channel_id) ?? null);
  }

  private deliver(i: FakeInteraction, payload: Record<string, unknown>, guildId: string | null): FakeInteraction {
    this.payloads.set(i.id, payload);
    i.dispatchedAt = performance.now();
    const sent = this.gateway.dispatch('INTERACTION_CREATE', payload, guildId);
    if (sent.length === 0) throw new Error('no gateway session is ready to receive the interaction');
    return i;
  }

  // ---- waiting ----------------------------------------------------------------------------------

  /** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 5_000, everyMs = 2): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined && value !== false) return value;
      if (Date.now() > deadline) throw new Error(`fake discord: timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }

  /** Waits for an interaction's first callback and, when deferred, for the edit that completes it. */
  async answered(i: FakeInteraction, timeoutMs = 5_000): Promise<FakeInteraction> {
    const done = (): boolean => {
      // A deferred update is answered by the edit of the pressed message or by a follow-up.
      if (i.callbacks[0]?.['type'] === 6) return i.updated === true || i.followUps.length > 0;
      return Boolean(i.original && !(Number(i.original['flags']) & 128)) || (i.deleted && i.followUps.length > 0) || i.callbacks.some((c) => c['type'] === 8 || c['type'] === 9);
    };
    return this.until(() => (done() ? i : undefined), `interaction ${i.id} to be answered`, timeoutMs);
  }

  /** Resolves when the interaction's first callback arrives (no polling: for timing). */
  callbackOf(i: FakeInteraction): Promise<FakeInteraction> {
    if (i.answeredAt !== null) return Promise.resolve(i);
    return new Promise((resolve) => {
      let waiting = this.waiting.get(i.id);
      if (!waiting) this.waiting.set(i.id, (waiting = []));
      waiting.push(() => resolve(i));
    });
  }

  private readonly waiting = new Map<string, (() => void)[]>();

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** What an interaction's answer says: the original response, else its follow-ups. */
export function answerOf(i: FakeInteraction): FakeMessage {
  const deferredUpdate = i.callbacks[0]?.['type'] === 6 && !i.updated;
  const m = i.deleted || deferredUpdate ? i.followUps[0] : (i.original ?? i.followUps[0]);
  if (!m) throw new Error(`interaction ${i.id} has no answer`);
  return m;
}

export function isEphemeral(m: FakeMessage): boolean {
  return (Number(m.flags) & 64) !== 0;
}

/**
 * What a modal shows before the person types (its fields' `value`, a select's default option), field id →
 * value: Discord sends these back for every field left as it was, so a test edits on top of them.
 */
export function modalPrefill(modal: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const labels = Array.isArray(modal?.['components']) ? (modal['components'] as Json[]) : [];
  for (const label of labels) {
    const inner = label['component'] as Json | undefined;
    if (!inner) continue;
    const id = String(inner['custom_id']);
    if (Array.isArray(inner['options'])) {
      const chosen = (inner['options'] as Json[]).find((o) => o['default'] === true);
      if (chosen) out[id] = String(chosen['value']);
    } else if (typeof inner['value'] === 'string') out[id] = inner['value'];
  }
  return out;
}
