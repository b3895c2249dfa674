import type { Question } from '../../bank/types.js';
import { type Random, shuffle } from '../random.js';
import { LETTERS } from './action-ids.js';
import type { RoundQuestion } from './types.js';

/** A question with an answer; rounds never ask anything else. */
export type AnsweredQuestion = Question & { answer: string };

export interface BuildOptions {
  random: Random;
  maxChoiceChars: number;
  /** The gist of an answer, or null when it has none fit for a button (cached by the caller). */
  gist: (q: AnsweredQuestion) => string | null;
}

/**
 * Turns picked questions into round questions: multiple choice when the right gist fits and the same
 * category offers enough other gists to be wrong with, a flashcard otherwise. `pool` is every answered
 * question the bank has, so distractors come from the whole category, not just this round.
 */
export function buildRoundQuestions(picked: readonly AnsweredQuestion[], pool: readonly AnsweredQuestion[], opts: BuildOptions): RoundQuestion[] {
  return picked.map((q) => {
    const choices = choicesFor(q, pool, opts);
    const base = { questionId: q.id, category: q.category, question: q.question, answer: q.answer, postedAt: null, deadline: null, messageId: null, closed: false, answers: {} };
    if (!choices) return { ...base, kind: 'flashcard', choices: [], correct: -1 };
    return { ...base, kind: 'choice', choices: choices.choices, correct: choices.correct };
  });
}

function choicesFor(q: AnsweredQuestion, pool: readonly AnsweredQuestion[], opts: BuildOptions): { choices: string[]; correct: number } | null {
  const right = fitting(opts.gist(q), opts.maxChoiceChars);
  if (right === null) return null;
  const seen = new Set([sameness(right)]);
  const candidates: string[] = [];
  for (const other of pool) {
    if (other.id === q.id || other.category !== q.category) continue;
    // Only gists that fit unshortened: an ellipsis on the wrong choices alone would give the right one away.
    const gist = fitting(opts.gist(other), opts.maxChoiceChars);
    if (gist === null || seen.has(sameness(gist))) continue;
    seen.add(sameness(gist));
    candidates.push(gist);
  }
  const wrongCount = LETTERS.length - 1;
  if (candidates.length < wrongCount) return null;
  const choices = shuffle([right, ...shuffle(candidates, opts.random).slice(0, wrongCount)], opts.random);
  return { choices, correct: choices.indexOf(right) };
}

function fitting(gist: string | null, max: number): string | null {
  const trimmed = gist?.trim() ?? '';
  return trimmed.length > 0 && trimmed.length <= max ? trimmed : null;
}

/** Two gists that differ only in case, spacing or a final stop are the same choice. */
function sameness(gist: string): string {
  return gist
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '')
    .trim();
}
