import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { questionId } from '../../../src/bank/ids.js';
import { loadBank } from '../../../src/bank/load.js';
import { type BankService, createBankService, openBankService } from '../../../src/core/bank-service.js';
import { OVERLAY_KEY } from '../../../src/core/bank-overlay/keys.js';
import { isUserError } from '../../../src/core/errors.js';
import { createStore } from '../../../src/store/create-store.js';
import { MemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });
const at = new Date('2026-12-04T12:00:00Z');
const admin = { by: 'Ada', at };

const OS = '## Memory\n\n1. What is a page fault?\nAnswer: A trap on a missing page.\n\n2. What is a TLB?\nAnswer: A cache of translations.\n\n3. Note to self: fix this\n';

/** A Recall process over the files in `files` and a store: its bank service, as main.ts opens it. */
async function start(store: Store, files: { text: string }): Promise<BankService> {
  const load = async () => loadBank([file('os.md', files.text)]);
  return openBankService(await load(), load, { store });
}

const pageFault = questionId('What is a page fault?');
const tlb = questionId('What is a TLB?');

const backends: [string, () => Promise<Store>][] = [
  ['memory (shared by two services)', async () => new MemoryStore('t')],
  ['SQLite', async () => createStore(`sqlite://${join(mkdtempSync(join(tmpdir(), 'overlay-')), 'recall.sqlite')}`)],
];
const redisUrl = process.env['REDIS_URL'];
if (redisUrl) backends.push(['Redis', async () => createStore(redisUrl, { namespace: `overlay-test-${process.pid}-${Date.now()}` })]);
const opened: Store[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
});

describe.each(backends)('the bank overlay on %s', (_name, open) => {
  const fresh = async () => {
    const store = await open();
    opened.push(store);
    return store;
  };

  it('a hidden question is left out of everything that serves questions, and is back once unhidden', async () => {
    const bank = await start(await fresh(), { text: OS });
    const before = bank.version();
    expect((await bank.search('TLB')).map((q) => q.id)).toEqual([tlb]);
    const entry = await bank.edits.hide(tlb, admin);
    expect(entry.hidden).toEqual({ by: 'Ada', at: at.toISOString() });
    expect(bank.version()).toBeGreaterThan(before);
    expect(bank.get(tlb)).toBeUndefined();
    expect(bank.find(tlb.slice(0, 6))).toBeUndefined();
    expect(bank.all().map((q) => q.id)).not.toContain(tlb);
    expect(await bank.search('TLB')).toEqual([]);
    expect(bank.filter({ categories: ['Memory'] }).map((q) => q.id)).not.toContain(tlb);
    expect(bank.categories()).toEqual([{ name: 'Memory', questions: 2, answered: 1 }]);
    expect(bank.lookup(tlb)?.question.question).toBe('What is a TLB?');
    await bank.edits.unhide(tlb);
    expect(bank.get(tlb)?.question).toBe('What is a TLB?');
    expect((await bank.search('TLB')).map((q) => q.id)).toEqual([tlb]);
  });

  it('an override is served with the original beside it, survives a reload and a restart, and reverts', async () => {
    const store = await fresh();
    const files = { text: OS };
    const bank = await start(store, files);
    const entry = await bank.edits.edit(pageFault.slice(0, 8), { answer: 'A trap taken when a page is not mapped.', tags: ['os', 'memory'] }, admin);
    expect(entry.question.answer).toBe('A trap taken when a page is not mapped.');
    expect(entry.original?.answer).toBe('A trap on a missing page.');
    expect(bank.get(pageFault)?.tags).toEqual(['os', 'memory']);
    // The file is edited meanwhile (a typo fixed elsewhere); the override is keyed by id, which loads keep.
    files.text = OS.replace('What is a TLB?', 'What is a TLB ?');
    await bank.reload();
    expect(bank.get(pageFault)?.answer).toBe('A trap taken when a page is not mapped.');
    const restarted = await start(store, files);
    expect(restarted.get(pageFault)?.answer).toBe('A trap taken when a page is not mapped.');
    expect(restarted.lookup(pageFault)?.original?.answer).toBe('A trap on a missing page.');
    expect(restarted.overlayEntries().map((e) => e.question.id)).toEqual([pageFault]);
    await restarted.edits.revert(pageFault);
    expect(restarted.get(pageFault)?.answer).toBe('A trap on a missing page.');
    expect(restarted.lookup(pageFault)?.override).toBeNull();
  });

  it('a change on one process is served by another sharing the store after its next refresh', async () => {
    const store = await fresh();
    const one = await start(store, { text: OS });
    const two = await start(store, { text: OS });
    await one.edits.hide(tlb, admin);
    await one.edits.edit(pageFault, { category: 'Paging' }, admin);
    expect(two.get(tlb)).toBeDefined();
    await two.refresh();
    expect(two.get(tlb)).toBeUndefined();
    expect(two.get(pageFault)?.category).toBe('Paging');
    // Both at once: neither change is lost, and each is made once.
    await Promise.all([one.edits.unhide(tlb), two.edits.edit(pageFault, { question: 'What is a page fault, exactly?' }, admin), two.edits.unhide(tlb)]);
    await one.refresh();
    await two.refresh();
    for (const bank of [one, two]) {
      expect(bank.get(tlb)).toBeDefined();
      expect(bank.get(pageFault)).toMatchObject({ question: 'What is a page fault, exactly?', category: 'Paging' });
    }
  });

  it('an added question joins at once, carries who suggested it, is added once however often it is approved, and survives restarts', async () => {
    const store = await fresh();
    const bank = await start(store, { text: OS });
    const other = await start(store, { text: OS });
    const input = { question: 'What is a huge page?', answer: 'A 2 MB or 1 GB page.', category: 'Memory', tags: ['os'], difficulty: 'hard' as const, suggestedBy: 'Grace' };
    const [a, b] = await Promise.all([bank.edits.add(input, admin), other.edits.add(input, admin)]);
    expect(a.id).toBe(questionId('What is a huge page?'));
    expect(b.id).toBe(a.id);
    expect(a).toMatchObject({ suggestedBy: 'Grace', tags: ['os', 'hard'], difficulty: 'hard', sources: [] });
    const restarted = await start(store, { text: OS });
    expect(restarted.all().filter((q) => q.id === a.id)).toHaveLength(1);
    expect(restarted.all().at(-1)?.id).toBe(a.id);
    expect(restarted.lookup(a.id)?.added?.suggestedBy).toBe('Grace');
  });
});

