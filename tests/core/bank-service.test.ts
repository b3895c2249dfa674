import { describe, expect, it } from 'vitest';
import { createBankService } from '../../src/core/bank-service.js';
import { silentLogger } from '../../src/core/logger.js';
import { loadBank } from '../../src/bank/load.js';
import { seedBankService } from '../helpers/services.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

describe('the bank service', () => {
  const bank = seedBankService();

  it('resolves what people type to categories: exact, word start, then substring, then tags', () => {
    expect(bank.resolveCategories('reinforcement learning')).toEqual(['Reinforcement Learning']);
    expect(bank.resolveCategories('rein')).toEqual(['Reinforcement Learning']);
    expect(bank.resolveCategories('RAG').sort()).toEqual(['RAG and Multimodel RAG', 'Retrieval Augmented Generation - RAG']);
    expect(bank.resolveCategories('zzz')).toEqual([]);
  });

  it('filters by category, tag and answered', () => {
    expect(bank.filter({ categories: ['Reinforcement Learning'] })).toHaveLength(15);
    expect(bank.filter({ tags: ['rlhf'] }).map((q) => q.question)).toEqual(['How would you use RLHF to train an LLM model?']);
    expect(bank.filter({ answeredOnly: true })).toHaveLength(168);
  });

  it('filters by difficulty, leaving out questions without one', () => {
    const service = createBankService(loadBank([file('a.md', '1. What is a pipe? 👶\n2. What is epoll? 🚀\n3. What is a signal?\n4. What is a futex? [hard]\n')]), async () =>
      loadBank([]),
    );
    expect(service.filter({ difficulties: ['hard'] }).map((q) => q.question)).toEqual(['What is epoll?', 'What is a futex?']);
    expect(service.filter({ difficulties: ['easy', 'medium'] }).map((q) => q.question)).toEqual(['What is a pipe?']);
    expect(service.filter({ difficulties: [] })).toHaveLength(4);
  });

  it('finds by exact id or a unique prefix of at least four characters', () => {
    const q = bank.all()[0];
    expect(bank.find(q?.id ?? '')).toBe(q);
    expect(bank.find(q?.id.slice(0, 6) ?? '')).toBe(q);
    expect(bank.find('abc')).toBeUndefined();
  });

  it('reports what a reload added and removed, and bumps its version', async () => {
    let text = '1. What is A?\n2. What is B?\n';
    const service = createBankService(loadBank([file('a.md', text)]), async () => loadBank([file('a.md', text)]));
    text = '1. What is B?\n2. What is C?\n3. What is D?\n';
    expect(await service.reload()).toEqual({ total: 3, added: 2, removed: 1, warnings: 0 });
    expect(service.version()).toBe(2);
    expect(service.all().map((q) => q.question)).toEqual(['What is B?', 'What is C?', 'What is D?']);
  });

  it('hands an edited question its old id on reload, says so in the log, and keeps it on later reloads', async () => {
    const logged: { msg: string; obj: Record<string, unknown> }[] = [];
    const logger = { ...silentLogger, info: (obj: Record<string, unknown>, msg: string) => logged.push({ obj, msg }) };
    let text = '## Memory\n1. What is a page fualt?\n2. What is a TLB?\n3. What is a slab?\nId: slab\n';
    const service = createBankService(loadBank([file('os.md', text)]), async () => loadBank([file('os.md', text)]), { logger });
    const [fault, tlb] = service.all();
    text = '## Memory\n1. What is a page fault?\n2. What is the TLB?\n3. What is a slab allocator?\nId: slab\n';
    expect(await service.reload()).toEqual({ total: 3, added: 0, removed: 0, warnings: 0 });
    expect(service.all().map((q) => [q.question, q.id])).toEqual([
      ['What is a page fault?', fault?.id],
      ['What is the TLB?', tlb?.id],
      ['What is a slab allocator?', 'slab'],
    ]);
    expect(logged).toEqual([
      { msg: 'an edited question keeps its id', obj: { id: fault?.id, was: 'What is a page fualt?', now: 'What is a page fault?', file: 'os.md', line: 2 } },
      { msg: 'an edited question keeps its id', obj: { id: tlb?.id, was: 'What is a TLB?', now: 'What is the TLB?', file: 'os.md', line: 3 } },
    ]);
    await service.reload();
    text = '## Memory\n1. What is a page fault? (easy)\n2. What is the TLB?\n3. What is a slab allocator?\nId: slab\n';
    await service.reload();
    expect(service.get(fault?.id ?? '')?.question).toBe('What is a page fault?');
    expect(logged).toHaveLength(2);
    // Another question is not an edit of the one it replaces.
    text = '## Memory\n1. What is a page fault?\n2. What is a TLB miss penalty?\n3. What is a slab allocator?\nId: slab\n';
    expect(await service.reload()).toMatchObject({ added: 1, removed: 1 });
    expect(service.all()[1]?.id).not.toBe(tlb?.id);
  });
});
