import { describe, expect, it } from 'vitest';
import { normalizeQuestionText, questionId } from '../../src/bank/ids.js';
import { loadBank } from '../../src/bank/load.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('ids fold what does not change the question', () => {
  it('fold numbering prefixes, contractions, quotes and punctuation', () => {
    expect(normalizeQuestionText('Q7. What’s a “vector clock”?')).toBe('what is a vector clock');
    expect(normalizeQuestionText('7) What is a vector clock')).toBe('what is a vector clock');
    expect(normalizeQuestionText("Question 7: Why can't a clock go back?")).toBe('why can not a clock go back');
    expect(normalizeQuestionText("Why doesn't Raft need clocks? Aren't they used?")).toBe('why does not raft need clocks are not they used');
    // A possessive is not a contraction.
    expect(normalizeQuestionText("What is Lamport's clock?")).toBe('what is lamport s clock');
  });

  it('merge a question asked with a contraction in one file and numbered in another', () => {
    const bank = loadBank([file('a.md', '## Clocks\n1. What’s a vector clock?\n'), file('b.md', '**Q10. What is a vector clock?**\n\nA vector of counters, one per node.\n')]);
    expect(bank.questions).toHaveLength(1);
    expect(bank.questions[0]).toMatchObject({
      id: questionId('What is a vector clock?'),
      question: 'What’s a vector clock?',
      answer: 'A vector of counters, one per node.',
      sources: [
        { file: 'a.md', line: 2 },
        { file: 'b.md', line: 1 },
      ],
    });
  });
});

describe('explicit ids', () => {
  it('win over the id made from the words, and survive an edit of the question', () => {
    const before = loadBank([file('a.md', '### What is a lease?\nId: leases-101\n\nA lock with a timeout.\n')]);
    const after = loadBank([file('a.md', '### What is a lease, and why expire it?\nId: leases-101\n\nA lock with a timeout.\n')]);
    expect(before.questions[0]?.id).toBe('leases-101');
    expect(after.questions[0]?.id).toBe('leases-101');
    expect(after.warnings).toEqual([]);
  });

  it('are read from an Id column, and one claimed twice stays with the first question, with a warning', () => {
    const bank = loadBank([
      file('a.md', '| Id | Question | Answer |\n| --- | --- | --- |\n| net-1 | What is a packet? | A unit of data. |\n| net-1 | What is a frame? | A link-layer unit. |\n'),
    ]);
    expect(bank.questions.map((q) => [q.question, q.id])).toEqual([
      ['What is a packet?', 'net-1'],
      ['What is a frame?', questionId('What is a frame?')],
    ]);
    expect(bank.warnings).toEqual([{ file: 'a.md', line: 4, message: 'id `net-1` is already the id of the question at a.md:3; this one keeps the id made from its words' }]);
  });

  it('must be a short word; anything else is reported and the words make the id', () => {
    const bank = loadBank([file('a.md', '### What is a quorum?\nId: not an id!\n\nA majority.\n')]);
    expect(bank.questions[0]?.id).toBe(questionId('What is a quorum?'));
    expect(bank.warnings).toEqual([{ file: 'a.md', line: 1, message: expect.stringMatching(/^`Id: not an id!` is not a usable id/) }]);
  });
});
