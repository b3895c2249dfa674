import { describe, expect, it } from 'vitest';
import { parseText } from '../../helpers/bank.js';

describe('<details> inside an answer', () => {
  it('keeps a nested <details> in the answer of the question around it', () => {
    const { questions, warnings } = parseText(
      [
        '<details>',
        '<summary>What is a B-tree?</summary>',
        '',
        'A balanced tree with wide nodes.',
        '',
        '<details>',
        '<summary>**Deeper dive**</summary>',
        '',
        'Nodes match disk pages.',
        '',
        '</details>',
        '',
        'Used by most databases.',
        '',
        '</details>',
        '',
        '<details><summary>What is a skip list?</summary>Linked lists with express lanes.<details><summary>Origin</summary>Pugh, 1990.</details></details>',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(questions.map((q) => [q.question, q.answer, q.line])).toEqual([
      ['What is a B-tree?', 'A balanced tree with wide nodes.\n\n**Deeper dive**\n\nNodes match disk pages.\n\nUsed by most databases.', 1],
      ['What is a skip list?', 'Linked lists with express lanes.\n\n**Origin**\n\nPugh, 1990.', 17],
    ]);
  });

  it('keeps an answer box under a question heading in that question', () => {
    const { questions } = parseText(
      '## Storage\n\n### What is an LSM tree?\n\n<details><summary>Answer</summary>\n\nA log-structured merge tree.\n\n</details>\n\n### What is a WAL?\nA write-ahead log.\n',
    );
    expect(questions.map((q) => [q.question, q.answer])).toEqual([
      ['What is an LSM tree?', 'A log-structured merge tree.'],
      ['What is a WAL?', 'A write-ahead log.'],
    ]);
  });
});
