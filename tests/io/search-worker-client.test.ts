import { describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.js';
import { indexDoc } from '../../src/bank/search-docs.js';
import { INDEX_SLICE } from '../../src/bank/search-index.js';
import { openSearchWorker, searchIndexOpener } from '../../src/io/search-worker-client.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('the search index in a worker thread (src/io/search-worker.ts)', () => {
  const questions = loadBank([
    file('os.md', '## Memory\n1. What is a page fault?\n   A trap on a missing page.\n2. What is a TLB?\n   A cache of translations.\n## Locks\n3. What is a mutex?\n   A lock.\n'),
  ]).questions;
  const textOf = (id: string) => questions.find((q) => q.id === id)?.question;

  it('answers in the order asked: a search sent right after changes sees them, without waiting for them first', async () => {
    const index = openSearchWorker();
    try {
      const applied = index.apply({ upsert: questions.map(indexDoc), remove: [] });
      const found = index.search('search', 'translations', 5);
      const [fault] = questions;
      const removed = index.apply({ upsert: [], remove: [fault?.id ?? ''] });
      const gone = index.search('search', 'trap', 5);
      await Promise.all([applied, removed]);
      expect((await found).map(textOf)).toEqual(['What is a TLB?']);
      expect(await gone).toEqual([]);
      expect(await index.settle()).toBe(questions.length - 1);
      // Filters are applied in the worker, before the limit.
      expect((await index.search('search', 'lock cache', 5, { categories: ['Locks'] })).map(textOf)).toEqual(['What is a mutex?']);
    } finally {
      index.close();
    }
  });

  it('once closed, fails every call instead of hanging', async () => {
    const index = openSearchWorker();
    await index.apply({ upsert: questions.map(indexDoc), remove: [] });
    index.close();
    await expect(index.search('search', 'mutex', 5)).rejects.toThrow(/closed/);
    await expect(index.settle()).rejects.toThrow(/closed/);
  });

  it("the bot's choice: this thread for a small bank, a worker from the threshold on", () => {
    const open = searchIndexOpener({ workerFrom: 100 });
    const small = open(99);
    const large = open(100);
    expect(small.slice).toBe(INDEX_SLICE);
    expect(large.slice).toBeGreaterThan(INDEX_SLICE);
    small.close();
    large.close();
  });
});
