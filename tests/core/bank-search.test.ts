import { describe, expect, it, vi } from 'vitest';
import { loadBank } from '../../src/bank/load.js';
import { type SearchIndexOpener, openLocalSearchIndex } from '../../src/bank/search-index.js';
import { type BankServiceOptions, createBankService } from '../../src/core/bank-service.js';
import { silentLogger } from '../../src/core/logger.js';
import { openSearchWorker } from '../../src/io/search-worker-client.js';
import { loadSeeds } from '../helpers/bank.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

/** Every test runs with the index in the bot's own thread and in a worker thread (src/io/search-worker.ts), as the bot runs it. */
const HOSTS: [string, SearchIndexOpener][] = [
  ['in this thread', openLocalSearchIndex],
  ['in a worker thread', () => openSearchWorker()],
];

describe.each(HOSTS)('the bank service: search over the seed banks, index %s', (_host, open) => {
  const seeds = loadSeeds();
  const bank = createBankService(seeds, async () => seeds, { search: { open } });

  it('ranks a LoRA question first for LoRA, never exploration-exploitation (a substring match)', async () => {
    const hits = await bank.search('LoRA', {}, 10);
    expect(hits[0]?.question).toMatch(/\bLoRA\b/);
    expect(hits.map((q) => q.question)).not.toContainEqual(expect.stringMatching(/exploration-exploitation/));
  });

  it('finds answers that discuss chunking', async () => {
    const hits = await bank.search('chunking', {}, 10);
    expect(hits.length).toBeGreaterThan(0);
    for (const q of hits) expect(`${q.question} ${q.answer}`.toLowerCase()).toContain('chunking');
  });

  it('finds through a typo and a word cut short', async () => {
    expect((await bank.search('transfromer', {}, 5)).map((q) => q.question).every((t) => /transformer/i.test(t))).toBe(true);
    expect((await bank.suggest('quantiz', {}, 2)).map((q) => q.question)).toEqual(
      expect.arrayContaining([expect.stringMatching(/quantization/i), expect.stringMatching(/quantization/i)]),
    );
  });

  it('keeps to a filter', async () => {
    const hits = await bank.search('policy', { categories: ['Reinforcement Learning'] }, 50);
    expect(hits.length).toBeGreaterThan(0);
    expect(new Set(hits.map((q) => q.category))).toEqual(new Set(['Reinforcement Learning']));
    expect(await bank.search('   ', {}, 5)).toEqual([]);
  });
});

describe.each(HOSTS)('the bank service: the search index across reloads, index %s', (_host, open) => {
  const search: BankServiceOptions['search'] = { open };

  it('is built on the first search, and a reload brings it up to date', async () => {
    const logged: { obj: Record<string, unknown>; msg: string }[] = [];
    const logger = { ...silentLogger, info: (obj: Record<string, unknown>, msg: string) => logged.push({ obj, msg }) };
    let text = '1. What is a mutex?\n   A lock.\n2. What is a semaphore?\n   A counter.\n';
    const service = createBankService(loadBank([file('a.md', text)]), async () => loadBank([file('a.md', text)]), { logger, search });
    await service.reload();
    expect(logged.filter((l) => l.msg.includes('search index'))).toEqual([]);

    expect((await service.search('lock', {}, 5)).map((q) => q.question)).toEqual(['What is a mutex?']);
    expect(logged.find((l) => l.msg === 'bank: search index built')?.obj).toEqual({ questions: 2 });

    text = '1. What is a mutex?\n   A lock with an owner.\n2. What is a spinlock?\n   A lock that busy-waits.\n';
    await service.reload();
    // Searches right after a reload wait for the update: none sees the old bank.
    expect((await service.search('semaphore', {}, 5)).map((q) => q.question)).toEqual([]);
    expect((await service.search('owner', {}, 5)).map((q) => q.question)).toEqual(['What is a mutex?']);
    expect((await service.search('busy waits', {}, 5)).map((q) => q.question)).toEqual(['What is a spinlock?']);
    expect(logged.find((l) => l.msg === 'bank: search index updated')?.obj).toEqual({ added: 1, replaced: 1, removed: 1, questions: 2 });
  });

  it('brings an index still being built up to date with a reload made meanwhile', async () => {
    // More than two slices (in either thread), so the build pauses between slices and the reload lands in the middle of it.
    let text = Array.from({ length: 4_001 }, (_, i) => `${i + 1}. What is widget number ${i}?`).join('\n');
    const service = createBankService(loadBank([file('a.md', text)]), async () => loadBank([file('a.md', text)]), { search });
    const first = service.search('widget', {}, 5);
    text = '1. What is a barrier?\n';
    await service.reload();
    expect((await service.search('barrier', {}, 5)).map((q) => q.question)).toEqual(['What is a barrier?']);
    expect(await service.search('widget', {}, 5)).toEqual([]);
    // The search made before the reload finishes too, with questions of one bank or the other.
    expect((await first).length).toBeLessThanOrEqual(5);
  });

  it('follows the overlay: an override is found by its new words, an added question at once, a hidden one not at all', async () => {
    const text = '## Memory\n1. What is a page fault?\n   A trap on a missing page.\n2. What is a TLB?\n   A cache of translations.\n';
    const service = createBankService(loadBank([file('os.md', text)]), async () => loadBank([file('os.md', text)]), { search });
    const admin = { by: 'Ada', at: new Date('2026-12-04T12:00:00Z') };
    const [fault, tlb] = service.all();
    expect((await service.search('trap', {}, 5)).map((q) => q.id)).toEqual([fault?.id]);

    await service.edits.edit(fault?.id ?? '', { answer: 'The MMU raises an exception when a page is not mapped.' }, admin);
    expect(await service.search('trap', {}, 5)).toEqual([]);
    expect((await service.search('exception', {}, 5)).map((q) => q.answer)).toEqual(['The MMU raises an exception when a page is not mapped.']);

    const added = await service.edits.add({ question: 'What is a huge page?', answer: 'A 2 MB page that saves TLB entries.', suggestedBy: 'Bob' }, admin);
    expect((await service.search('huge', {}, 5)).map((q) => q.id)).toEqual([added.id]);

    await service.edits.hide(tlb?.id ?? '', admin);
    expect((await service.search('translations', {}, 5)).map((q) => q.id)).toEqual([]);
  });
});

