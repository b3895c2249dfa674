import { describe, expect, it } from 'vitest';
import { questionId } from '../../../src/bank/ids.js';
import type { Question } from '../../../src/bank/types.js';
import { createIdKeeper } from '../../../src/core/bank-ids/keeper.js';
import { KNOWN_CHUNK_PREFIX, KNOWN_HEAD_KEY } from '../../../src/core/bank-ids/keys.js';
import { type KnownBank, knownBank } from '../../../src/core/bank-ids/record.js';
import { knownRecordStore } from '../../../src/core/bank-ids/stored.js';
import { silentLogger } from '../../../src/core/logger.js';
import { MemoryStore } from '../../../src/store/memory-store.js';

function question(text: string, file: string): Question {
  return { id: questionId(text), question: text, answer: null, hints: [], category: null, tags: [], difficulty: null, sources: [{ file, line: 1 }] };
}

/** `perFile` questions in each of `files` files; `typo` swaps two letters in question 7 of file 3. */
function bank(files: number, perFile: number, typo = false): Question[] {
  return Array.from({ length: files * perFile }, (_, i) => {
    const file = Math.floor(i / perFile);
    const text = `What does stage ${i % perFile} of pipeline number ${file} in the ingestion service do?`;
    return question(typo && file === 3 && i % perFile === 7 ? text.replace('ingestion', 'ingetsion') : text, `f${file}.md`);
  });
}

const known = (questions: readonly Question[]): KnownBank =>
  knownBank(
    questions.map((q) => ({ id: q.id, text: q.question })),
    new Map(),
  );

let generations = 0;
const newGeneration = () => `g${++generations}`;
const noPause = async () => {};

/** A store that counts the chunk writes and can fail the head swap once. */
function countingStore() {
  const store = new MemoryStore('t');
  const written: string[] = [];
  let failSwap = false;
  const set = store.set.bind(store);
  store.set = (key, value, ttl) => {
    if (key.startsWith(KNOWN_CHUNK_PREFIX)) written.push(key);
    return set(key, value, ttl);
  };
  const update = store.update.bind(store);
  store.update = (key, fn) => {
    if (failSwap && key === KNOWN_HEAD_KEY) {
      failSwap = false;
      return Promise.reject(new Error('the process died here'));
    }
    return update(key, fn);
  };
  return { store, written, failNextSwap: () => void (failSwap = true) };
}

async function chunkKeys(store: MemoryStore): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.scanKeys(KNOWN_CHUNK_PREFIX, cursor, 100);
    keys.push(...page.keys);
    cursor = page.cursor;
  } while (cursor !== null);
  return keys.sort();
}

