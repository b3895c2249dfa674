import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openBankService } from '../../src/core/bank-service.js';
import { KNOWN_QUESTIONS_KEY } from '../../src/core/bank-ids/keys.js';
import { knownBank } from '../../src/core/bank-ids/record.js';
import { knownRecordStore } from '../../src/core/bank-ids/stored.js';
import { type CoreLogger, silentLogger } from '../../src/core/logger.js';
import { questionId } from '../../src/bank/ids.js';
import { loadBank } from '../../src/bank/load.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import type { Store } from '../../src/store/store.js';

const file = (path: string, text: string) => ({ path, bytes: new TextEncoder().encode(text) });

/** A Recall process over `text` (as the files read when it starts and on each reload) and a shared store. */
async function start(store: Store, files: { text: string }) {
  const logged: { msg: string; obj: Record<string, unknown> }[] = [];
  const logger: CoreLogger = { ...silentLogger, info: (obj, msg) => logged.push({ obj, msg }) };
  const load = async () => loadBank([file('os.md', files.text)]);
  const bank = await openBankService(await load(), load, { store, logger });
  const idOf = (question: string) => bank.all().find((q) => q.question === question)?.id;
  return { bank, logged, idOf };
}

describe('ids across restarts', () => {
  it('an edited question keeps its id after a restart, and the carry is logged once', async () => {
    const store = new MemoryStore('t');
    const files = { text: '1. What is a page fualt?\n2. What is a TLB?\n' };
    const first = await start(store, files);
    const id = first.idOf('What is a page fualt?');
    files.text = '1. What is a page fault?\n2. What is a TLB?\n';
    const second = await start(store, files);
    expect(second.idOf('What is a page fault?')).toBe(id);
    expect(second.logged).toEqual([{ msg: 'an edited question keeps its id', obj: { id, was: 'What is a page fualt?', now: 'What is a page fault?', file: 'os.md', line: 1 } }]);
    const third = await start(store, files);
    expect(third.idOf('What is a page fault?')).toBe(id);
    expect(third.logged).toEqual([]);
  });

  it('a question stored under an old id whose words now make a new id keeps the old one', async () => {
    const store = new MemoryStore('t');
    // What an earlier Recall, whose id scheme did not fold contractions, left in the store.
    await store.set(KNOWN_QUESTIONS_KEY, knownBank([{ id: 'a0a0a0a0a0a0', text: "What's few-shot learning?" }], new Map()));
    const files = { text: "1. What's few-shot learning?\n" };
    const { idOf, logged } = await start(store, files);
    expect(questionId("What's few-shot learning?")).not.toBe('a0a0a0a0a0a0');
    expect(idOf("What's few-shot learning?")).toBe('a0a0a0a0a0a0');
    expect(logged).toHaveLength(1);
    expect((await start(store, files)).idOf("What's few-shot learning?")).toBe('a0a0a0a0a0a0');
    // Migrated to the chunked record: the whole one is gone.
    expect(await store.get(KNOWN_QUESTIONS_KEY)).toBeUndefined();
  });

  it('a truly new question gets its own id, and an explicit id always wins', async () => {
    const store = new MemoryStore('t');
    const files = { text: '1. What is a page fault?\n2. What is a spinlock?\n' };
    await start(store, files);
    files.text = '1. What is a page fault?\n2. What is a futex?\n3. What is a slab?\nId: slab\n';
    const { idOf, logged } = await start(store, files);
    expect(idOf('What is a futex?')).toBe(questionId('What is a futex?'));
    expect(idOf('What is a slab?')).toBe('slab');
    expect(logged).toEqual([]);
  });

  it('a question deleted while Recall was down does not hand its id to an unrelated new one', async () => {
    const store = new MemoryStore('t');
    const files = { text: '1. What is a TLB?\n2. What is a page fault?\n' };
    const tlb = (await start(store, files)).idOf('What is a TLB?');
    files.text = '1. What is a TLB miss penalty?\n2. What is a page fault?\n';
    const { idOf } = await start(store, files);
    expect(idOf('What is a TLB miss penalty?')).toBe(questionId('What is a TLB miss penalty?'));
    expect(idOf('What is a TLB miss penalty?')).not.toBe(tlb);
  });

  it('two processes on one store carry the same id, logged by the first to reload', async () => {
    const store = new MemoryStore('t');
    const files = { text: '1. What is a page fualt?\n' };
    const a = await start(store, files);
    const b = await start(store, files);
    const id = a.idOf('What is a page fualt?');
    files.text = '1. What is a page fault?\n';
    await a.bank.reload();
    await b.bank.reload();
    expect([a.idOf('What is a page fault?'), b.idOf('What is a page fault?')]).toEqual([id, id]);
    expect(a.logged).toHaveLength(1);
    expect(b.logged).toEqual([]);
  });

  it('a damaged record is replaced, not trusted', async () => {
    const store = new MemoryStore('t');
    await store.set(KNOWN_QUESTIONS_KEY, { v: 1, ids: ['x'], texts: [] });
    const files = { text: '1. What is a page fault?\n' };
    expect((await start(store, files)).idOf('What is a page fault?')).toBe(questionId('What is a page fault?'));
    expect((await knownRecordStore(store, randomUUID, async () => {}).read()).bank).toEqual(
      knownBank([{ id: questionId('What is a page fault?'), text: 'What is a page fault?' }], new Map()),
    );
    expect(await store.get(KNOWN_QUESTIONS_KEY)).toBeUndefined();
  });

  it('a store with history but no record (written before ids were kept) keeps the ids of the old scheme', async () => {
    const oldId = createHash('sha256').update('what s few shot learning').digest('hex').slice(0, 12);
    const files = { text: "1. What's few-shot learning?\n2. What is a pipe?\n" };
    const upgraded = new MemoryStore('t');
    await upgraded.set('daily:web:w1:c1:rotation', { asked: [oldId] });
    const { idOf, logged } = await start(upgraded, files);
    expect(idOf("What's few-shot learning?")).toBe(oldId);
    expect(idOf('What is a pipe?')).toBe(questionId('What is a pipe?'));
    expect(logged.map((l) => l.msg)).toEqual(['a question keeps its old id: its words are unchanged']);
    // A new install has no history to keep: today's ids.
    expect((await start(new MemoryStore('t'), files)).idOf("What's few-shot learning?")).toBe(questionId("What's few-shot learning?"));
  });

  it('writes the record once per load, and not at all when nothing changed', async () => {
    const store = new MemoryStore('t');
    let writes = 0;
    const update = store.update.bind(store);
    store.update = (key, fn) => {
      writes++;
      return update(key, fn);
    };
    const files = { text: '1. What is a page fualt?\n2. What is a TLB?\n3. What is a pipe?\n' };
    await start(store, files);
    expect(writes).toBe(1);
    const again = await start(store, files);
    expect(writes).toBe(1);
    files.text = '1. What is a page fault?\n2. What is the TLB?\n3. What is a pipe?\n';
    await again.bank.reload();
    expect(writes).toBe(2);
    expect(again.logged).toHaveLength(2);
  });
});
