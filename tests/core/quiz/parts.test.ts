import { describe, expect, it } from 'vitest';
import { parseQuizAction } from '../../../src/core/quiz/action-ids.js';
import { gistOf } from '../../../src/core/quiz/gist.js';
import { choicePoints } from '../../../src/core/quiz/points.js';

describe('the gist of an answer', () => {
  it('is the first sentence of its plain text', () => {
    expect(gistOf('**Dropout** ignores random neurons. It regularises.')).toBe('Dropout ignores random neurons.');
    expect(gistOf('first true second false')).toBe('first true second false');
  });

  it('does not stop at e.g. or vs.', () => {
    expect(gistOf('Use a cache, e.g. Redis, vs. a database. Then more.')).toBe('Use a cache, e.g. Redis, vs. a database.');
  });

  it('reads the first item of a list without its marker', () => {
    expect(gistOf('- **Generative AI**: creates new content. More.\n- Other')).toBe('Generative AI: creates new content.');
  });

  it('has none when the answer opens with a lead-in or code', () => {
    expect(gistOf('RAG works in three steps:\n\n1. Retrieve\n2. Augment')).toBeNull();
    expect(gistOf('```python\nprint(1)\n```')).toBeNull();
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
    for (const id of ['quiz:abc123:0:E', 'quiz:abc123:0:grade:great', 'quiz:abc123:x:A', 'daily:grade:x:got', 'quiz:']) expect(parseQuizAction(id)).toBeNull();
  });
});
