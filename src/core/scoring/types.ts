import type { ChannelRef, UserRef } from '../refs.js';
import type { Grade } from './grades.js';

/** One person's grade on one posted question (a daily post, or one question of a quiz round). */
export interface GradeRequest {
  /** The core's id of the graded post; with the user it is the idempotency key. */
  postId: string;
  kind: 'daily' | 'quiz';
  user: UserRef;
  channel: ChannelRef;
  questionId: string;
  category: string | null;
  grade: Grade;
  /** When the question was posted: its week/month/season decide which boards the points go to. */
  postedAt: Date;
  /** After this instant the grade still counts for stats but scores nothing. */
  closesAt: Date;
  /** When the grade was given (the world clock at the time). */
  at: Date;
  /** Points for this grade when not the configured self-grade points (a quiz choice with its speed bonus). */
  points?: number;
  /** Daily posts carry their sequence number in the channel, so streaks can see consecutive posts. */
  dailySeq?: number;
}

export interface GradeResult {
  grade: Grade;
  /** Points this grade now holds on the boards (0 when late). */
  points: number;
  /** Bonus awarded for the streak with this grade (only on a first, on-time daily grade). */
  bonus: number;
  /** The grade this one replaced, if the person had graded before. */
  previous: Grade | null;
  /** False when the same grade was delivered again (a retry): nothing changed. */
  changed: boolean;
  late: boolean;
  /** The person's streak in this channel after this grade (daily only). */
  streak?: number;
}
