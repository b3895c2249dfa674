import { describe, expect, it } from 'vitest';
import { parseText } from '../../helpers/bank.js';

describe('code under a question', () => {
  it('turns a snippet asked as a numbered question into a code block, keeping the answer under it', () => {
    const { questions } = parseText('Python round\n1. x = {"a": 1}\n   y = dict(x)\n   y["a"] = 2\n   print(x["a"])\n\n   my ans - 1, a copy\n2. What is a generator?\n');
    expect(questions[0]?.question).toBe('```\nx = {"a": 1}\ny = dict(x)\ny["a"] = 2\nprint(x["a"])\n```');
    expect(questions[0]?.answer).toBe('1, a copy');
    expect(questions[1]?.question).toBe('What is a generator?');
    // Prose that mentions code stays prose.
    const prose = parseText('1. What does len(x) return for a dict?\n2. Explain why a = b copies a reference\n');
    expect(prose.questions.map((q) => q.question)).toEqual(['What does len(x) return for a dict?', 'Explain why a = b copies a reference']);
  });

  it('keeps the code a question points at in the question, with its indentation, and the rest as the answer', () => {
    const { questions } = parseText('1. What does this print?\n   for i in range(2):\n       print(i)\n   Answer: 0 then 1\n2. Why use a set?\n');
    expect(questions[0]?.question).toBe('What does this print?\n\n```\nfor i in range(2):\n    print(i)\n```');
    expect(questions[0]?.answer).toBe('0 then 1');
  });

  it('reads code lines right under a plain question line as part of it', () => {
    const { questions } = parseText('## Python\n\nWhat is the output of the following?\nitems = [3, 1, 2]\nprint(sorted(items))\n\nIt prints [1, 2, 3].\n');
    expect(questions.map((q) => [q.question, q.answer])).toEqual([
      ['What is the output of the following?\n\n```\nitems = [3, 1, 2]\nprint(sorted(items))\n```', 'It prints [1, 2, 3].'],
    ]);
  });
});
