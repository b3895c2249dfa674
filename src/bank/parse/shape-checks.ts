import type { Block } from './blocks.js';
import { codeRunLength, isCodeLine, refersToCode } from './code-lines.js';
import { detailsTokens } from './details.js';
import type { DifficultyLegend } from './difficulty.js';
import { isQuestionHeading } from './headings.js';
import { asks, boldOnly, looksLikeQuestion, numberedLine, questionPrefixed } from './lines.js';
import { splitQuestionMarkers } from './markers.js';

/** Checks on the shape of a line or block, which the named rules (line-rules.ts, item-rules.ts) build on. */

type ItemBlock = Extract<Block, { kind: 'item' }>;

/** Whether a block opens a question: what makes the line before it a section title rather than an answer. */
export function startsQuestion(next: Block | undefined, legend: DifficultyLegend): boolean {
  switch (next?.kind) {
    case 'line': {
      const t = next.text;
      const numbered = numberedLine(t);
      return questionPrefixed(t) !== null || (numbered !== null && looksLikeQuestion(numbered.rest)) || boldQuestion(t, legend) !== null || asks(t);
    }
    case 'item':
      return looksLikeQuestion(next.firstLines.join(' '));
    case 'heading':
      return isQuestionHeading(next.text, legend);
    case 'html':
      return detailsTokens(next.raw).some((t) => t.kind === 'summary');
    case 'qa-table':
      return true;
    default:
      return false;
  }
}

/** A bold line that asks: `**What is RAG?**`, `**RAG or fine-tuning? 👶**`, `**Explain the KV cache**`. */
export function boldQuestion(text: string, legend: DifficultyLegend): string | null {
  const bold = boldPrompt(text, legend);
  if (bold === null) return null;
  return asks(bold) || (bold.split(/\s+/).length >= 3 && looksLikeQuestion(bold)) ? bold : null;
}

/** The words of a bold-only line with its markers off, unless it is a label (`**Steps:**`). */
export function boldPrompt(text: string, legend: DifficultyLegend): string | null {
  if (!/^\s*(?:\*\*|__)/.test(text)) return null;
  const bold = boldOnly(splitQuestionMarkers(text, legend).text) ?? boldOnly(text);
  if (bold === null || /:\s*$/.test(bold)) return null;
  return splitQuestionMarkers(bold, legend).text;
}

/**
 * Where a numbered item's question ends: at the line that asks, so the lines under it are its answer,
 * unless the question points at code under it ("What does this print?"), which then belongs to it.
 */
export function questionEnd(lines: string[]): number {
  const asked = lines.findIndex((l, i) => i < lines.length - 1 && asks(l));
  if (asked < 0) return lines.length;
  return asked + 1 + (refersToCode(lines[asked] ?? '') ? codeRunLength(lines, asked + 1) : 0);
}

/** A question line an editor wrapped: it has no closing punctuation and the next line carries on in lower case. */
export function isWrapped(questionLines: string[], next: string): boolean {
  const last = questionLines[questionLines.length - 1] ?? '';
  return !/[.?!:;)"”]\s*$/.test(last) && /^[\p{Ll}(]/u.test(next.trim());
}

/** A code line right under a code line of the question, or under a question pointing at code. */
export function codeUnderQuestion(questionLines: string[], next: string): boolean {
  const last = questionLines[questionLines.length - 1] ?? '';
  return isCodeLine(next) && (isCodeLine(last) || (asks(last) && refersToCode(last)));
}

export function itemMarkdown(b: ItemBlock): string {
  const marker = b.ordered ? `${b.number ?? 1}. ` : '- ';
  const pad = ' '.repeat(marker.length);
  // The task box stays: `- [x]` in an answer is what the author ticked (multiple-choice options, choices.ts).
  const box = b.checked === null ? '' : b.checked ? '[x] ' : '[ ] ';
  return (
    marker +
    box +
    b.body
      .split('\n')
      .map((l, i) => (i === 0 || l === '' ? l : pad + l))
      .join('\n')
  );
}

export function splitTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);
}
