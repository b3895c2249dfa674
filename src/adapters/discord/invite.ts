import { OAuth2Scopes, PermissionFlagsBits, PermissionsBitField } from 'discord.js';

/** Where a person authorizes an app (discord.js's OAuth2Routes point at the API host instead). */
const AUTHORIZE_URL = 'https://discord.com/oauth2/authorize';

/** Exactly what the bot uses: post, thread, embed, react, and read the posts people react to. */
export const INVITE_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.ReadMessageHistory,
] as const;

export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

export function invitePermissions(): bigint {
  return new PermissionsBitField([...INVITE_PERMISSIONS]).bitfield;
}

/** The OAuth2 URL a server admin opens to add the bot; `guildId` preselects their server. */
export function inviteUrl(appId: string, guildId: string | null = null): string {
  const params = new URLSearchParams({ client_id: appId, scope: INVITE_SCOPES.join(' '), permissions: invitePermissions().toString() });
  if (guildId) params.set('guild_id', guildId);
  return `${AUTHORIZE_URL}?${params.toString()}`;
}
