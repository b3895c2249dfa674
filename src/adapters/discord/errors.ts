import { type Client, DiscordAPIError, type PermissionsString, RESTJSONErrorCodes } from 'discord.js';
import { PlatformRefusal } from '../../core/platform.js';

/** The permissions each kind of send needs, in the order a person would check them. */
export const NEEDS = {
  post: ['ViewChannel', 'SendMessages', 'EmbedLinks'],
  thread: ['ViewChannel', 'CreatePublicThreads', 'SendMessagesInThreads', 'ReadMessageHistory'],
  edit: ['ViewChannel'],
} as const satisfies Record<string, readonly PermissionsString[]>;

const LABELS: Partial<Record<PermissionsString, string>> = {
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  SendMessagesInThreads: 'Send Messages in Threads',
  CreatePublicThreads: 'Create Public Threads',
  EmbedLinks: 'Embed Links',
  AddReactions: 'Add Reactions',
  ReadMessageHistory: 'Read Message History',
};

export function permissionLabel(p: PermissionsString): string {
  return LABELS[p] ?? p.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/** Discord's JSON error code (50013, 50007…), or null for anything that is not a Discord API error. */
export function discordCode(err: unknown): number | null {
  return err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : null;
}

export function isDmClosed(err: unknown): boolean {
  return discordCode(err) === RESTJSONErrorCodes.CannotSendMessagesToThisUser;
}

export function isPermissionRefusal(err: unknown): boolean {
  const code = discordCode(err);
  return code === RESTJSONErrorCodes.MissingPermissions || code === RESTJSONErrorCodes.MissingAccess;
}

/**
 * Says what Discord refused and what to grant. The daily service puts this message in front of the admin
 * who set the schedule, so it names the permission (from the bot's computed permissions in the channel
 * when the cache has them) and the channel, rather than repeating "Missing Permissions".
 */
export class DiscordPermissionError extends PlatformRefusal {
  override readonly name = 'DiscordPermissionError';
  constructor(
    readonly channelId: string,
    readonly missing: readonly PermissionsString[],
    readonly discordCode: number | null,
    options: { cause: unknown; known: boolean },
  ) {
    const names = missing.map(permissionLabel);
    const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}` : (names[0] ?? '');
    super(
      options.known
        ? `the bot is missing the Discord permission${names.length > 1 ? 's' : ''} ${list} in <#${channelId}>; grant ${names.length > 1 ? 'them' : 'it'} to the bot's role in the channel settings`
        : `Discord refused the bot in <#${channelId}> (error ${discordCode ?? 'unknown'}); it needs ${list} there`,
      { cause: options.cause },
    );
  }
}

/** Turns a 50013/50001 refusal into a DiscordPermissionError; any other error comes back unchanged. */
export function explainRefusal(client: Client, channelId: string, needed: readonly PermissionsString[], err: unknown): unknown {
  if (!isPermissionRefusal(err)) return err;
  const missing = computedMissing(client, channelId, needed);
  if (missing.length > 0) return new DiscordPermissionError(channelId, missing, discordCode(err), { cause: err, known: true });
  return new DiscordPermissionError(channelId, needed, discordCode(err), { cause: err, known: false });
}

function computedMissing(client: Client, channelId: string, needed: readonly PermissionsString[]): PermissionsString[] {
  const channel = client.channels.cache.get(channelId);
  if (!channel || channel.isDMBased() || !client.user) return [];
  const permissions = channel.permissionsFor(client.user);
  return permissions ? permissions.missing([...needed]) : [];
}
