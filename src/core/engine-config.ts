import type { Grade } from './scoring/grades.js';

/** Workspace-independent rules of the game; main.ts builds it from the environment. */
export interface EngineConfig {
  /** Self-grade points for a daily question (and quiz flashcards). */
  points: Record<Grade, number>;
  /** A daily post takes grades for this long; later grades count for stats but score nothing. */
  gradeWindowMs: number;
  /** Bonus points per graded daily post once a streak reaches `fromStreak`. */
  streakBonus: { fromStreak: number; points: number };
  /** Reaction names (normalized) that reveal a daily answer. */
  revealReactions: string[];
  /** A slot missed while the bot was down is still posted this long after its time. */
  catchUpGraceMs: number;
  /**
   * How long one process may hold a daily slot while it posts. When it dies holding it, another process
   * (or the restarted one) takes the slot over after this long, so keep it longer than a slow post.
   */
  slotLeaseMs: number;
  /** How often each process looks for due slots and retries failed ones; divides a minute or an hour. */
  scheduleCheckMs: number;
  /** Weeks and months of a workspace are counted in this zone until an admin sets another. */
  defaultTimezone: string;
  /** PRACTICE_POINTS=on: Good/Easy on a due practice card scores a got-it grade's points; off, practice cannot be farmed. */
  practicePoints: boolean;
  quiz: {
    defaultQuestions: number;
    maxQuestions: number;
    /** Time to answer one multiple-choice question. */
    timeLimitMs: number;
    /** Points for a right choice, plus a bonus for answering in the first, second… share of the time. */
    correctPoints: number;
    speedBonus: number[];
    /** Answers longer than this (as plain text) are asked as flashcards rather than multiple choice. */
    maxChoiceChars: number;
  };
}

export const defaultEngineConfig: EngineConfig = {
  points: { got: 3, partly: 1, missed: 0, discussed: 1 },
  gradeWindowMs: 24 * 60 * 60 * 1000,
  streakBonus: { fromStreak: 3, points: 1 },
  revealReactions: ['eyes'],
  catchUpGraceMs: 2 * 60 * 60 * 1000,
  slotLeaseMs: 2 * 60 * 1000,
  scheduleCheckMs: 60_000,
  defaultTimezone: 'UTC',
  practicePoints: false,
  quiz: {
    defaultQuestions: 5,
    maxQuestions: 20,
    timeLimitMs: 30_000,
    correctPoints: 3,
    speedBonus: [2, 1, 0],
    maxChoiceChars: 160,
  },
};
