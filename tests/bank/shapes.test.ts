import { describe, expect, it } from 'vitest';
import { parseText } from '../helpers/bank.js';

describe('other common bank shapes', () => {
  it('reads <details><summary> blocks, on one line or spread over paragraphs and code', () => {
    const { questions, warnings } = parseText(
      [
        '# Python',
        '<details>',
        '<summary>What is a <b>decorator</b>?</summary>',
        '',
        'A function that wraps another function.',
        '',
        '```python',
        '@wraps',
        'def f(): ...',
        '```',
        '</details>',
        '',
        '<details><summary>What is the GIL &amp; why?</summary>Global interpreter lock.</details>',
      ].join('\n'),
    );
    expect(warnings).toEqual([]);
    expect(questions).toEqual([
      expect.objectContaining({
        question: 'What is a **decorator**?',
        answer: 'A function that wraps another function.\n\n```python\n@wraps\ndef f(): ...\n```',
        category: 'Python',
        line: 2,
      }),
      expect.objectContaining({ question: 'What is the GIL & why?', answer: 'Global interpreter lock.', line: 13 }),
    ]);
  });

  it('reads Q:/A: pairs, with multi-line answers and unanswered questions', () => {
    const { questions } = parseText(
      '## Basics\nQ: What is overfitting?\nA: Memorising the training data.\n\nQ: What is underfitting?\nA: Too simple a model.\nIt misses patterns.\n\nQ: Open question?\n',
    );
    expect(questions.map((q) => [q.question, q.answer, q.line])).toEqual([
      ['What is overfitting?', 'Memorising the training data.', 2],
      ['What is underfitting?', 'Too simple a model.\nIt misses patterns.', 5],
      ['Open question?', null, 9],
    ]);
  });

  it('reads a bold question line followed by answer paragraphs', () => {
    const { questions } = parseText('# ML\n\n**What is regularization?**\n\nA penalty on complexity.\n\nA second paragraph.\n\n**Why normalize inputs?**\nFaster convergence.\n');
    expect(questions.map((q) => [q.question, q.answer])).toEqual([
      ['What is regularization?', 'A penalty on complexity.\n\nA second paragraph.'],
      ['Why normalize inputs?', 'Faster convergence.'],
    ]);
  });

  it('reads numbered heading questions and keeps their source link out of the text', () => {
    const { questions } = parseText(
      '## Deep Learning\n#### 1) What is dropout? [[src](https://example.com/a)]\nRandomly zeroes activations.\n\n#### 2) Explain batch norm [[src](https://example.com/b)]\nNormalizes per batch.\n',
    );
    expect(questions.map((q) => [q.question, q.answer, q.category])).toEqual([
      ['What is dropout?', 'Randomly zeroes activations.', 'Deep Learning'],
      ['Explain batch norm', 'Normalizes per batch.', 'Deep Learning'],
    ]);
  });

  it('reads the canonical format: heading questions with tags, hints and an answer marker', () => {
    const { questions, warnings } = parseText(
      '# Bank\n\n## Retrieval\n\n### What is RAG?\nTags: rag, easy\nHint: Where does knowledge come from?\n\n**Answer:**\nRetrieve, then generate.\n\n#### Example\nA support bot.\n\n### Q: Explain chunking. [hard]\nAnswer: Splitting documents.\n',
    );
    expect(warnings).toEqual([]);
    expect(questions).toEqual([
      {
        question: 'What is RAG?',
        answer: 'Retrieve, then generate.\n\n#### Example\n\nA support bot.',
        hints: ['Where does knowledge come from?'],
        tags: ['rag', 'easy'],
        difficulty: 'easy',
        id: null,
        category: 'Retrieval',
        line: 5,
      },
      { question: 'Explain chunking.', answer: 'Splitting documents.', hints: [], tags: ['hard'], difficulty: 'hard', id: null, category: 'Retrieval', line: 15 },
    ]);
  });

  it('keeps a numbered list that an answer introduces with a colon inside that answer', () => {
    const { questions } = parseText('1. How do you train a model?\n\nThe steps are:\n1. Collect data\n2. Fit\n\n2. What is a loss?\n\nA measure of error.\n');
    expect(questions.map((q) => q.question)).toEqual(['How do you train a model?', 'What is a loss?']);
    expect(questions[0]?.answer).toBe('The steps are:\n\n1. Collect data\n2. Fit');
  });

  it('does not take a table of contents or a lone link for questions', () => {
    const { questions } = parseText(
      '## Contents\n1. [Basics](#basics)\n2. [Advanced](#advanced)\n\n## Basics\n### What is a tensor?\nAn n-dimensional array.\n\n[Back to top](#contents)\n',
    );
    expect(questions.map((q) => [q.question, q.answer])).toEqual([['What is a tensor?', 'An n-dimensional array.']]);
  });

  it('reads bulleted questions when a list holds nothing else', () => {
    const { questions } = parseText('## Warm-up\n- What is a vector?\n- Why use GPUs?\n');
    expect(questions.map((q) => q.question)).toEqual(['What is a vector?', 'Why use GPUs?']);
  });

  it('takes difficulty markers as tags', () => {
    const { questions } = parseText('1. What is a transformer? (Easy)\n2. Derive attention complexity [hard]\n');
    expect(questions.map((q) => [q.question, q.tags])).toEqual([
      ['What is a transformer?', ['easy']],
      ['Derive attention complexity', ['hard']],
    ]);
  });

  it('ends a numbered question where it asks, taking the lines under it as the answer', () => {
    const { questions } = parseText('## Basics\n1. What is X?\n\n   X is the first letter.\n\n2. What is Y?\n   Y is the second one.\n   It has a tail.\n');
    expect(questions.map((q) => [q.question, q.answer])).toEqual([
      ['What is X?', 'X is the first letter.'],
      ['What is Y?', 'Y is the second one.\nIt has a tail.'],
    ]);
  });

  it('reads a table with Question and Answer columns, one question per row, with optional hint, tags and category', () => {
    const { questions } = parseText(
      '# Glossary\n\n| Question | Answer | Hint | Tags | Category |\n| --- | --- | --- | --- | --- |\n| What is a token? | A unit of text.<br>Often a word piece. | think BPE | basics, nlp | |\n| What is a **context window**? | The tokens a model sees at once. | | | LLMs |\n',
    );
    expect(questions).toEqual([
      {
        question: 'What is a token?',
        answer: 'A unit of text.\nOften a word piece.',
        hints: ['think BPE'],
        tags: ['basics', 'nlp'],
        difficulty: null,
        id: null,
        category: 'Glossary',
        line: 5,
      },
      { question: 'What is a **context window**?', answer: 'The tokens a model sees at once.', hints: [], tags: [], difficulty: null, id: null, category: 'LLMs', line: 6 },
    ]);
  });

  it('leaves ordinary tables inside answers alone', () => {
    const { questions } = parseText('### What differs between BERT and GPT?\n| Model | Attention |\n| --- | --- |\n| BERT | bidirectional |\n');
    expect(questions[0]?.answer).toBe('| Model | Attention |\n| --- | --- |\n| BERT | bidirectional |');
  });

  it('takes category and tags from YAML front matter and keeps line numbers true', () => {
    const { questions } = parseText('---\ntitle: RAG drills\ncategory: Retrieval\ntags:\n  - rag\n  - core\n---\n\n### What is a retriever?\nFinds documents.\n');
    expect(questions).toEqual([
      { question: 'What is a retriever?', answer: 'Finds documents.', hints: [], tags: ['rag', 'core'], difficulty: null, id: null, category: 'Retrieval', line: 9 },
    ]);
  });
});
