import { describe, expect, it } from 'vitest';
import { DUPLICATE_THRESHOLD, probableDuplicates } from '../../src/bank/dupes.js';
import { loadBank } from '../../src/bank/load.js';
import { contentWords, isNearIdentical, jaccard } from '../../src/bank/similarity.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('probable duplicates', () => {
  it('pairs questions asked in other words, with both sources, and leaves neighbouring questions apart', () => {
    const bank = loadBank([
      file('a.md', '1. What is consistent hashing?\n2. How does a Bloom filter work?\n3. What is a hash ring?\n'),
      file(
        'b.md',
        '## Hashing\n\n**Explain consistent hashing.**\n\nKeys on a ring.\n\n**What are Bloom filters, and how do they work?**\n\nBits and hashes.\n\n**How do you size a Bloom filter?**\n\nFrom the error rate.\n',
      ),
    ]);
    const pairs = probableDuplicates(bank.questions).map((p) => [p.a.question, p.b.question, p.a.sources[0]?.file, p.b.sources[0]?.file]);
    expect(pairs).toEqual([
      ['What is consistent hashing?', 'Explain consistent hashing.', 'a.md', 'b.md'],
      ['How does a Bloom filter work?', 'What are Bloom filters, and how do they work?', 'a.md', 'b.md'],
    ]);
  });

  it('finds every pair above the threshold that comparing all pairs finds', () => {
    const subjects = ['raft', 'paxos', 'gossip', 'quorum', 'lease', 'fencing', 'leader', 'log', 'snapshot', 'term'];
    const lines = subjects.flatMap((a, i) => subjects.slice(i + 1).map((b, j) => `${i * 10 + j + 1}. How do ${a} and ${b} relate in ${subjects[(i + j) % 10]} systems?`));
    const { questions } = loadBank([file('many.md', lines.join('\n'))]);
    const fast = probableDuplicates(questions)
      .map((p) => `${p.a.id}/${p.b.id}`)
      .sort();
    const all: string[] = [];
    questions.forEach((a, i) => {
      for (const b of questions.slice(i + 1)) if (jaccard(contentWords(a.question), contentWords(b.question)) >= DUPLICATE_THRESHOLD) all.push(`${a.id}/${b.id}`);
    });
    expect(all.length).toBeGreaterThan(0);
    expect(fast).toEqual(all.sort());
  });
});

describe('near-identical questions (an edit keeps the id)', () => {
  it('are a typo fix, a swapped pair of letters, a small word or punctuation', () => {
    expect(isNearIdentical('What is overfiting?', 'What is overfitting?')).toBe(true);
    expect(isNearIdentical('How do you recieve events?', 'How do you receive events?')).toBe(true);
    expect(isNearIdentical('What is a mutex', 'What is mutex?')).toBe(true);
    expect(isNearIdentical('What is fine tuning?', 'What is fine-tuning?')).toBe(true);
  });

  it('are not another question', () => {
    expect(isNearIdentical('What is A?', 'What is B?')).toBe(false);
    expect(isNearIdentical('What is a mutex?', 'What is a semaphore?')).toBe(false);
    expect(isNearIdentical('How do you shard a table?', 'How do you shard a cache?')).toBe(false);
  });
});
