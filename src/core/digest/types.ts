import type { TimeOfDaySchedule } from '../../scheduler/index.js';
import type { ChannelRef, UserRef } from '../refs.js';

/** One channel's weekly digest as stored (JSON-safe). The schedule names exactly one weekday. */
export interface DigestSettings {
  channel: ChannelRef;
  schedule: TimeOfDaySchedule;
  /** The admin who set it: failures are reported to them. */
  setBy: UserRef;
  /** ISO instant. */
  setAt: string;
  enabled: boolean;
}

/** What an admin typed for `digest set`; validated by the service. */
export interface DigestConfigureInput {
  /** `sun`, `sunday`, `mon` … */
  weekday: string;
  /** `18:00`, `6pm`. */
  time: string;
  /** IANA name; defaults to the channel's current zone, then the workspace's scoring zone. */
  timezone?: string;
}

/** Movement on a board since the week before: places up (positive) or down, or not on it then. */
export type Movement = { kind: 'new' } | { kind: 'moved'; by: number };

export interface DigestRow {
  rank: number;
  /** User id or team id. */
  id: string;
  name: string;
  points: number;
  movement: Movement;
}

export interface StreakRow {
  userId: string;
  name: string;
  /** Consecutive daily posts of this channel the person graded, up to the latest. */
  streak: number;
}

export interface MostMissed {
  questionId: string;
  question: string;
  /** Markdown. Questions without an answer (discussion prompts) are never chosen. */
  answer: string;
  missed: number;
  /** Grades given on it that week, missed included. */
  graded: number;
}

/** Spaced-repetition figures of the workspace when practice is running (what its stats offer). */
export interface PracticeFigures {
  /** People holding at least one card. */
  people: number;
  /** Cards held, over everyone. */
  cards: number;
  /** Reviews over the last 30 days, over everyone. */
  reviews30: number;
  /** People whose practice streak is still running. */
  onStreak: number;
}

/** Everything one digest says, computed from the store for one week in the channel's zone. */
export interface DigestContent {
  /** `2026-W48`. */
  weekId: string;
  /** `week 48, 2026 (23 Nov – 29 Nov)`. */
  weekLabel: string;
  people: DigestRow[];
  teams: DigestRow[];
  streaks: StreakRow[];
  participation: { thisWeek: number; weekBefore: number };
  mostMissed: MostMissed | null;
  practice: PracticeFigures | null;
}

/** A digest as posted; keyed by postId so the answer button can find its question. */
export interface DigestPost {
  postId: string;
  channel: ChannelRef;
  messageId: string;
  weekId: string;
  /** The most-missed question, whose answer the button shows. */
  questionId: string | null;
  /** ISO instant. */
  postedAt: string;
  /** The slot it answered, null for `digest now` and season ends. */
  slotKey: string | null;
}

export interface DigestProblem {
  kind: 'post-failed' | 'missed';
  slotKey: string | null;
  /** ISO instant it was noticed. */
  at: string;
  message: string;
}

export interface DigestStatus {
  settings: DigestSettings | null;
  /** `18:00 on Sun, Europe/Berlin`; null when never set. */
  schedule: string | null;
  /** The next run in the channel's local time; null when off. */
  nextRun: string | null;
  lastPost: (DigestPost & { postedLocal: string }) | null;
  /** Most recent first. */
  problems: DigestProblem[];
}
