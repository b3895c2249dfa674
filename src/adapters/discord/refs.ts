import type { User } from 'discord.js';
import type { ChannelRef, UserRef } from '../../core/refs.js';
import type { Store } from '../../store/store.js';

/**
 * DM buttons reach the bot without a guild, but grades and posts belong to one. The port records the
 * guild of every DM it sends (by message id), so a button pressed there finds its workspace again.
 * Kept past the longest grade window an admin can set (14 days).
 */
const DM_ORIGIN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

const dmOriginKey = (messageId: string): string => `discord:dm-origin:${messageId}`;

export function channelRef(guildId: string, channelId: string): ChannelRef {
  return { platform: 'discord', workspaceId: guildId, channelId };
}

/** `nickname` is the server nickname when the event carried the member. */
export function userRef(guildId: string, user: User, nickname?: string | null): UserRef {
  const name = nickname ?? user.globalName ?? user.username;
  return { platform: 'discord', workspaceId: guildId, userId: user.id, ...(name ? { name } : {}) };
}

export async function rememberDmOrigin(store: Store, messageId: string, guildId: string): Promise<void> {
  await store.set(dmOriginKey(messageId), guildId, DM_ORIGIN_TTL_MS);
}

export function dmOrigin(store: Store, messageId: string): Promise<string | undefined> {
  return store.get<string>(dmOriginKey(messageId));
}
