import { contentWords, jaccard } from '../../bank/similarity.js';

/** What a short answer is, for the rule at the top of build.ts. */
export const SHORT_WORDS = 25;
const TERM_WORDS = 6;
/** How much longer the longest choice may be than the shortest (each counted as at least FLOOR characters). */
const LENGTH_RATIO = 2.5;
const FLOOR = 10;
/** Questions this alike ask nearly the same, so each one's answer would be as right for the other. */
const SAME_SUBJECT = 0.5;

export type AnswerKind = 'number' | 'term' | 'statement';

const NUMBER = /^[~≈<>≤≥±+−-]?\s?[$€£]?\d[\d,.\s]*(?:%|[\p{L}µ°/]{1,8})?\.?$/u;

export function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A number (with a unit), a term (a name or phrase of a few words), or a statement (a sentence). */
export function answerKind(text: string): AnswerKind {
  if (NUMBER.test(text) && words(text) <= 3) return 'number';
  return words(text) <= TERM_WORDS ? 'term' : 'statement';
}

export function isShort(text: string, maxChars: number): boolean {
  return text.length > 0 && text.length <= maxChars && words(text) <= SHORT_WORDS;
}

/** Two choices that a glance at their length or shape would tell apart are not offered together. */
export function sameKind(a: string, b: string): boolean {
  if (answerKind(a) !== answerKind(b)) return false;
  const [short, long] = [Math.max(a.length, FLOOR), Math.max(b.length, FLOOR)].sort((x, y) => x - y) as [number, number];
  return long <= short * LENGTH_RATIO;
}

/** Case, spacing and a final stop make no other choice. */
export function sameness(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!?]+$/, '')
    .trim();
}

/**
 * A wrong choice that may be as right as the right one: the answer to nearly the same question, or a
 * choice that says the right answer over (one holds the other).
 */
export function defensible(question: string, right: string, otherQuestion: string, other: string): boolean {
  const [a, b] = [sameness(right), sameness(other)];
  if (a.includes(b) || b.includes(a)) return true;
  return jaccard(contentWords(question), contentWords(otherQuestion)) >= SAME_SUBJECT;
}
