import { describe, expect, it } from 'vitest';
import { normalizeQuestionText, questionId } from '../../src/bank/ids.js';
import { loadBank } from '../../src/bank/load.js';
import { SEEDS, loadSeeds } from '../helpers/bank.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('question ids', () => {
  it('survive re-wrapping, renumbering, curly quotes and formatting', () => {
    const id = questionId('What’s “few-shot” learning in LLMs?');
    expect(questionId('What\'s "few-shot" learning   in LLMs?')).toBe(id);
    expect(questionId('**What\'s "few-shot" learning in LLMs**')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{12}$/);
    expect(questionId('What is zero-shot learning in LLMs?')).not.toBe(id);
  });

  it('fold case and punctuation', () => {
    expect(normalizeQuestionText('Define *pre-training* vs. fine-tuning!')).toBe('define pre training vs fine tuning');
  });
});

describe('merging the same question from several files', () => {
  it('keeps one question with both sources, the answer from the file that has one', () => {
    const bank = loadBank([
      file('a.md', '## Lists\n1. How does LoRA work?(PEFT)\n'),
      file('b.txt', 'LLMs\nWhat is RAG?\nRetrieval plus generation.\n2. How does LoRA work?\n\nLow-rank adapters.\n'),
    ]);
    expect(bank.questions).toHaveLength(2);
    const lora = bank.questions.find((q) => q.question.startsWith('How does LoRA'));
    expect(lora).toMatchObject({
      answer: 'Low-rank adapters.',
      tags: ['PEFT'],
      category: 'LLMs',
      sources: [
        { file: 'a.md', line: 2 },
        { file: 'b.txt', line: 4 },
      ],
    });
  });

  it('gives the seed bank one question per shared question, and the unanswered ones gain answers', () => {
    const bank = loadSeeds();
    const ids = bank.questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shared = bank.questions.filter((q) => q.sources.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(24);
    const fromTechnical = shared.filter((q) => q.sources.some((s) => s.file === SEEDS.technical));
    expect(fromTechnical.length).toBeGreaterThanOrEqual(24);
    expect(fromTechnical.every((q) => q.answer !== null)).toBe(true);
    // "What’s “few-shot” learning in LLMs?" and "What is few-shot learning in LLMs?" are one question.
    const fewShot = bank.questions.filter((q) => /few-shot.*learning in LLMs/.test(q.question));
    expect(fewShot).toHaveLength(1);
    expect(fewShot[0]?.tags).toEqual(['RAG']);
    expect(fewShot[0]?.sources.map((s) => s.file).sort()).toEqual([SEEDS.plain, SEEDS.hundred, SEEDS.technical].sort());
    expect(fewShot[0]?.answer).toMatch(/^The ability to perform tasks with only a few examples/);
  });

  it('loads the whole seed bank with two warnings: a link with a space, and the question-shaped tip it leaves out', () => {
    const bank = loadSeeds();
    expect(bank.warnings.map((w) => [w.file, w.line, w.skipped])).toEqual([
      [SEEDS.hundred, 271, undefined],
      [SEEDS.hundred, 821, true],
    ]);
    expect(bank.questions.length).toBe(325);
    expect(bank.questions.filter((q) => q.answer !== null).length).toBe(168);
  });
});
