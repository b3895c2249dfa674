import type { UserRef } from '../refs.js';
import type { PracticeDeck, PracticeRating } from './service.js';

/** ts-fsrs's Card, as plain JSON numbers (instants in ms). */
export interface FsrsState {
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  state: number;
  lastReview: number | null;
}

export interface CardRecord {
  questionId: string;
  /** The question's category at the last review, so the summary's per-category counts can follow a move. */
  category: string | null;
  fsrs: FsrsState;
  /** Again ratings from every source (practice, daily missed, quiz wrong). */
  misses: number;
  /** The last sources applied (`practice:<sid>:<n>`, `daily:<post>`, `quiz:<round>:<i>`): a redelivery is seen here and records nothing. */
  recent: string[];
}

export interface CategoryCounts {
  cards: number;
  mastered: number;
  reviews: number;
  misses: number;
}

/** Per person, updated in the same transaction as every review. */
export interface SummaryRecord {
  cards: number;
  categories: Record<string, CategoryCounts>;
  /** Local day (`2026-12-04`) → [reviews, reviews not Again], the last RETENTION_DAYS days only. */
  days: Record<string, [number, number]>;
  /** New cards a practice session introduced on `newDay` (local). */
  newDay: string | null;
  newCount: number;
  /** Practice-session streak: the last local day with a review, and the run up to it. */
  streakDay: string | null;
  streak: number;
  bestStreak: number;
}

export interface SessionCard {
  questionId: string;
  /** True when the card did not exist when shown: grading it spends one of today's new cards. */
  isNew: boolean;
  /** True when it was due when shown: only due cards can earn points (PRACTICE_POINTS). */
  wasDue: boolean;
}

export interface SessionRecord {
  id: string;
  user: UserRef;
  deck: PracticeDeck;
  startedAt: number;
  /** The number of the card on screen (1-based); buttons carry it, so a stale press is known. */
  n: number;
  current: SessionCard | null;
  /** The current card was graded and the next one is not picked yet (a crash in between is resumed). */
  graded: boolean;
  ended: boolean;
  reviewed: number;
  /** Reviews not rated Again. */
  correct: number;
  /** What the last grade said ("Good: back in 4 days"), shown above the next card. */
  note: string | null;
  lastRating: PracticeRating | null;
  /** Question ids graded in this session: a weak deck shows cards that are not due and must not loop. */
  done: string[];
}

export const RETENTION_DAYS = 30;