describe('the bank overlay, whatever the store', () => {
  it('a file question with the id of an addition takes its place: an exported addition is not served twice', async () => {
    const store = new MemoryStore('t');
    const files = { text: OS };
    const bank = await start(store, files);
    const added = await bank.edits.add({ question: 'What is a huge page?', answer: 'Big.', suggestedBy: 'Grace' }, admin);
    files.text = `${OS}\n### What is a huge page?\nId: ${added.id}\n\nA 2 MB page.\n`;
    await bank.reload();
    const served = bank.all().filter((q) => q.question === 'What is a huge page?');
    expect(served).toHaveLength(1);
    expect(served[0]).toMatchObject({ id: added.id, answer: 'A 2 MB page.', sources: [{ file: 'os.md', line: expect.any(Number) }] });
    expect(bank.lookup(added.id)?.added).toBeNull();
  });

  it('refuses bad input with a clear error and writes nothing', async () => {
    const store = new MemoryStore('t');
    const bank = await start(store, { text: OS });
    const failures = [
      bank.edits.edit('nope-nope', { answer: 'x' }, admin),
      bank.edits.edit(tlb, {}, admin),
      bank.edits.edit(tlb, { question: '  ?? ' }, admin),
      bank.edits.edit(tlb, { answer: 'x'.repeat(20_001) }, admin),
      bank.edits.add({ question: 'What is a TLB?', answer: 'dup', suggestedBy: 'Grace' }, admin),
      bank.edits.add({ question: 'What is a slab?', answer: null, suggestedBy: 'Grace', id: 'has space' }, admin),
    ];
    for (const f of failures) await expect(f).rejects.toSatisfy(isUserError);
    expect(await store.get(OVERLAY_KEY)).toBeUndefined();
  });

  it('a damaged record is left alone: the files are served and changes are refused, not written over it', async () => {
    const store = new MemoryStore('t');
    await store.set(OVERLAY_KEY, { v: 99, whatever: true });
    const bank = await start(store, { text: OS });
    expect(bank.all()).toHaveLength(3);
    await expect(bank.edits.hide(tlb, admin)).rejects.toThrow(/Nothing was changed: the bank overlay in the store \(bank:overlay\) is not one this version of Recall can read/);
    expect(await store.get(OVERLAY_KEY)).toEqual({ v: 99, whatever: true });
  });

  it('without a store the overlay lives in memory, and a reload keeps it', async () => {
    const files = { text: OS };
    const load = async () => loadBank([file('os.md', files.text)]);
    const bank = createBankService(await load(), load);
    await bank.edits.hide(tlb, admin);
    await bank.reload();
    expect(bank.get(tlb)).toBeUndefined();
  });
});
