import type { ChannelRef, UserRef } from '../../core/refs.js';

/**
 * Bolt types its bodies loosely (optional everything, `any` in places), so every payload the adapter
 * reads goes through these narrowing readers: a field is used only after it is checked to be there.
 */
type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function field(obj: unknown, key: string): string | undefined {
  if (!isObject(obj)) return undefined;
  const value = obj[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function child(obj: unknown, key: string): Json | undefined {
  if (!isObject(obj)) return undefined;
  const value = obj[key];
  return isObject(value) ? value : undefined;
}

export function slackChannel(teamId: string, channelId: string): ChannelRef {
  return { platform: 'slack', workspaceId: teamId, channelId };
}

export function slackUser(teamId: string, userId: string, name?: string): UserRef {
  return { platform: 'slack', workspaceId: teamId, userId, ...(name ? { name } : {}) };
}

export interface CommandPayload {
  teamId: string;
  channelId: string;
  userId: string;
  userName?: string;
  /** What followed `/recall`, with Slack's `&amp;`/`&lt;`/`&gt;` turned back into characters. */
  text: string;
  responseUrl?: string;
  /** Opens a modal (views.open) within 3 seconds of the command. */
  triggerId?: string;
}

export function readCommand(body: unknown): CommandPayload | null {
  const teamId = field(body, 'team_id');
  const channelId = field(body, 'channel_id');
  const userId = field(body, 'user_id');
  if (!teamId || !channelId || !userId) return null;
  const userName = field(body, 'user_name');
  const responseUrl = field(body, 'response_url');
  const triggerId = field(body, 'trigger_id');
  return {
    teamId,
    channelId,
    userId,
    ...(userName ? { userName } : {}),
    text: unescapeSlack(field(body, 'text') ?? ''),
    ...(responseUrl ? { responseUrl } : {}),
    ...(triggerId ? { triggerId } : {}),
  };
}

export interface ActionPayload {
  teamId: string;
  channelId: string;
  userId: string;
  userName?: string;
  /** The core action: the button's value (its action_id may carry a uniqueness suffix). */
  action: string;
  /** The ts of the message that carried the button. */
  messageId?: string;
  responseUrl?: string;
  /** The button was on a message only the presser sees: an ephemeral one, or one in their DM with the bot. */
  onPrivateMessage: boolean;
  /** Opens a modal (views.open) within 3 seconds of the press. */
  triggerId?: string;
}

/** A block_actions body and the one action Bolt picked from it. */
export function readBlockAction(body: unknown, action: unknown): ActionPayload | null {
  if (field(body, 'type') !== 'block_actions') return null;
  const user = child(body, 'user');
  const userId = field(user, 'id');
  const teamId = field(child(body, 'team'), 'id') ?? field(user, 'team_id');
  const channelId = field(child(body, 'channel'), 'id') ?? field(child(body, 'container'), 'channel_id');
  const value = field(action, 'value') ?? field(action, 'action_id');
  if (!userId || !teamId || !channelId || !value) return null;
  const userName = field(user, 'name') ?? field(user, 'username');
  const messageId = field(child(body, 'container'), 'message_ts') ?? field(child(body, 'message'), 'ts');
  const responseUrl = field(body, 'response_url');
  const container = child(body, 'container');
  // Slack's DM channel ids start with D; a DM with the bot has only the bot and the presser in it.
  const onPrivateMessage = container?.['is_ephemeral'] === true || channelId.startsWith('D');
  const triggerId = field(body, 'trigger_id');
  return {
    ...(triggerId ? { triggerId } : {}),
    teamId,
    channelId,
    userId,
    ...(userName ? { userName } : {}),
    action: value,
    onPrivateMessage,
    ...(messageId ? { messageId } : {}),
    ...(responseUrl ? { responseUrl } : {}),
  };
}

export interface ReactionPayload {
  teamId: string;
  channelId: string;
  messageTs: string;
  userId: string;
  reaction: string;
}

/** A reaction_added event on a message; reactions on files and file comments are not questions. */
export function readReaction(body: unknown): ReactionPayload | null {
  const event = child(body, 'event');
  const item = child(event, 'item');
  if (field(event, 'type') !== 'reaction_added' || field(item, 'type') !== 'message') return null;
  const teamId = field(body, 'team_id');
  const channelId = field(item, 'channel');
  const messageTs = field(item, 'ts');
  const userId = field(event, 'user');
  const reaction = field(event, 'reaction');
  if (!teamId || !channelId || !messageTs || !userId || !reaction) return null;
  return { teamId, channelId, messageTs, userId, reaction };
}

/**
 * Slack escapes `&`, `<` and `>` in what people type; mentions stay `<@U123|name>`, which the core
 * reads for user options. `&amp;` goes last so `&amp;lt;` stays the literal text `&lt;`.
 */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
