import {
  BOT_PERMS,
  EVERYONE_PERMS,
  type FakeGuildSpec,
  type FakeMember,
  type FakeMessage,
  type FakeRole,
  type FakeUser,
  type Json,
  messageJson,
  textChannelJson,
} from './state.js';
import { snowflake } from './snowflake.js';

export interface FakeInteraction {
  id: string;
  token: string;
  type: number;
  channelId: string;
  guildId: string | null;
  userId: string;
  /** performance.now() when the gateway sent it, and when the first callback arrived. */
  dispatchedAt: number;
  answeredAt: number | null;
  /** Date.now() at creation: Discord forgets an interaction not acknowledged within 3 s. */
  createdAt: number;
  /** Every callback body, including refused ones (a second acknowledgement). */
  callbacks: Json[];
  original: FakeMessage | null;
  followUps: FakeMessage[];
  deleted: boolean;
  /** A button press: the message the button was on (what an update callback edits). */
  messageId?: string;
  /** The pressed message was updated in place (callback 7, or an edit of @original after callback 6). */
  updated?: boolean;
  /** The form the bot opened in answer (callback 9): what the person sees and fills in. */
  modal?: Json;
}

/** Everything the fake Discord knows: users, guilds, channels, messages, commands and interactions. */
export class FakeDiscordWorld {
  readonly token: string;
  readonly appId: string;
  readonly bot: FakeUser;
  readonly users = new Map<string, FakeUser>();
  readonly guilds = new Map<string, { spec: FakeGuildSpec; roles: FakeRole[]; members: Map<string, FakeMember> }>();
  readonly channels = new Map<string, Json>();
  readonly messages = new Map<string, FakeMessage[]>();
  readonly messageById = new Map<string, FakeMessage>();
  readonly dmChannelOf = new Map<string, string>();
  readonly commands = { global: [] as Json[], guild: new Map<string, Json[]>() };
  readonly interactions = new Map<string, FakeInteraction>();
  private readonly byToken = new Map<string, FakeInteraction>();
  /** How long an interaction may go unacknowledged (Discord: 3 s). */
  interactionWindowMs = 3_000;
  /** Messages the bot created, by kind: cheap to poll when waiting for a thousand DMs. */
  readonly created = { dm: 0, other: 0 };
  /** Called on every interaction's first callback; the benchmark waits on it instead of polling. */
  onAnswered: ((i: FakeInteraction) => void) | null = null;

  constructor(opts: { token: string; appId: string; botId: string; guilds: FakeGuildSpec[] }) {
    this.token = opts.token;
    this.appId = opts.appId;
    this.bot = { id: opts.botId, username: 'Recall', bot: true };
    this.users.set(this.bot.id, this.bot);
    for (const spec of opts.guilds) this.addGuild(spec);
  }

  addGuild(spec: FakeGuildSpec): void {
    const botRole: FakeRole = { id: snowflake(), name: 'Recall', permissions: BOT_PERMS };
    const roles: FakeRole[] = [{ id: spec.id, name: '@everyone', permissions: EVERYONE_PERMS }, botRole, ...(spec.roles ?? [])];
    const members = new Map<string, FakeMember>();
    members.set(this.bot.id, { user: this.bot, roles: [botRole.id], permissions: BOT_PERMS });
    for (const m of spec.members ?? []) {
      members.set(m.user.id, m);
      this.users.set(m.user.id, m.user);
    }
    this.guilds.set(spec.id, { spec, roles, members });
    spec.channels.forEach((c, i) => {
      this.channels.set(c.id, textChannelJson(spec.id, c, this.bot.id, i));
      this.messages.set(c.id, []);
    });
  }

  addUser(user: FakeUser, guildId?: string, member: Partial<FakeMember> = {}): FakeUser {
    this.users.set(user.id, user);
    if (guildId) this.guilds.get(guildId)?.members.set(user.id, { user, roles: [], ...member });
    return user;
  }