describe('the bank service: when the search index is built, and when it fails', () => {
  const text = '1. What is a mutex?\n   A lock.\n2. What is a semaphore?\n   A counter.\n';

  it('asked to, builds it at start in the background: the first search finds it ready', async () => {
    const logged: string[] = [];
    const logger = { ...silentLogger, info: (_obj: Record<string, unknown>, msg: string) => logged.push(msg) };
    const service = createBankService(loadBank([file('a.md', text)]), async () => loadBank([file('a.md', text)]), { logger, search: { atStart: true } });
    await vi.waitFor(() => expect(logged).toContain('bank: search index built'));
    expect((await service.search('counter', {}, 5)).map((q) => q.question)).toEqual(['What is a semaphore?']);
    expect(logged.filter((m) => m === 'bank: search index built')).toHaveLength(1);
  });

  it('an index that fails (a worker that died) fails that search, is dropped and rebuilt by the next', async () => {
    const errors: string[] = [];
    const logger = { ...silentLogger, error: (_obj: Record<string, unknown>, msg: string) => errors.push(msg) };
    let opened = 0;
    const open: SearchIndexOpener = () => {
      opened++;
      const index = openSearchWorker();
      if (opened === 1) index.close();
      return index;
    };
    const service = createBankService(loadBank([file('a.md', text)]), async () => loadBank([file('a.md', text)]), { logger, search: { open } });
    await expect(service.search('lock', {}, 5)).rejects.toThrow(/closed/);
    expect(errors).toEqual(['bank: building the search index failed; the next search tries again']);
    expect((await service.search('lock', {}, 5)).map((q) => q.question)).toEqual(['What is a mutex?']);
    expect(opened).toBe(2);
  });

  it('an update that fails closes that index (a worker is not left holding it), and the next search builds afresh', async () => {
    let words = text;
    const closed: number[] = [];
    let opened = 0;
    const open: SearchIndexOpener = () => {
      const n = ++opened;
      const inner = openLocalSearchIndex();
      let settles = 0;
      return {
        slice: inner.slice,
        apply: inner.apply,
        search: inner.search,
        async settle() {
          if (n === 1 && ++settles === 2) throw new Error('the search index worker stopped (exit code 1)');
          return inner.settle();
        },
        close() {
          closed.push(n);
          inner.close();
        },
      };
    };
    const service = createBankService(loadBank([file('a.md', words)]), async () => loadBank([file('a.md', words)]), { search: { open } });
    expect((await service.search('lock', {}, 5)).map((q) => q.question)).toEqual(['What is a mutex?']);
    words = '1. What is a spinlock?\n   A lock that busy-waits.\n';
    await service.reload();
    await vi.waitFor(() => expect(closed).toEqual([1]));
    expect((await service.search('lock', {}, 5)).map((q) => q.question)).toEqual(['What is a spinlock?']);
    expect(opened).toBe(2);
  });
});
