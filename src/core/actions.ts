import type { ChannelRef, UserRef } from './refs.js';
import type { Reaction } from './emoji.js';

/**
 * A button press as it reaches the core. Action ids are `<service>:<…>` (`daily:grade:<postId>:got`,
 * `quiz:<roundId>:<n>:<choice>`), at most 100 characters, so the engine routes on the first part.
 */
export interface ActionInvocation {
  action: string;
  user: UserRef;
  channel: ChannelRef;
  isAdmin: boolean;
  /** The platform message that carried the button, when the platform says. */
  messageId?: string;
  /**
   * A form submission (see Reply.modal): field id → what was entered ('' for an optional field left
   * empty). Only the fields the modal declared are passed on; the handler still checks every value.
   */
  values?: Readonly<Record<string, string>>;
}

/** A reaction added to a message in a channel. */
export interface ReactionInvocation {
  user: UserRef;
  channel: ChannelRef;
  messageId: string;
  reaction: Reaction;
}
