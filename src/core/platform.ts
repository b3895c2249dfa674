import type { ChannelRef, UserRef } from './refs.js';
import type { Reply } from './reply.js';

/**
 * What the core asks of a chat platform when it speaks first (daily posts, reveals after a reaction,
 * ending a quiz round). Replies to commands and button presses are return values instead, so adapters
 * can answer inside the platform's interaction window. main.ts hands the core one port that routes by
 * `channel.platform`, so one process can serve Discord, Slack and the playground at once.
 */
export interface PlatformPort {
  /** Posts in a channel; returns the platform's id of the new message. */
  post(channel: ChannelRef, reply: Reply): Promise<{ messageId: string }>;
  /** Posts in the thread under a message (Slack thread_ts; a Discord thread started from it). */
  postInThread(channel: ChannelRef, parentMessageId: string, reply: Reply): Promise<{ messageId: string }>;
  /**
   * Shows a reply to one person outside any interaction: a Slack ephemeral message in the channel, a
   * Discord DM (or, when DMs are closed, a spoiler in a thread under `parentMessageId`).
   */
  sendPrivate(channel: ChannelRef, user: UserRef, reply: Reply, opts?: { parentMessageId?: string }): Promise<void>;
  /** Replaces a message the bot posted (e.g. disables the buttons of a finished quiz round). */
  update(channel: ChannelRef, messageId: string, reply: Reply): Promise<void>;
}
