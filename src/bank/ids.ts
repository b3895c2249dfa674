import { createHash } from 'node:crypto';
import { plainInline } from './parse/lines.js';

/**
 * The words of a question, with formatting, quotes, punctuation, case and spacing folded away, so the
 * same question re-wrapped, renumbered or typed with curly quotes keeps its id.
 */
export function normalizeQuestionText(markdown: string): string {
  return plainInline(markdown)
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** 12 hex digits (48 bits): collision odds stay below one in ten thousand at 100,000 questions. */
export function questionId(markdown: string): string {
  return createHash('sha256').update(normalizeQuestionText(markdown)).digest('hex').slice(0, 12);
}
