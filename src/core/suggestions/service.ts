import type { ActionInvocation } from '../actions.js';
import type { ChannelRef, UserRef, WorkspaceRef } from '../refs.js';
import type { Reply } from '../reply.js';
import type { Suggestion, SuggestionFields, SuggestionSettings } from './types.js';

/** Suggestions and their moderation; every admin check is here, for commands, buttons, forms and the dashboard alike. */
export interface SuggestionsService {
  /** The form for a new suggestion (with words for where it cannot open). */
  form(): Reply;
  /** A new pending suggestion from typed or form fields; posted to the moderation channel when there is one. */
  create(raw: Partial<Record<keyof SuggestionFields, string>>, who: { user: UserRef; channel: ChannelRef }, now: Date): Promise<Suggestion>;
  mine(user: UserRef): Promise<Suggestion[]>;
  /** Admins only (throws not-allowed otherwise). */
  pending(ws: WorkspaceRef, isAdmin: boolean): Promise<Suggestion[]>;
  all(ws: WorkspaceRef, isAdmin: boolean): Promise<Suggestion[]>;
  approve(ws: WorkspaceRef, id: string, admin: Moderator, now: Date): Promise<Suggestion>;
  reject(ws: WorkspaceRef, id: string, reason: string, admin: Moderator, now: Date): Promise<Suggestion>;
  edit(ws: WorkspaceRef, id: string, raw: Partial<Record<keyof SuggestionFields, string>>, admin: Moderator): Promise<Suggestion>;
  settings(ws: WorkspaceRef): Promise<SuggestionSettings>;
  /** Every workspace with suggestions (the dashboard). */
  workspaces(): Promise<WorkspaceRef[]>;
  /**
   * Where new suggestions go for review (null: nowhere). A channel other than `from`, where the admin
   * asked, first gets a note saying so: a channel the bot cannot post in is refused, nothing changed.
   */
  setModChannel(channel: ChannelRef | null, isAdmin: boolean, ws: WorkspaceRef, from?: { channel: ChannelRef; by: UserRef }): Promise<void>;
  /** How many of this person's suggestions joined the bank. */
  contributed(user: UserRef): Promise<number>;
  topContributors(ws: WorkspaceRef, n: number): Promise<{ userId: string; name: string; count: number }[]>;
  handleAction(inv: ActionInvocation): Promise<Reply>;
}

export interface Moderator {
  user: UserRef;
  isAdmin: boolean;
}
