import { describe, expect, it } from 'vitest';
import { parseText } from '../../helpers/bank.js';

describe('Suggested-by: who suggested a question', () => {
  it('is read under a question of any shape, before its answer, and is absent where none is written', () => {
    const heading = parseText('## What is a huge page?\nId: huge-page\nTags: os\nSuggested-by: Grace Hopper\n\n**Answer:**\nA 2 MB page.\n\n## What is X?\nY.\n').questions;
    expect(heading.map((q) => [q.id, q.answer, q.tags, q.suggestedBy])).toEqual([
      ['huge-page', 'A 2 MB page.', ['os'], 'Grace Hopper'],
      [null, 'Y.', [], undefined],
    ]);
    const list = parseText('1. What is Z?\n   Suggested by: **Ada**\n   Answer: Zed\n\nQ: What is V?\nSuggested-by: Linus\nA: Vee\n').questions;
    expect(list.map((q) => [q.question, q.answer, q.suggestedBy])).toEqual([
      ['What is Z?', 'Zed', 'Ada'],
      ['What is V?', 'Vee', 'Linus'],
    ]);
  });

  it('inside an answer is part of the answer, not a credit', () => {
    const [q] = parseText('## Who wrote COBOL?\n\nA committee.\n\nSuggested by: the vendors\n').questions;
    expect(q?.suggestedBy).toBeUndefined();
    expect(q?.answer).toContain('Suggested by: the vendors');
  });
});