describe('the chunked record of known questions', () => {
  it('reads back what was written, in chunks of at most 2,000 questions that never span two files', async () => {
    const { store } = countingStore();
    const questions = [...bank(2, 10), ...bank(1, 4_500).map((q) => ({ ...q, sources: [{ file: 'big.md', line: 1 }] }))];
    const record = knownRecordStore(store, newGeneration, noPause);
    expect(await record.write(await record.read(), known(questions), questions)).toBe('written');
    const keys = await chunkKeys(store);
    const sizes = await Promise.all(keys.map(async (k) => ((await store.get<{ ids: string[] }>(k))?.ids ?? []).length));
    expect(sizes.sort((a, b) => a - b)).toEqual([10, 10, 500, 2_000, 2_000]);
    // Another process (no cache) reads the same record.
    expect((await knownRecordStore(store, newGeneration, noPause).read()).bank).toEqual(known(questions));
  });

  it('an edit in one file writes only that file’s chunk and deletes the one it replaces', async () => {
    const { store, written } = countingStore();
    const keeper = createIdKeeper(silentLogger, store, undefined, { newGeneration, pause: noPause });
    const before = bank(10, 50);
    await keeper.settle({ questions: before, warnings: [], files: [] });
    expect(written).toHaveLength(10);
    const firstKeys = await chunkKeys(store);
    written.length = 0;
    const after = await keeper.settle({ questions: bank(10, 50, true), warnings: [], files: [] });
    // That file's chunk, and the one chunk of aliases, which now has the carried id.
    expect(written).toHaveLength(2);
    const aliases = await store.get<{ aliases: string[] }>(written[1] ?? '');
    expect(aliases?.aliases).toEqual([bank(10, 50, true)[157]?.id, before[157]?.id]);
    // The edited question kept its id, and the record now knows it by its new text.
    expect(after.questions.map((q) => q.id)).toEqual(before.map((q) => q.id));
    const keys = await chunkKeys(store);
    expect(keys).toHaveLength(11);
    expect(keys.filter((k) => !firstKeys.includes(k))).toEqual(written);
    // Nothing changed: nothing written.
    written.length = 0;
    await keeper.settle({ questions: bank(10, 50, true), warnings: [], files: [] });
    expect(written).toEqual([]);
  });

  it('a process that dies before the head is swapped leaves the last record whole', async () => {
    const { store, failNextSwap } = countingStore();
    const first = createIdKeeper(silentLogger, store, undefined, { newGeneration, pause: noPause });
    const before = bank(5, 20);
    await first.settle({ questions: before, warnings: [], files: [] });
    failNextSwap();
    const warned: unknown[] = [];
    const dying = createIdKeeper({ ...silentLogger, warn: (obj) => void warned.push(obj) }, store, undefined, { newGeneration, pause: noPause });
    // A different bank: every chunk is new, every one written, then the swap fails.
    await dying.settle({ questions: bank(5, 30), warnings: [], files: [] });
    expect(warned).toHaveLength(1);
    expect((await knownRecordStore(store, newGeneration, noPause).read()).bank).toEqual(known(before));
    // A restart with the typo fixed still finds the old record and keeps the edited question's id.
    const restarted = await createIdKeeper(silentLogger, store, undefined, { newGeneration, pause: noPause }).settle({ questions: bank(5, 20, true), warnings: [], files: [] });
    expect(restarted.questions.map((q) => q.id)).toEqual(before.map((q) => q.id));
  });

  it('a write that loses the race to another process swaps nothing and removes its chunks', async () => {
    const { store } = countingStore();
    const a = knownRecordStore(store, newGeneration, noPause);
    const b = knownRecordStore(store, newGeneration, noPause);
    const base = bank(3, 10);
    await a.write(await a.read(), known(base), base);
    const readA = await a.read();
    const readB = await b.read();
    const forB = bank(4, 10);
    expect(await b.write(readB, known(forB), forB)).toBe('written');
    const before = await chunkKeys(store);
    const forA = bank(2, 10);
    expect(await a.write(readA, known(forA), forA)).toBe('conflict');
    expect(await chunkKeys(store)).toEqual(before);
    expect((await a.read()).bank).toEqual(known(forB));
  });

  it('a head naming a chunk that is gone counts as damaged and is replaced', async () => {
    const { store } = countingStore();
    const record = knownRecordStore(store, newGeneration, noPause);
    const questions = bank(2, 10);
    await record.write(await record.read(), known(questions), questions);
    const [lost] = await chunkKeys(store);
    await store.delete(lost ?? '');
    const reader = knownRecordStore(store, newGeneration, noPause);
    const read = await reader.read();
    expect(read).toMatchObject({ bank: undefined, damaged: true });
    expect(await reader.write(read, known(questions), questions)).toBe('written');
    expect((await knownRecordStore(store, newGeneration, noPause).read()).bank).toEqual(known(questions));
  });
});

