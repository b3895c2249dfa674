import type { Difficulty } from '../../bank/types.js';
import type { ChannelRef, UserRef } from '../refs.js';

export type SuggestionState = 'pending' | 'approved' | 'rejected';

/** What a person proposes; every text as they typed it (trimmed), rendered like any bank question. */
export interface SuggestionFields {
  question: string;
  /** null: a discussion question with no single answer. */
  answer: string | null;
  category: string | null;
  tags: string[];
  difficulty: Difficulty | null;
}

export interface Suggestion extends SuggestionFields {
  /** `s<n>`, per workspace: short enough to type (`suggest approve s12` is not needed, but ids show in lists). */
  id: string;
  author: UserRef;
  /** The author's name as the platform showed it when they suggested: "suggested by <name>". */
  authorName: string;
  /** Where it was suggested: the author is told privately there. */
  channel: ChannelRef;
  state: SuggestionState;
  /** ISO instants. */
  createdAt: string;
  decidedAt?: string;
  decidedBy?: string;
  /** Why it was rejected, told to the author only. */
  reason?: string;
  /** The bank id it joined as, once approved. */
  questionId?: string;
  /** The moderation channel's post for it, updated when it is decided. */
  modPost?: { channel: ChannelRef; messageId: string };
}

/** One workspace's suggestions: one JSON value, changed atomically (store.update), so two processes never double a decision. */
export interface SuggestionBook {
  seq: number;
  items: Suggestion[];
  /** Approved suggestions per author (user id): kept when old decided items are pruned. */
  contributed: Record<string, { name: string; count: number }>;
}

export interface SuggestionSettings {
  /** Where admins get each new suggestion with Approve / Edit / Reject; null: nowhere (the dashboard still lists them). */
  modChannel: ChannelRef | null;
}

export interface SuggestionLimits {
  /** Pending suggestions one person may have at once. */
  pendingPerPerson: number;
  /** At most `rate.count` new suggestions per person within `rate.windowMs`. */
  rate: { count: number; windowMs: number };
  question: number;
  answer: number;
  category: number;
  tag: number;
  tags: number;
  reason: number;
}

export const DEFAULT_SUGGESTION_LIMITS: SuggestionLimits = {
  pendingPerPerson: 10,
  rate: { count: 5, windowMs: 10 * 60_000 },
  question: 2_000,
  answer: 3_000,
  category: 100,
  tag: 50,
  tags: 20,
  reason: 500,
};
