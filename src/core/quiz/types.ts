import type { SelfGrade } from '../scoring/grades.js';
import type { ChannelRef, UserRef } from '../refs.js';

/** One question of a round as stored: a snapshot, so a bank reload mid-round changes nothing. */
export interface RoundQuestion {
  questionId: string;
  category: string | null;
  /** Markdown, as the bank has it. */
  question: string;
  answer: string;
  /** `typed`: a short answer typed into a form (match.ts), self-graded when it does not match. */
  kind: 'choice' | 'typed' | 'flashcard';
  /** For `typed`: what a typed answer may match (the short answer and the bank's `Accept:` aliases). */
  accept?: string[];
  /** Plain-text gists in button order (A, B, …); empty for a flashcard. */
  choices: string[];
  /** Index of the right gist in `choices`; -1 for a flashcard. */
  correct: number;
  /** Epoch milliseconds; null until the question is posted. */
  postedAt: number | null;
  deadline: number | null;
  messageId: string | null;
  closed: boolean;
  answers: Record<string, RoundAnswer>;
}

export interface RoundAnswer {
  /** A choice index, or a self-grade on a flashcard. */
  pick: number | SelfGrade;
  right: boolean;
  points: number;
  /** For a typed question answered by a match: what was typed (a miss is self-graded and has none). */
  typed?: string;
}

export interface RoundScore {
  name: string;
  points: number;
  right: number;
  answered: number;
}

/** The whole round under one key; `update` keeps concurrent answers from losing each other. */
export interface RoundRecord {
  id: string;
  channel: ChannelRef;
  starter: UserRef;
  solo: boolean;
  /** What the round was asked from, for the announcement and summary; null for the whole bank. */
  categories: string[] | null;
  startedAt: number;
  /** The question being asked (or about to be); equals questions.length once the round is over. */
  current: number;
  finished: boolean;
  questions: RoundQuestion[];
  scores: Record<string, RoundScore>;
}

/** What the active-round key of a channel holds. */
export interface ActiveRound {
  roundId: string;
  startedAt: number;
}
