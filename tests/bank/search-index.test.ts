import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.js';
import { ANSWER_CAP, indexChanges, indexDoc } from '../../src/bank/search-docs.js';
import { type IndexFilter, type SearchHow, createSearchCore, openLocalSearchIndex } from '../../src/bank/search-index.js';
import type { Question } from '../../src/bank/types.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const immediately = async () => undefined;

/** An index over `questions`, searched as the bank service does. */
async function indexOver(questions: readonly Question[]) {
  const core = createSearchCore();
  core.apply({ upsert: questions.map(indexDoc), remove: [] });
  const run = (how: SearchHow) => (text: string, limit: number, filter?: IndexFilter) => core.search(how, text, limit, filter);
  return { core, search: run('search'), suggest: run('suggest') };
}

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
    const index = await indexOver(questions);
    expect(index.search('LoRA', 10).map(asText)).toEqual(['How does LoRA work?']);
  });

  it('searches answers, with question words weighted above answer words', async () => {
    const index = await indexOver(questions);
    expect(index.search('chunking', 10).map(asText)).toEqual(['How do you build a RAG pipeline?']);
    // "classifier" is in question 4's question and its answer; "features" only in the answer.
    expect(index.search('classifier', 10).map(asText)[0]).toBe('What is a naïve Bayes classifier?');
  });

  it('forgives a typo in a longer word, but not two letters off in a short one', async () => {
    const index = await indexOver(questions);
    expect(index.search('chunkng', 10).map(asText)).toEqual(['How do you build a RAG pipeline?']);
    expect(index.search('explorasion', 10).map(asText)).toEqual(['What is the exploration-exploitation trade-off?']);
    // `chunking` is two letters from `thinking`: not the same word.
    expect(index.search('chunking', 10).map(asText)).not.toContain('What is thinking in tokens?');
  });

  it('takes a word as a prefix, folds accents and case, and searches categories and tags', async () => {
    const index = await indexOver(questions);
    expect(index.suggest('explo', 10).map(asText)).toEqual(['What is the exploration-exploitation trade-off?']);
    expect(index.search('NAIVE', 10).map(asText)).toEqual(['What is a naïve Bayes classifier?']);
    expect(index.search('retrieval', 10).map(asText)).toContain('What is a naïve Bayes classifier?');
    expect(index.search('probability', 10).map(asText)).toEqual(['What is a naïve Bayes classifier?']);
  });

  it('prefers questions with every word, and falls back to the ones with most of them', async () => {
    const index = await indexOver(questions);
    expect(index.search('how does LoRA work', 10).map(asText)).toEqual(['How does LoRA work?']);
    expect(index.search('LoRA quantum', 10).map(asText)).toEqual(['How does LoRA work?']);
    expect(index.search('the of', 10)).toEqual([]);
  });

  it('applies the filter before the limit: category, tag, answered only', async () => {
    const index = await indexOver(questions);
    const rag = questions.find((q) => q.question.startsWith('How do you build'))?.id;
    // "classifier" and "pipeline" are in Retrieval questions only; the best match for "trained" is not.
    expect(index.search('trained passages', 1, { categories: ['Retrieval'] })).toEqual([rag]);
    expect(index.search('classifier', 5, { categories: ['Fine-tuning'] })).toEqual([]);
    const tagged = questions.map((q) => (q.question.includes('naïve') ? { ...q, tags: ['Probability'] } : q));
    const byTag = await indexOver(tagged);
    expect(byTag.search('classifier', 5, { tags: ['probability'] }).map(asText)).toEqual(['What is a naïve Bayes classifier?']);
    expect(byTag.search('classifier', 5, { tags: ['statistics'] })).toEqual([]);
    const unanswered = bank('1. What is a mutex?\n2. What is a mutex lock?\n   A lock.\n');
    const small = await indexOver(unanswered);
    expect(small.search('mutex', 5).map(asText)).toHaveLength(2);
    expect(small.search('mutex', 5, { answeredOnly: true }).map(questionOf(unanswered))).toEqual(['What is a mutex lock?']);
  });

  it('indexes the start of a very long answer, and no link targets or bare URLs', async () => {
    const filler = 'Padding words about transformers. '.repeat(Math.ceil(ANSWER_CAP / 30));
    const long = bank(
      `1. What is a long answer?\n   Starts with zebra. ${filler} Ends with walrus.\n2. Where are the docs?\n   See [the guide](https://docs.example.org/giraffe) or https://example.net/okapi for more.\n`,
    );
    const index = await indexOver(long);
    expect(index.search('zebra', 5).map(questionOf(long))).toEqual(['What is a long answer?']);
    expect(index.search('walrus', 5)).toEqual([]);
    expect(index.search('guide', 5).map(questionOf(long))).toEqual(['Where are the docs?']);
    expect(index.search('giraffe', 5)).toEqual([]);
    expect(index.search('okapi', 5)).toEqual([]);
  });

  it('an update touches only what changed, worked out in slices with a pause between', async () => {
    const edited = bank(
      [
        '1. How does LoRA work?',
        '   Low-rank matrices, frozen weights, and adapters merged after training.',
        '2. What is the exploration-exploitation trade-off?',
        '3. What is new here?',
      ].join('\n'),
    );
    const small = await indexOver(questions);
    const { changes, counts } = await indexChanges(questions, edited, immediately);
    expect(counts).toEqual({ added: 1, replaced: 2, removed: 3 });
    expect(changes.upsert.map((d) => d.id).sort()).toEqual(edited.map((q) => q.id).sort());
    small.core.apply(changes);
    expect(small.core.size).toBe(3);
    expect(small.search('adapters', 10).map(questionOf(edited))).toEqual(['How does LoRA work?']);
    expect(small.search('chunking', 10)).toEqual([]);
    expect(small.search('new', 10).map(questionOf(edited))).toEqual(['What is new here?']);
    // Unchanged questions are not sent again.
    expect((await indexChanges(edited, edited, immediately)).counts).toEqual({ added: 0, replaced: 0, removed: 0 });

    const many = bank(Array.from({ length: 6_000 }, (_, i) => `${i + 1}. What is widget number ${i}?`).join('\n'));
    let pauses = 0;
    await indexChanges([], many, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThanOrEqual(2);
  });

  it('in this thread: applies, settles with its size, and refuses work once closed', async () => {
    const index = openLocalSearchIndex();
    await index.apply({ upsert: questions.map(indexDoc), remove: [] });
    expect(await index.settle()).toBe(questions.length);
    expect((await index.search('search', 'LoRA', 5)).map(asText)).toEqual(['How does LoRA work?']);
    index.close();
    await expect(index.search('search', 'LoRA', 5)).rejects.toThrow(/closed/);
  });
});
