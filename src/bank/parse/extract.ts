import type { Block } from './blocks.js';
import { readLegend } from './difficulty.js';
import type { RawQuestion } from './draft.js';
import type { ExtractWarning } from './finish.js';
import { isHeadingBank, readHeading } from './heading-bank.js';
import { readItem } from './item-rules.js';
import { readLine } from './line-rules.js';
import { BankReader, type ExtractDefaults, type RuleTrace } from './reader.js';
import { boldQuestion } from './shape-checks.js';

export type { ExtractWarning } from './finish.js';
export type { ExtractDefaults, RuleTrace } from './reader.js';

/**
 * Reads a file's blocks as a person reads a question bank. Two readings exist:
 * - heading banks (`### Q12. …`, `## What is X?`, heading-bank.ts): questions are headings, everything
 *   under one is its answer, and lists there are answer content;
 * - list banks (numbered items, plain lines, titled lists; line-rules.ts, item-rules.ts): questions are
 *   items or lines, answers are marked (`- Answer`, `>[!Ans]`, `A:`, `my ans -`) or are the text that
 *   follows a question.
 * `<details>` blocks and `Q:`/`A:` pairs are read the same way in both. Within a reading, each block
 * goes through an ordered list of named rules, the first that takes it wins (see README.md here).
 * Text that is neither question nor answer (preambles, tables of contents, advice) is never kept, but a
 * block that looks like a question and is not taken gets a warning saying why.
 */
export function extractQuestions(blocks: Block[], defaults: ExtractDefaults = {}, trace?: RuleTrace): { questions: RawQuestion[]; warnings: ExtractWarning[] } {
  const { legend, lines: legendLines } = readLegend(blocks.flatMap((b) => (b.kind === 'line' ? [b] : b.kind === 'item' ? [{ line: b.line, text: b.firstLines.join(' ') }] : [])));
  const r = new BankReader(blocks, {
    defaults,
    legend,
    legendLines,
    headingBank: isHeadingBank(blocks, legend),
    boldBank: blocks.filter((b) => b.kind === 'line' && boldQuestion(b.text, legend) !== null).length >= 2,
    ...(trace ? { trace } : {}),
  });
  blocks.forEach((block, i) => {
    r.index = i;
    visit(r, block);
    r.prev = block;
  });
  r.details.closeAll();
  r.finish();
  r.settlePending();
  return { questions: r.out, warnings: r.warnings };
}

function visit(r: BankReader, b: Block): void {
  if ((b.kind === 'line' || b.kind === 'item') && r.legendLines.has(b.line)) return;
  r.checkLinks(b);
  if (b.kind === 'html') return r.html(b);
  if (b.kind === 'qa-table') return r.qaTable(b);
  if (r.details.open && r.current && b.kind !== 'heading') return r.answerContent(b);
  switch (b.kind) {
    case 'heading':
      return readHeading(r, b);
    case 'break':
      return r.finish();
    case 'line':
      return r.headingBank ? r.answerContent(b) : readLine(r, b);
    case 'item':
      return r.headingBank ? r.answerContent(b) : readItem(r, b);
    case 'quote':
    case 'content':
      return r.answerContent(b);
  }
}
