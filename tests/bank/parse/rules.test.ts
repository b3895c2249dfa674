import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADING_RULES } from '../../../src/bank/parse/heading-bank.js';
import { ITEM_RULES } from '../../../src/bank/parse/item-rules.js';
import { LINE_RULES } from '../../../src/bank/parse/line-rules.js';
import { parseBankFile } from '../../../src/bank/parse/parse-file.js';
import { repoRoot } from '../../helpers/bank.js';

const RULES = [...HEADING_RULES, ...LINE_RULES, ...ITEM_RULES];

/** One bank per rule: the rule must take `line`, and the bank must read as `questions` ([question, answer, hints, category]). */
interface RuleCase {
  rule: string;
  file?: string;
  text: string;
  line: number;
  questions: [string, string | null, string[], string | null][];
}

const CASES: RuleCase[] = [
  {
    rule: 'question-heading',
    text: '# ML\n## Basics\n### What is X?\nIt is Y.\n#### Example\nZ.\n### What is W?\nV.\n',
    line: 3,
    questions: [
      ['What is X?', 'It is Y.\n\n#### Example\n\nZ.', [], 'Basics'],
      ['What is W?', 'V.', [], 'Basics'],
    ],
  },
  {
    rule: 'heading-in-answer',
    text: '# ML\n## Basics\n### What is X?\nIt is Y.\n#### Example\nZ.\n### What is W?\nV.\n',
    line: 5,
    questions: [
      ['What is X?', 'It is Y.\n\n#### Example\n\nZ.', [], 'Basics'],
      ['What is W?', 'V.', [], 'Basics'],
    ],
  },
  {
    rule: 'section-heading',
    text: '# ML\n## Basics\n### What is X?\nIt is Y.\n### What is W?\nV.\n',
    line: 2,
    questions: [
      ['What is X?', 'It is Y.', [], 'Basics'],
      ['What is W?', 'V.', [], 'Basics'],
    ],
  },
  { rule: 'blank-or-toc-link', text: '# Bank\n[What is X?](#what-is-x)\n\n## Basics\nQ: What is X?\nA: Y.\n', line: 2, questions: [['What is X?', 'Y.', [], 'Basics']] },
  { rule: 'meta-line', text: 'Q: What is X?\nHint: think of Y.\nA: Y.\n', line: 2, questions: [['What is X?', 'Y.', ['think of Y.'], null]] },
  { rule: 'stray-hint', text: '## S\nHint: nothing to hint at\nQ: What is X?\nA: Y.\n', line: 2, questions: [['What is X?', 'Y.', [], 'S']] },
  { rule: 'q-line', text: 'Q: What is X?\nA: Y.\n', line: 1, questions: [['What is X?', 'Y.', [], null]] },
  { rule: 'a-line', text: 'Q: What is X?\nA: Y.\n', line: 2, questions: [['What is X?', 'Y.', [], null]] },
  {
    rule: 'question-list-title',
    text: 'Questions on fine tuning:\nWhat is LoRA?\n\nWhy freeze layers?\n',
    line: 1,
    questions: [
      ['What is LoRA?', null, [], 'Fine tuning'],
      ['Why freeze layers?', null, [], 'Fine tuning'],
    ],
  },
  {
    rule: 'numbered-line',
    file: 'b.txt',
    text: 'Technical Foundation\nExplain how attention works.\nIt weighs the inputs.\n2. What is a transformer?\nA stack of attention layers.\n',
    line: 4,
    questions: [
      ['Explain how attention works.', 'It weighs the inputs.', [], 'Technical Foundation'],
      ['What is a transformer?', 'A stack of attention layers.', [], 'Technical Foundation'],
    ],
  },
  { rule: 'title-line', text: '[Storage]\nQ: What is X?\nA: Y.\n', line: 1, questions: [['What is X?', 'Y.', [], 'Storage']] },
  {
    rule: 'bare-title',
    file: 'b.txt',
    text: 'Technical Foundation\nExplain how attention works.\nIt weighs the inputs.\n2. What is a transformer?\nA stack of attention layers.\n',
    line: 1,
    questions: [
      ['Explain how attention works.', 'It weighs the inputs.', [], 'Technical Foundation'],
      ['What is a transformer?', 'A stack of attention layers.', [], 'Technical Foundation'],
    ],
  },
  { rule: 'bold-question', text: '**What is regularization?**\n\nA penalty.\n', line: 1, questions: [['What is regularization?', 'A penalty.', [], null]] },
  {
    rule: 'bold-not-asking',
    text: '**What is regularization?**\n\nA penalty.\n\n**Why normalize?**\nFaster.\n\n**Steps to take**\nz\n',
    line: 8,
    questions: [
      ['What is regularization?', 'A penalty.', [], null],
      ['Why normalize?', 'Faster.\n\n**Steps to take**\nz', [], null],
    ],
  },
  { rule: 'plain-line', text: '**What is regularization?**\n\nA penalty.\n', line: 3, questions: [['What is regularization?', 'A penalty.', [], null]] },
  { rule: 'toc-link-item', text: '- [What is X?](#x)\n\n## S\nQ: What is X?\nA: Y.\n', line: 1, questions: [['What is X?', 'Y.', [], 'S']] },
  { rule: 'answer-bullet', text: '## S\nQ: What is X?\n- Answer: Y.\n', line: 3, questions: [['What is X?', 'Y.', [], 'S']] },
  { rule: 'hint-bullet', text: '## S\n1. What is X?\n\n- Hint: think.\n', line: 4, questions: [['What is X?', null, ['think.'], 'S']] },
  { rule: 'bullet-in-answer', text: '## S\n**What is X?**\n- point one\n- point two\n', line: 3, questions: [['What is X?', '- point one\n- point two', [], 'S']] },
  {
    rule: 'bulleted-question',
    text: '## S\n- What is X?\n- What is Y?\n',
    line: 2,
    questions: [
      ['What is X?', null, [], 'S'],
      ['What is Y?', null, [], 'S'],
    ],
  },
  { rule: 'other-bullet', text: '- Practice daily\n- Sleep well\n\n## S\nQ: What is X?\nA: Y.\n', line: 1, questions: [['What is X?', 'Y.', [], 'S']] },
  { rule: 'answer-list', text: '## S\nQ: What is X?\nA: Do this:\n1. first\n2. second\n', line: 4, questions: [['What is X?', 'Do this:\n\n1. first\n2. second', [], 'S']] },
  {
    rule: 'empty-placeholder',
    text: '## S\n1. What is X?\n2.\n3. What is Y?\n',
    line: 3,
    questions: [
      ['What is X?', null, [], 'S'],
      ['What is Y?', null, [], 'S'],
    ],
  },
  {
    rule: 'numbered-question',
    text: '## S\n1. **What is X?**\n   - Answer\n     Y.\n2. What is W?\n',
    line: 2,
    questions: [
      ['What is X?', 'Y.', [], 'S'],
      ['What is W?', null, [], 'S'],
    ],
  },
];

