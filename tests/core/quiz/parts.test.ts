import { describe, expect, it } from 'vitest';
import { parseQuizAction } from '../../../src/core/quiz/action-ids.js';
import { answerKind, sameKind } from '../../../src/core/quiz/choice-rule.js';
import { gistOf, sentenceCount } from '../../../src/core/quiz/gist.js';
import { choicePoints } from '../../../src/core/quiz/points.js';

describe('the gist of an answer: the whole answer, or none', () => {
  it('is the whole answer when it is one sentence of one paragraph, as plain text', () => {
    expect(gistOf('**Dropout** ignores random neurons.')).toBe('Dropout ignores random neurons.');
    expect(gistOf('first true second false')).toBe('first true second false');
    expect(gistOf('Use a cache, e.g. Redis, vs. a database, at v1.2 or later')).toBe('Use a cache, e.g. Redis, vs. a database, at v1.2 or later');
  });

  it('is none when the answer says more than one sentence: never its first part', () => {
    expect(gistOf('**Dropout** ignores random neurons. It regularises.')).toBeNull();
    expect(gistOf('Batch norm normalizes over the batch.\nLayer norm normalizes over features.')).toBeNull();
  });

  it('is none for a list, code, a table or a second paragraph', () => {
    expect(gistOf('- **Generative AI**: creates new content.\n- Other')).toBeNull();
    expect(gistOf('RAG works in three steps:\n\n1. Retrieve\n2. Augment')).toBeNull();
    expect(gistOf('```python\nprint(1)\n```')).toBeNull();
    expect(gistOf('| a | b |\n| --- | --- |\n| 1 | 2 |')).toBeNull();
    expect(gistOf('Retrieval.\n\nThen generation.')).toBeNull();
  });

  it('counts sentences past abbreviations, decimals and initials', () => {
    expect(sentenceCount('Use a cache, e.g. Redis, vs. a database.')).toBe(1);
    expect(sentenceCount('Python 3.12 by G. van Rossum.')).toBe(1);
    expect(sentenceCount('One. Two! Three?')).toBe(3);
  });
});

describe('what makes choices of one kind (choice-rule.ts)', () => {
  it('tells numbers, terms and statements apart', () => {
    expect(['8', '12 ms', '~3.5%', '$40'].map(answerKind)).toEqual(['number', 'number', 'number', 'number']);
    expect(['LRU', 'Hash table', 'Red-black tree'].map(answerKind)).toEqual(['term', 'term', 'term']);
    expect(answerKind('It adds the input back to the output.')).toBe('statement');
  });

  it('keeps lengths alike', () => {
    expect(sameKind('LRU', 'Hash table')).toBe(true);
    expect(sameKind('Adam', 'Stochastic gradient descent')).toBe(false);
    expect(sameKind('It shrinks weights toward zero.', 'It zeroes random units in training.')).toBe(true);
    expect(sameKind('It shrinks weights.', 'It adds the input of the block back to its output so gradients flow through deep stacks.')).toBe(false);
  });
});

describe('points for a right choice', () => {
  const at = (elapsedMs: number) => choicePoints({ correctPoints: 3, speedBonus: [2, 1, 0], timeLimitMs: 30_000, elapsedMs });

  it('add a bonus for the first and second third of the time', () => {
    expect([at(0), at(9_999), at(10_000), at(19_999), at(20_000), at(29_999)]).toEqual([5, 5, 4, 4, 3, 3]);
  });

  it('are the base points with no bonus configured', () => {
    expect(choicePoints({ correctPoints: 3, speedBonus: [], timeLimitMs: 30_000, elapsedMs: 0 })).toBe(3);
  });
});

describe('quiz button ids', () => {
  it('read back what the quiz made', () => {
    expect(parseQuizAction('quiz:abc123:4:C')).toEqual({ kind: 'choice', roundId: 'abc123', index: 4, choice: 2 });
    expect(parseQuizAction('quiz:abc123:0:reveal')).toEqual({ kind: 'reveal', roundId: 'abc123', index: 0 });
    expect(parseQuizAction('quiz:abc123:0:grade:partly')).toEqual({ kind: 'grade', roundId: 'abc123', index: 0, grade: 'partly' });
  });

  it('are null for anything else', () => {
    for (const id of ['quiz:abc123:0:I', 'quiz:abc123:0:grade:great', 'quiz:abc123:x:A', 'daily:grade:x:got', 'quiz:']) expect(parseQuizAction(id)).toBeNull();
  });
});
