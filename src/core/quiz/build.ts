/**
 * How a round asks each question — the rule a person can trust:
 *
 * 1. A question that carries its own options (a bank's `A) …` / `- [x]` with a key, `Question.choices`)
 *    is asked with them as written, in the author's order, the author's key right. With more options than
 *    there are buttons (LETTERS), the right one and randomly picked others, still in the author's order.
 * 2. Any other question is multiple choice only when every choice is a COMPLETE, SHORT answer of the
 *    SAME KIND as the right one:
 *    - complete: a choice is the whole of some answer, never a part of it. The answer is one paragraph of
 *      at most one sentence (gist.ts); one with a second sentence, a list, code or a table is never cut to
 *      its first part (which made "Batch vs layer normalization" keep only the batch half).
 *    - short: at most `maxChoiceChars` characters and SHORT_WORDS (25) words (choice-rule.ts).
 *    - same kind: from the question's category; of the same shape — a number (with its unit), a term
 *      (up to 6 words) or a statement (longer) — and of a like length (the longest at most 2.5× the
 *      shortest), so neither shape nor length gives the right one away.
 *    - not as defensible: no wrong choice is the answer to nearly the same question (half its content
 *      words shared), and none holds or is held by the right answer.
 *    With three such wrong choices the question has four; with fewer,
 * 3. it is typed, when the bank gives `Accept:` aliases or the answer is a number or a term of at most
 *    three words: the person types it (a form), match.ts judges it, and a miss shows the answer to
 *    grade yourself by;
 * 4. otherwise a flashcard: reveal the answer, then grade yourself.
 *
 * Within one round, no question's right answer is ever a wrong choice of another.
 */
import { renderPlain } from '../../bank/render/plain.js';
import type { Question } from '../../bank/types.js';
import { type Random, shuffle } from '../random.js';
import { LETTERS } from './action-ids.js';
import { answerKind, defensible, isShort, sameKind, sameness, words } from './choice-rule.js';
import type { RoundQuestion } from './types.js';

/** A question with an answer; rounds never ask anything else. */
export type AnsweredQuestion = Question & { answer: string };

export interface BuildOptions {
  random: Random;
  maxChoiceChars: number;
  /** The whole answer as one line, or null when it is more than one sentence (cached by the caller). */
  gist: (q: AnsweredQuestion) => string | null;
}

/** An answer this short (or a number) is asked to be typed when it cannot have choices. */
const TYPED_WORDS = 3;

/** Wrong choices a made-up question needs: four buttons in all. */
const WRONG_CHOICES = 3;

/** `pool` is every answered question the bank has, so wrong choices come from the whole category, not just this round. */
export function buildRoundQuestions(picked: readonly AnsweredQuestion[], pool: readonly AnsweredQuestion[], opts: BuildOptions): RoundQuestion[] {
  const rightInRound = new Set(picked.flatMap((q) => rightAnswer(q, opts) ?? []).map(sameness));
  return picked.map((q) => {
    const choices = ownChoices(q, opts.random) ?? madeChoices(q, pool, rightInRound, opts);
    const base = { questionId: q.id, category: q.category, question: q.question, answer: q.answer, postedAt: null, deadline: null, messageId: null, closed: false, answers: {} };
    const accept = choices ? null : typedAnswers(q, opts);
    if (accept) return { ...base, kind: 'typed', choices: [], correct: -1, accept };
    if (!choices) return { ...base, kind: 'flashcard', choices: [], correct: -1 };
    return { ...base, kind: 'choice', choices: choices.choices, correct: choices.correct };
  });
}

/** What a button for the right answer would say, if the question gets buttons at all. */
function rightAnswer(q: AnsweredQuestion, opts: BuildOptions): string | null {
  if (q.choices && q.correct !== undefined) return plainChoice(q.choices[q.correct] ?? '');
  const gist = opts.gist(q);
  return gist !== null && isShort(gist, opts.maxChoiceChars) ? gist : null;
}

function ownChoices(q: AnsweredQuestion, random: Random): { choices: string[]; correct: number } | null {
  const { choices, correct } = q;
  if (!choices || correct === undefined || choices.length < 2) return null;
  let kept = choices.map((_, i) => i);
  if (kept.length > LETTERS.length) {
    const others = shuffle(
      kept.filter((i) => i !== correct),
      random,
    ).slice(0, LETTERS.length - 1);
    kept = [correct, ...others].sort((a, b) => a - b);
  }
  return { choices: kept.map((i) => plainChoice(choices[i] ?? '')), correct: kept.indexOf(correct) };
}

function madeChoices(q: AnsweredQuestion, pool: readonly AnsweredQuestion[], rightInRound: ReadonlySet<string>, opts: BuildOptions): { choices: string[]; correct: number } | null {
  const right = rightAnswer(q, opts);
  if (right === null) return null;
  const seen = new Set([sameness(right)]);
  const candidates: string[] = [];
  for (const other of pool) {
    if (other.id === q.id || other.category !== q.category || other.choices) continue;
    const wrong = opts.gist(other);
    if (wrong === null || !isShort(wrong, opts.maxChoiceChars) || !sameKind(right, wrong)) continue;
    const key = sameness(wrong);
    if (seen.has(key) || rightInRound.has(key) || defensible(q.question, right, other.question, wrong)) continue;
    seen.add(key);
    candidates.push(wrong);
  }
  if (candidates.length < WRONG_CHOICES) return null;
  const choices = shuffle([right, ...shuffle(candidates, opts.random).slice(0, WRONG_CHOICES)], opts.random);
  return { choices, correct: choices.indexOf(right) };
}

/** What a typed answer may match, when the question is one to type: aliases given, or a short term or number. */
function typedAnswers(q: AnsweredQuestion, opts: BuildOptions): string[] | null {
  const gist = opts.gist(q);
  const short = gist !== null && (answerKind(gist) === 'number' || words(gist) <= TYPED_WORDS) ? gist : null;
  const accept = [...(short ? [short] : []), ...(q.accept ?? [])];
  return (q.accept && q.accept.length > 0) || short ? accept : null;
}

/** An option is inline Markdown in the bank; a choice is plain text (quiz replies escape it). */
function plainChoice(markdown: string): string {
  return renderPlain(markdown).replace(/\s+/g, ' ').trim();
}
