import { snowflake } from './snowflake.js';

/** A JSON object as Discord sends it; the fake builds these by hand and tests read them back. */
export type Json = Record<string, unknown>;

/** Permission bits the fake cares about (the same numbers as discord.js PermissionFlagsBits). */
export const PERMS = {
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

export const EVERYONE_PERMS = PERMS.ViewChannel | PERMS.SendMessages | PERMS.AddReactions | PERMS.ReadMessageHistory | PERMS.SendMessagesInThreads;
export const BOT_PERMS = EVERYONE_PERMS | PERMS.EmbedLinks | PERMS.CreatePublicThreads;

export interface FakeUser {
  id: string;
  username: string;
  globalName?: string;
  bot?: boolean;
  /** Discord answers 50007 to DMs to this person. */
  dmsClosed?: boolean;
}

export interface FakeMember {
  user: FakeUser;
  roles: string[];
  nick?: string;
  /** What Discord computes for interactions (`member.permissions`); defaults to @everyone's. */
  permissions?: bigint;
}

export interface FakeRole {
  id: string;
  name: string;
  permissions: bigint;
}

export interface FakeChannelSpec {
  id: string;
  name?: string;
  /** Permissions an overwrite takes away from the bot in this channel (Discord then answers 50013). */
  botDenied?: bigint;
}

export interface FakeGuildSpec {
  id: string;
  name?: string;
  channels: FakeChannelSpec[];
  members?: FakeMember[];
  roles?: FakeRole[];
}

export interface FakeMessage extends Json {
  id: string;
  channel_id: string;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
}

export function userJson(u: FakeUser): Json {
  return { id: u.id, username: u.username, global_name: u.globalName ?? null, discriminator: '0', avatar: null, bot: u.bot ?? false, public_flags: 0 };
}

export function memberJson(m: FakeMember, guildId: string, withPermissions = false): Json {
  return {
    user: userJson(m.user),
    nick: m.nick ?? null,
    roles: m.roles,
    joined_at: '2026-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    ...(withPermissions ? { permissions: String(m.permissions ?? EVERYONE_PERMS) } : {}),
    guild_id: guildId,
  };
}

export function textChannelJson(guildId: string, c: FakeChannelSpec, botUserId: string, position: number): Json {
  const overwrites = c.botDenied ? [{ id: botUserId, type: 1, allow: '0', deny: String(c.botDenied) }] : [];
  return {
    id: c.id,
    type: 0,
    guild_id: guildId,
    name: c.name ?? `channel-${c.id.slice(-4)}`,
    position,
    permission_overwrites: overwrites,
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function messageJson(fields: { channelId: string; guildId?: string; author: FakeUser; body: Json; flags?: number }): FakeMessage {
  const body = fields.body;
  return {
    id: snowflake(),
    type: 0,
    channel_id: fields.channelId,
    ...(fields.guildId ? { guild_id: fields.guildId } : {}),
    author: userJson(fields.author),
    content: typeof body['content'] === 'string' ? body['content'] : '',
    embeds: Array.isArray(body['embeds']) ? (body['embeds'] as Json[]) : [],
    components: Array.isArray(body['components']) ? (body['components'] as Json[]) : [],
    attachments: Array.isArray(body['attachments']) ? (body['attachments'] as Json[]) : [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: fields.flags ?? (typeof body['flags'] === 'number' ? body['flags'] : 0),
    ...(body['nonce'] !== undefined ? { nonce: body['nonce'] } : {}),
  };
}

/** Button custom ids on a message, in order: what a person could press. */
export function customIds(message: Json): string[] {
  const rows = Array.isArray(message['components']) ? (message['components'] as Json[]) : [];
  return rows.flatMap((row) => (Array.isArray(row['components']) ? (row['components'] as Json[]) : [])).map((c) => String(c['custom_id'] ?? ''));
}

/** A button's label by its custom id's position, for tests that look for "Got it". */
export function buttons(message: Json): { customId: string; label: string; disabled: boolean }[] {
  const rows = Array.isArray(message['components']) ? (message['components'] as Json[]) : [];
  return rows
    .flatMap((row) => (Array.isArray(row['components']) ? (row['components'] as Json[]) : []))
    .map((c) => ({ customId: String(c['custom_id'] ?? ''), label: String(c['label'] ?? ''), disabled: c['disabled'] === true }));
}

/** Everything a person would read on a message: content, embed titles, descriptions, fields, footers. */
export function messageText(message: Json): string {
  const embeds = Array.isArray(message['embeds']) ? (message['embeds'] as Json[]) : [];
  const parts = [String(message['content'] ?? '')];
  for (const e of embeds) {
    if (typeof e['title'] === 'string') parts.push(e['title']);
    if (typeof e['description'] === 'string') parts.push(e['description']);
    const fields = Array.isArray(e['fields']) ? (e['fields'] as Json[]) : [];
    for (const f of fields) parts.push(`${String(f['name'])}: ${String(f['value'])}`);
    const footer = e['footer'];
    if (footer && typeof footer === 'object' && 'text' in footer) parts.push(String(footer.text));
  }
  return parts.filter(Boolean).join('\n');
}
