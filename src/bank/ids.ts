import { createHash } from 'node:crypto';
import { plainInline } from './parse/lines.js';

/** `Q10.`, `Question 3:`, `10)`, `7.`: numbering is where a question sits in one file, not what it asks. */
const NUMBERING = /^(?:(?:q|question)\s*\d{1,4}\s*[.):\-–]?|\d{1,4}\s*[.)])\s+/i;

/** `'s` is expanded only after words where it means "is"; elsewhere it is a possessive ("model's"). */
const IS_CONTRACTIONS = /\b(what|that|it|there|here|who|where|how|when|why|he|she)'s\b/g;
const CONTRACTIONS: [RegExp, string][] = [
  [/\bwhats\b/g, 'what is'],
  [IS_CONTRACTIONS, '$1 is'],
  [/\blet's\b/g, 'let us'],
  [/\bcan't\b/g, 'can not'],
  [/\bcannot\b/g, 'can not'],
  [/\bwon't\b/g, 'will not'],
  [/n't\b/g, ' not'],
  [/'re\b/g, ' are'],
  [/'ve\b/g, ' have'],
  [/'ll\b/g, ' will'],
  [/'d\b/g, ' would'],
  [/\bi'm\b/g, 'i am'],
];

/**
 * The words of a question, with formatting, numbering, quotes, contractions, punctuation, case and
 * spacing folded away, so "What's few-shot learning?" and "Q10. What is few-shot learning?" are one
 * question, and re-wrapping, renumbering or curly quotes keep its id.
 */
export function normalizeQuestionText(markdown: string): string {
  let text = plainInline(markdown)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(NUMBERING, '');
  for (const [pattern, replacement] of CONTRACTIONS) text = text.replace(pattern, replacement);
  return text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** 12 hex digits (48 bits): collision odds stay below one in ten thousand at 100,000 questions. */
export function questionId(markdown: string): string {
  return idOfNormalized(normalizeQuestionText(markdown));
}

/** The id of text `normalizeQuestionText` already made, for callers that need its words too. */
export function idOfNormalized(normalized: string): string {
  return createHash('sha256').update(normalized).digest('hex').slice(0, 12);
}

/** What an author may write as `Id: …` under a question: short, readable, safe in a URL and a command. */
export const EXPLICIT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
