import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.js';
import { INDEX_SLICE, buildSearchIndex } from '../../src/bank/search-index.js';
import type { Question } from '../../src/bank/types.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const immediately = async () => undefined;

function bank(text: string): Question[] {
  return loadBank([file('bank.md', text)]).questions;
}

const questionOf = (questions: readonly Question[]) => (id: string) => questions.find((q) => q.id === id)?.question;

describe('the bank search index (MiniSearch)', () => {
  const questions = bank(
    [
      '## Fine-tuning',
      '1. How does LoRA work?',
      '   Low-rank matrices are trained next to frozen weights.',
      '2. What is the exploration-exploitation trade-off?',
      '   Trying new actions versus using what is known to pay.',
      '## Retrieval',
      '3. How do you build a RAG pipeline?',
      '   Split documents by chunking them into passages, embed them, retrieve the nearest.',
      '4. What is a naïve Bayes classifier?',
      '   A classifier that assumes independent features. #probability',
      '5. What is thinking in tokens?',
      '   Chain of thought.',
    ].join('\n'),
  );
  const asText = questionOf(questions);

  it('matches whole words, not substrings: LoRA is not inside exploration', async () => {
    const index = await buildSearchIndex(questions, immediately);
    expect(index.search('LoRA', 10).map(asText)).toEqual(['How does LoRA work?']);
  });

  it('searches answers, with question words weighted above answer words', async () => {
    const index = await buildSearchIndex(questions, immediately);
    expect(index.search('chunking', 10).map(asText)).toEqual(['How do you build a RAG pipeline?']);
    // "classifier" is in question 4's question and its answer; "features" only in the answer.
    expect(index.search('classifier', 10).map(asText)[0]).toBe('What is a naïve Bayes classifier?');
  });

  it('forgives a typo in a longer word, but not two letters off in a short one', async () => {
    const index = await buildSearchIndex(questions, immediately);
    expect(index.search('chunkng', 10).map(asText)).toEqual(['How do you build a RAG pipeline?']);
    expect(index.search('explorasion', 10).map(asText)).toEqual(['What is the exploration-exploitation trade-off?']);
    // `chunking` is two letters from `thinking`: not the same word.
    expect(index.search('chunking', 10).map(asText)).not.toContain('What is thinking in tokens?');
  });

  it('takes a word as a prefix, folds accents and case, and searches categories and tags', async () => {
    const index = await buildSearchIndex(questions, immediately);
    expect(index.suggest('explo', 10).map(asText)).toEqual(['What is the exploration-exploitation trade-off?']);
    expect(index.search('NAIVE', 10).map(asText)).toEqual(['What is a naïve Bayes classifier?']);
    expect(index.search('retrieval', 10).map(asText)).toContain('What is a naïve Bayes classifier?');
    expect(index.search('probability', 10).map(asText)).toEqual(['What is a naïve Bayes classifier?']);
  });

  it('prefers questions with every word, and falls back to the ones with most of them', async () => {
    const index = await buildSearchIndex(questions, immediately);
    expect(index.search('how does LoRA work', 10).map(asText)).toEqual(['How does LoRA work?']);
    expect(index.search('LoRA quantum', 10).map(asText)).toEqual(['How does LoRA work?']);
    expect(index.search('the of', 10)).toEqual([]);
  });

  it('applies the filter before the limit', async () => {
    const index = await buildSearchIndex(questions, immediately);
    const rag = questions.find((q) => q.question.startsWith('How do you build'))?.id;
    expect(index.search('what', 1, (id) => id === rag)).toEqual([]);
    expect(index.search('passages embed', 1, (id) => id === rag)).toEqual([rag]);
  });

  it('builds in slices with a pause between, and an update touches only what changed', async () => {
    const many = bank(Array.from({ length: INDEX_SLICE * 2 + 5 }, (_, i) => `${i + 1}. What is widget number ${i}?`).join('\n'));
    let pauses = 0;
    const index = await buildSearchIndex(many, async () => {
      pauses++;
    });
    expect(pauses).toBe(2);
    expect(index.size).toBe(many.length);

    const edited = bank(
      [
        '1. How does LoRA work?',
        '   Low-rank matrices, frozen weights, and adapters merged after training.',
        '2. What is the exploration-exploitation trade-off?',
        '3. What is new here?',
      ].join('\n'),
    );
    const small = await buildSearchIndex(questions, immediately);
    const counts = await small.update(questions, edited, immediately);
    expect(counts).toEqual({ added: 1, replaced: 2, removed: 3 });
    expect(small.size).toBe(3);
    expect(small.search('adapters', 10).map(questionOf(edited))).toEqual(['How does LoRA work?']);
    expect(small.search('chunking', 10)).toEqual([]);
    expect(small.search('new', 10).map(questionOf(edited))).toEqual(['What is new here?']);
  });
});
