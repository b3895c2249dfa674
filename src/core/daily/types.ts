import type { Schedule } from '../../scheduler/index.js';
import type { ChannelRef, UserRef } from '../refs.js';

/** When the whole channel sees the answer in the thread under the post. */
export type PublicTrigger =
  /** A local wall time in the channel's zone: the first such time after the post. */
  | { kind: 'time'; hour: number; minute: number }
  /** Once this many different people have reacted. */
  | { kind: 'reactions'; count: number };

/**
 * How a daily answer is shown: to each reactor privately, once in the thread as a spoiler, or publicly
 * in the thread at a set moment. Stored with each post, so changing it never changes earlier posts.
 */
export type RevealMode = { kind: 'private' } | { kind: 'thread' } | { kind: 'public-at'; trigger: PublicTrigger };

/** Which questions a channel draws from; empty lists on both sides mean the whole bank. */
export interface QuestionScope {
  categories: string[];
  tags: string[];
  /** What the admin typed, for status lines. */
  typed: string;
}

/** One channel's daily question settings as stored (JSON-safe). */
export interface DailyChannelSettings {
  channel: ChannelRef;
  schedule: Schedule;
  scope: QuestionScope | null;
  reveal: RevealMode;
  /** Also post questions the bank has no answer for (they become discussion prompts). */
  discussion: boolean;
  /** The admin who set it: failures are reported to them. */
  setBy: UserRef;
  /** ISO instant. */
  setAt: string;
  enabled: boolean;
}

/** What an admin typed for `daily set`; everything is validated by the service. */
export interface DailyConfigureInput {
  /** `09:30`, `9am`, or a 5-field cron line. */
  when: string;
  /** `daily` (default), `weekdays`, `weekends`, `mon,wed,fri`. */
  days?: string;
  /** IANA name; defaults to the channel's current zone, then the engine's default. */
  timezone?: string;
  /** Comma-separated category or tag names as typed; `all` clears the filter. Unset keeps the current one. */
  categories?: string;
  /** `private`, `thread`, `public-at 17:00`, `public-at after 3`. Unset keeps the current mode. */
  reveal?: string;
  /** Unset keeps the current choice (off for a new channel). */
  discussion?: boolean;
}

/** A daily question as posted; keyed by postId, reachable from the platform message id. */
export interface DailyPost {
  postId: string;
  channel: ChannelRef;
  messageId: string;
  questionId: string;
  category: string | null;
  /** ISO instants. */
  postedAt: string;
  closesAt: string;
  /** 1, 2, 3… per channel, so streaks can see consecutive posts. */
  dailySeq: number;
  revealMode: RevealMode;
  /** The schedule slot it answered, or null for a manual `daily now`. */
  slotKey: string | null;
  /** Set when a public reveal is due at a time (ISO). */
  publicRevealAt?: string;
}

/** Something that went wrong for a channel, kept so `daily status` can show it. */
export interface DailyProblem {
  kind: 'post-failed' | 'missed' | 'nothing-to-post';
  slotKey: string | null;
  /** ISO instant it was noticed. */
  at: string;
  message: string;
}

export interface DailyStatus {
  settings: DailyChannelSettings | null;
  /** `09:30 on weekdays, Europe/Berlin`; null when never set. */
  schedule: string | null;
  /** The next runs in the channel's local time: `Tue 24 Nov, 09:30 (Europe/Berlin)`; empty when off. */
  nextRuns: string[];
  lastPost: (DailyPost & { postedLocal: string }) | null;
  /** Most recent first. */
  problems: DailyProblem[];
  /** The reaction that reveals answers (normalized name, e.g. `eyes`), for describing the reveal mode. */
  revealReaction: string;
}