  member(guildId: string, userId: string): FakeMember | undefined {
    return this.guilds.get(guildId)?.members.get(userId);
  }

  guildOfChannel(channelId: string): string | undefined {
    const g = this.channels.get(channelId)?.['guild_id'];
    return typeof g === 'string' ? g : undefined;
  }

  /** Permissions an overwrite took from the bot in this channel (or its thread's parent). */
  botDenied(channelId: string): bigint {
    const channel = this.channels.get(channelId);
    const parent = channel?.['parent_id'];
    const own = channel?.['type'] === 0 ? channel : typeof parent === 'string' ? this.channels.get(parent) : undefined;
    const overwrites = Array.isArray(own?.['permission_overwrites']) ? (own['permission_overwrites'] as Json[]) : [];
    return overwrites.filter((o) => o['id'] === this.bot.id).reduce((acc, o) => acc | BigInt(String(o['deny'])), 0n);
  }

  addMessage(channelId: string, author: FakeUser, body: Json, flags?: number): FakeMessage {
    const guildId = this.guildOfChannel(channelId);
    const message = messageJson({ channelId, ...(guildId ? { guildId } : {}), author, body, ...(flags !== undefined ? { flags } : {}) });
    const list = this.messages.get(channelId) ?? [];
    list.push(message);
    this.messages.set(channelId, list);
    this.messageById.set(message.id, message);
    const channel = this.channels.get(channelId);
    if (channel) channel['last_message_id'] = message.id;
    if (channel?.['type'] === 1) this.created.dm++;
    else this.created.other++;
    return message;
  }

  dmChannel(userId: string): Json {
    let id = this.dmChannelOf.get(userId);
    if (!id) {
      id = snowflake();
      this.dmChannelOf.set(userId, id);
      const user = this.users.get(userId) ?? { id: userId, username: `user-${userId.slice(-4)}` };
      this.channels.set(id, {
        id,
        type: 1,
        recipients: [{ id: user.id, username: user.username, global_name: user.globalName ?? null, discriminator: '0', avatar: null }],
        last_message_id: null,
        flags: 0,
      });
      this.messages.set(id, []);
    }
    const channel = this.channels.get(id);
    if (!channel) throw new Error('dm channel vanished');
    return channel;
  }

  guildCreate(guildId: string): Json {
    const g = this.guilds.get(guildId);
    if (!g) throw new Error(`no guild ${guildId}`);
    const channels = [...this.channels.values()].filter((c) => c['guild_id'] === guildId && c['type'] === 0);
    return {
      id: guildId,
      name: g.spec.name ?? `Guild ${guildId.slice(-4)}`,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: '1',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: g.roles.map((r, i) => ({
        id: r.id,
        name: r.name,
        permissions: String(r.permissions),
        position: i,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        icon: null,
        unicode_emoji: null,
        flags: 0,
      })),
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: '2026-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      member_count: g.members.size,
      voice_states: [],
      // Only the bot's own member: without the privileged members intent that is what Discord sends.
      members: [
        {
          user: { id: this.bot.id, username: this.bot.username, global_name: null, discriminator: '0', avatar: null, bot: true },
          roles: g.members.get(this.bot.id)?.roles ?? [],
          joined_at: '2026-01-01T00:00:00.000Z',
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      channels,
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  newInteraction(fields: { type: number; channelId: string; guildId: string | null; userId: string; messageId?: string }): FakeInteraction {
    const interaction: FakeInteraction = {
      id: snowflake(),
      token: `itoken-${snowflake()}`,
      ...fields,
      dispatchedAt: 0,
      answeredAt: null,
      createdAt: Date.now(),
      callbacks: [],
      original: null,
      followUps: [],
      deleted: false,
    };
    this.interactions.set(interaction.id, interaction);
    this.byToken.set(interaction.token, interaction);
    return interaction;
  }

  interactionByToken(token: string): FakeInteraction | undefined {
    return this.byToken.get(token);
  }
}