function read(c: RuleCase) {
  const taken: string[] = [];
  const parsed = parseBankFile({ path: c.file ?? 'b.md', bytes: new TextEncoder().encode(c.text) }, (rule, line) => taken.push(`${line}:${rule}`));
  return { taken, questions: parsed.questions.map((q) => [q.question, q.answer, q.hints, q.category]) };
}

/** The first cells of the shape table in questions/README.md. */
function shapeRows(): string[] {
  const readme = readFileSync(path.join(repoRoot, 'questions/README.md'), 'utf8');
  const section = readme.split('\n## Other shapes Recall reads as they are')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| shape |'))
    .map((l) => (l.split(' | ')[0] ?? '').replace(/^\| /, '').trim());
}

describe('the named shape rules', () => {
  it.each(CASES.map((c) => [c.rule, c] as const))('%s takes its shape and the bank reads as it should', (_name, c) => {
    const { taken, questions } = read(c);
    expect(taken).toContain(`${c.line}:${c.rule}`);
    expect(questions).toEqual(c.questions);
  });

  it('has a case here for every rule, and no two rules share a name', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...new Set(CASES.map((c) => c.rule))].sort()).toEqual([...names].sort());
  });

  it("names a row of questions/README.md's shape table for every rule", () => {
    const rows = shapeRows();
    expect(rows.length).toBeGreaterThan(20);
    expect(RULES.filter((r) => !rows.includes(r.shape)).map((r) => `${r.name}: ${r.shape}`)).toEqual([]);
  });

  it('src/bank/parse/README.md maps every shape row and names every rule', () => {
    const map = readFileSync(path.join(repoRoot, 'src/bank/parse/README.md'), 'utf8');
    expect(shapeRows().filter((row) => !map.includes(`| ${row} |`))).toEqual([]);
    expect(RULES.filter((r) => !map.includes(`\`${r.name}\``)).map((r) => r.name)).toEqual([]);
  });
});
