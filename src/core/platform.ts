import type { ChannelRef, UserRef } from './refs.js';
import type { Reply } from './reply.js';

/** How a post may be retried by another attempt (another process, or this one after a crash). */
export interface PostOptions {
  /**
   * The same key on every attempt at the same post. A platform that can deduplicate creates (Discord's
   * `enforce_nonce`) answers a repeat with the first message instead of posting twice.
   */
  idempotencyKey?: string;
  /**
   * An earlier attempt with this key may have gone through (its process died mid-post). A platform that
   * cannot deduplicate creates looks for that message first and answers with it.
   */
  earlierAttempt?: boolean;
}

/**
 * What a platform can show. The core picks a message's form from these, never from a platform's name,
 * so a new adapter only has to say what it can do.
 */
export interface PlatformCapabilities {
  /**
   * A text block marked `spoiler` stays hidden until clicked (Discord's `||…||`, the playground's
   * toggle). Where it would show as plain text (Slack), the core puts hidden text behind a button.
   */
  spoilers: boolean;
}

/**
 * What the core asks of a chat platform when it speaks first (daily posts, reveals after a reaction,
 * ending a quiz round). Replies to commands and button presses are return values instead, so adapters
 * can answer inside the platform's interaction window. main.ts hands the core one port that routes by
 * `channel.platform`, so one process can serve Discord, Slack and the playground at once.
 */
export interface PlatformPort {
  /** Posts in a channel; returns the platform's id of the new message. */
  post(channel: ChannelRef, reply: Reply, opts?: PostOptions): Promise<{ messageId: string }>;
  /** Posts in the thread under a message (Slack thread_ts; a Discord thread started from it). */
  postInThread(channel: ChannelRef, parentMessageId: string, reply: Reply): Promise<{ messageId: string }>;
  /**
   * Shows a reply to one person outside any interaction: a Slack ephemeral message in the channel, a
   * Discord DM (or, when DMs are closed, a spoiler in a thread under `parentMessageId`).
   */
  sendPrivate(channel: ChannelRef, user: UserRef, reply: Reply, opts?: { parentMessageId?: string }): Promise<void>;
  /** Replaces a message the bot posted (e.g. disables the buttons of a finished quiz round). */
  update(channel: ChannelRef, messageId: string, reply: Reply): Promise<void>;
  /** What the channel's platform can show (the same for every channel of one platform today). */
  capabilities(channel: ChannelRef): PlatformCapabilities;
}

/**
 * The platform said no for a reason that retrying will not fix (the bot lacks a permission, the channel
 * is gone or archived). Adapters throw it, with a message that says what to change, so the daily
 * service reports at once instead of retrying for the whole catch-up window.
 */
export class PlatformRefusal extends Error {
  override readonly name: string = 'PlatformRefusal';
}

export function isPlatformRefusal(err: unknown): err is PlatformRefusal {
  return err instanceof PlatformRefusal;
}