describe('tidying what interrupted writes left', () => {
  it('deletes the chunks of a write that died before its swap once the head has moved past them, and every chunk the head names stays', async () => {
    const { store, failNextSwap } = countingStore();
    const before = bank(5, 20);
    const settle = (keeper: ReturnType<typeof createIdKeeper>, questions: Question[]) => keeper.settle({ questions, warnings: [], files: [] });
    await settle(createIdKeeper(silentLogger, store, undefined, { newGeneration, pause: noPause }), before);
    const whole = await chunkKeys(store);
    failNextSwap();
    await settle(createIdKeeper(silentLogger, store, undefined, { newGeneration, pause: noPause }), bank(5, 30));
    const left = (await chunkKeys(store)).filter((k) => !whole.includes(k));
    expect(left).toHaveLength(5);
    const logged: unknown[] = [];
    const restarted = createIdKeeper({ ...silentLogger, info: (obj) => void logged.push(obj) }, store, undefined, { newGeneration, pause: noPause });
    // Unchanged files rewrite nothing, and the dead write's chunks look like those of a write still under
    // way (made to replace the head there is now): they stay until a head replaces that one.
    await settle(restarted, before);
    expect(await chunkKeys(store)).toEqual([...whole, ...left].sort());
    const edited = bank(5, 20, true);
    await settle(restarted, edited);
    const after = await chunkKeys(store);
    expect(after.filter((k) => left.includes(k))).toEqual([]);
    expect(logged).toContainEqual({ removed: 5 });
    const read = await knownRecordStore(store, newGeneration, noPause).read();
    expect(read.bank?.ids).toEqual(before.map((q) => q.id));
    expect([...(read.head?.chunks ?? []), ...(read.head?.aliases ?? [])].sort()).toEqual(after);
  });

  it('leaves alone the chunks of a write another process has under way, whose swap then succeeds', async () => {
    const { store } = countingStore();
    const base = bank(3, 10);
    const writer = knownRecordStore(store, newGeneration, noPause);
    await writer.write(await writer.read(), known(base), base);
    // The writer's swap waits until the other process has tidied.
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const update = store.update.bind(store);
    store.update = async (key, fn) => {
      if (key === KNOWN_HEAD_KEY) await gate;
      return update(key, fn);
    };
    const next = bank(4, 10);
    const writing = writer.write(await writer.read(), known(next), next);
    // Its new chunk (the fourth file's; the other three are kept) is written but not yet named by any head.
    while (!(await chunkKeys(store)).some((k) => k.startsWith(`${KNOWN_CHUNK_PREFIX}2.`))) await new Promise((resolve) => setTimeout(resolve, 1));
    expect(await knownRecordStore(store, newGeneration, noPause).tidy()).toBe(0);
    release();
    expect(await writing).toBe('written');
    const read = await knownRecordStore(store, newGeneration, noPause).read();
    expect(read.damaged).toBe(false);
    expect(read.bank).toEqual(known(next));
  });

  it('deletes nothing while the head is one a Recall before the sequence wrote (it may be writing still)', async () => {
    const { store } = countingStore();
    const base = bank(2, 10);
    const record = knownRecordStore(store, newGeneration, noPause);
    await record.write(await record.read(), known(base), base);
    const head = await store.get<{ v: 2; seq?: number; chunks: string[]; aliases: string[] }>(KNOWN_HEAD_KEY);
    expect(head?.seq).toBe(1);
    const { seq: _, ...legacy } = head!;
    await store.set(KNOWN_HEAD_KEY, legacy);
    await store.set(`${KNOWN_CHUNK_PREFIX}an-old-uuid:0`, { ids: ['x'], texts: ['X?'] });
    expect(await record.tidy()).toBe(0);
    // Once this Recall has swapped a head in, the old process's leftover goes.
    const next = bank(3, 10);
    expect(await record.write(await record.read(), known(next), next)).toBe('written');
    expect(await record.tidy()).toBe(1);
    expect(await store.get(`${KNOWN_CHUNK_PREFIX}an-old-uuid:0`)).toBeUndefined();
    expect((await record.read()).bank).toEqual(known(next));
  });
});
