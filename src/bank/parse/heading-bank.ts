import type { Block } from './blocks.js';
import type { DifficultyLegend } from './difficulty.js';
import { appendAnswer } from './draft.js';
import { cleanCategory, isQuestionHeading, questionHeadingText } from './headings.js';
import type { BankReader } from './reader.js';
import { type Rule, applyRules } from './rules.js';

type HeadingBlock = Extract<Block, { kind: 'heading' }>;

/**
 * The heading reading (`### Q12. …`, `## What is X?`): questions are headings, everything under one is
 * its answer, and lines and lists there are answer content. A file reads this way when two headings
 * ask, or one is numbered like a question (`## Q1 …`); any other file is a list bank (line-rules.ts).
 */
export function isHeadingBank(blocks: readonly Block[], legend: DifficultyLegend): boolean {
  const questionHeadings = blocks.filter((b) => b.kind === 'heading' && isQuestionHeading(b.text, legend));
  return questionHeadings.length >= 2 || questionHeadings.some((b) => b.kind === 'heading' && /^q\s*\d/i.test(b.text));
}

/** Headings, in either reading. */
export const HEADING_RULES: readonly Rule<HeadingBlock>[] = [
  {
    name: 'question-heading',
    shape: 'heading questions',
    take(r, b) {
      if (!isQuestionHeading(b.text, r.legend)) return false;
      r.details.closeAll();
      const { text, number } = questionHeadingText(b.text);
      r.start(text, b.line, { number, headingDepth: b.depth });
      return true;
    },
  },
  {
    // `#### Example` under a `### Question?` stays in its answer.
    name: 'heading-in-answer',
    shape: 'heading questions',
    take(r, b) {
      if (r.current?.headingDepth == null || b.depth <= r.current.headingDepth) return false;
      appendAnswer(r.current, b.raw, true);
      return true;
    },
  },
  {
    name: 'section-heading',
    shape: 'section headings',
    take(r, b) {
      r.details.closeAll();
      r.newSection(cleanCategory(b.text), false);
      return true;
    },
  },
];

export function readHeading(r: BankReader, b: HeadingBlock): void {
  applyRules(HEADING_RULES, r, b);
}
