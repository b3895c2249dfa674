import type { Question } from '../../bank/types.js';
import type { Store } from '../../store/store.js';
import { KNOWN_CHUNK_PREFIX, KNOWN_HEAD_KEY, KNOWN_QUESTIONS_KEY, knownChunkKey } from './keys.js';
import { type KnownBank, readKnownBank } from './record.js';

/**
 * The record of known questions in the store, in chunks. As one value it was ~11 MB of JSON for
 * 100,000 questions, decoded on every reload and encoded again when it changed: 100–500 ms each with
 * the event loop stopped. Now a small head names the chunks (a few thousand questions each, grouped by
 * file, so an edit rewrites only its file's chunks). A write puts new chunks under keys of a fresh
 * generation, then swaps the head in one atomic update, then deletes the chunks only the old head
 * named. A crash at any point leaves the old head and all its chunks, or the new head and all of its
 * own: never a record made of two loads. Chunks are never changed once written, so each process keeps
 * those it has read or written and reads from the store only what another process wrote.
 */

/** Questions (or alias pairs) per chunk: ~200 KB of JSON, a millisecond or two to decode. */
const CHUNK_QUESTIONS = 2_000;
/** Questions read, compared or cut into chunks between two turns of the event loop. */
const SLICE_QUESTIONS = 10_000;
/** Rounds of read, decide, swap when another process swaps the head in between. */
export const MAX_WRITE_ATTEMPTS = 5;

interface KnownHead {
  v: 2;
  /**
   * One more than the head it replaced (0: written by a Recall before the sequence). A write's chunks
   * carry the sequence of the head it means to swap in (see generationKey), which is what lets
   * tidy tell a chunk a crash left behind from one another process is writing right now.
   */
  seq: number;
  chunks: string[];
  aliases: string[];
}

interface QuestionChunk {
  ids: string[];
  texts: string[];
}

interface AliasChunk {
  /** Pairs flattened: from, to, from, to… */
  aliases: string[];
}

/** What a read found: the record (when there is one) and what to compare the head with when swapping it. */
export interface StoredKnown {
  bank: KnownBank | undefined;
  /** The head as read, as JSON ('' when there was none): the swap happens only if it is still this. */
  token: string;
  head: KnownHead | undefined;
  /** A whole record of the earlier format was found; it goes once the chunks are written. */
  legacy: boolean;
  /** Something was stored but could not be read: replaced by the next write. */
  damaged: boolean;
}

export type WriteOutcome = 'unchanged' | 'written' | 'conflict';

export interface KnownRecordStore {
  read(): Promise<StoredKnown>;
  /** Writes `known` (one entry per question of `questions`, same order) unless another process swapped the head since `read`. */
  write(read: StoredKnown, known: KnownBank, questions: readonly Question[]): Promise<WriteOutcome>;
  /**
   * Deletes the chunks a write abandoned (a process that died between writing its chunks and swapping
   * the head): those the head does not name, of its sequence or older. A chunk of a newer sequence
   * belongs to a write still under way in some process, and is left alone. Returns how many went.
   */
  tidy(): Promise<number>;
}

export function knownRecordStore(store: Store, newGeneration: () => string, pause: () => Promise<void>): KnownRecordStore {
  /** Chunks this process has read or written, by key: a key's value never changes. */
  let cache = new Map<string, QuestionChunk | AliasChunk>();

  async function chunk<C extends QuestionChunk | AliasChunk>(key: string, valid: (v: unknown) => v is C): Promise<C | undefined> {
    const cached = cache.get(key);
    if (cached !== undefined) return valid(cached) ? cached : undefined;
    const value = await store.get<unknown>(key);
    if (!valid(value)) return undefined;
    cache.set(key, value);
    return value;
  }

  async function readOnce(): Promise<StoredKnown | 'moved'> {
    const raw = await store.get<unknown>(KNOWN_HEAD_KEY);
    const token = tokenOf(raw);
    if (raw === undefined) {
      const legacy = await store.get<unknown>(KNOWN_QUESTIONS_KEY);
      if (legacy === undefined) return { bank: undefined, token, head: undefined, legacy: false, damaged: false };
      const bank = readKnownBank(legacy);
      return { bank, token, head: undefined, legacy: true, damaged: bank === undefined };
    }
    const head = readHead(raw);
    if (head === undefined) return { bank: undefined, token, head, legacy: false, damaged: true };
    const bank: KnownBank = { v: 1, ids: [], texts: [], aliases: [] };
    const read = new Map<string, QuestionChunk | AliasChunk>();
    let sinceTurn = 0;
    for (const key of head.chunks) {
      const c = await chunk(key, isQuestionChunk);
      if (c !== undefined) read.set(key, c);
      if (c === undefined) return (await headMoved(token)) ? 'moved' : { bank: undefined, token, head, legacy: false, damaged: true };
      append(bank.ids, c.ids);
      append(bank.texts, c.texts);
      sinceTurn += c.ids.length;
      if (sinceTurn >= SLICE_QUESTIONS) {
        sinceTurn = 0;
        await pause();
      }
    }
    for (const key of head.aliases) {
      const c = await chunk(key, isAliasChunk);
      if (c === undefined) return (await headMoved(token)) ? 'moved' : { bank: undefined, token, head, legacy: false, damaged: true };
      read.set(key, c);
      append(bank.aliases, c.aliases);
    }
    // Only the chunks of the head just read can be reused by the next write.
    cache = read;
    return { bank, token, head, legacy: false, damaged: false };
  }

  /** A chunk the head names is missing: fine if the head was swapped meanwhile (its writer deleted it), damage if not. */
  async function headMoved(token: string): Promise<boolean> {
    return tokenOf(await store.get<unknown>(KNOWN_HEAD_KEY)) !== token;
  }

  return {
    async read() {
      for (let attempt = 1; ; attempt++) {
        const found = await readOnce();
        if (found !== 'moved') return found;
        // Another process is swapping heads as fast as this one reads: its next write replaces what it cannot read.
        if (attempt >= MAX_WRITE_ATTEMPTS) return { bank: undefined, token: '', head: undefined, legacy: false, damaged: true };
      }
    },

    async write(read, known, questions) {
      const seq = (read.head?.seq ?? 0) + 1;
      const generation = `${seq}.${newGeneration()}`;
      const fresh = new Map<string, QuestionChunk | AliasChunk>();
      const kept = new Map<string, QuestionChunk | AliasChunk>();
      // Old chunks by their first id (ids are unique in a bank) or first alias: where an unchanged chunk would be.
      const oldByFirst = new Map<string, string>();
      for (const key of [...(read.head?.chunks ?? []), ...(read.head?.aliases ?? [])]) {
        const c = cache.get(key);
        if (c !== undefined) oldByFirst.set(firstOf(c), key);
      }
      let n = 0;
      /** The key of an old chunk holding exactly these strings, or a fresh one. */
      const place = (c: QuestionChunk | AliasChunk): string => {
        const oldKey = oldByFirst.get(firstOf(c));
        const old = oldKey === undefined ? undefined : cache.get(oldKey);
        if (oldKey !== undefined && old !== undefined && sameChunk(old, c)) {
          kept.set(oldKey, c);
          return oldKey;
        }
        const key = knownChunkKey(generation, n++);
        fresh.set(key, c);
        return key;
      };
      const chunks: string[] = [];
      let start = 0;
      let sinceTurn = 0;
      const fileOf = (i: number) => questions[i]?.sources[0]?.file;
      for (let i = 1; i <= known.ids.length; i++) {
        if (i < known.ids.length && i - start < CHUNK_QUESTIONS && fileOf(i) === fileOf(start)) continue;
        chunks.push(place({ ids: known.ids.slice(start, i), texts: known.texts.slice(start, i) }));
        sinceTurn += i - start;
        start = i;
        if (sinceTurn >= SLICE_QUESTIONS) {
          sinceTurn = 0;
          await pause();
        }
      }
      const aliases: string[] = [];
      for (let i = 0; i < known.aliases.length; i += 2 * CHUNK_QUESTIONS) aliases.push(place({ aliases: known.aliases.slice(i, i + 2 * CHUNK_QUESTIONS) }));
      const head: KnownHead = { v: 2, seq, chunks, aliases };
      if (read.head !== undefined && !read.damaged && fresh.size === 0 && sameStrings(chunks, read.head.chunks) && sameStrings(aliases, read.head.aliases)) {
        // The same strings, now shared with the loaded bank rather than decoded copies.
        for (const [key, c] of kept) cache.set(key, c);
        return 'unchanged';
      }
      sinceTurn = 0;
      for (const [key, c] of fresh) {
        await store.set(key, c);
        sinceTurn += 'ids' in c ? c.ids.length : c.aliases.length / 2;
        if (sinceTurn >= SLICE_QUESTIONS) {
          sinceTurn = 0;
          await pause();
        }
      }
      let swapped = false;
      await store.update<unknown>(KNOWN_HEAD_KEY, (current) => {
        swapped = current === undefined || tokenOf(current) === read.token;
        return swapped ? head : current;
      });
      if (!swapped) {
        for (const key of fresh.keys()) await store.delete(key);
        return 'conflict';
      }
      cache = new Map([...kept, ...fresh]);
      const named = new Set([...chunks, ...aliases]);
      for (const key of [...(read.head?.chunks ?? []), ...(read.head?.aliases ?? [])]) if (!named.has(key)) await store.delete(key);
      if (read.legacy) await store.delete(KNOWN_QUESTIONS_KEY);
      return 'written';
    },

    async tidy() {
      // A write swaps the head only if it is still the one the write read, and every swap raises the
      // sequence: a chunk of sequence k was written to replace a head of k - 1, so once the head is at k
      // or past it, that write has swapped (and the head names what it still needs) or never will. A
      // head from before the sequence (0) may be being replaced by such a Recall, whose chunks carry
      // none: nothing is deleted then.
      const head = readHead(await store.get<unknown>(KNOWN_HEAD_KEY));
      if (head === undefined || head.seq === 0) return 0;
      const named = new Set([...head.chunks, ...head.aliases]);
      let removed = 0;
      let cursor: string | null = null;
      for (let page = 0; page < MAX_TIDY_PAGES; page++) {
        const found = await store.scanKeys(KNOWN_CHUNK_PREFIX, cursor, TIDY_PAGE);
        for (const key of found.keys) {
          if (!key.startsWith(KNOWN_CHUNK_PREFIX) || named.has(key) || chunkSeq(key) > head.seq) continue;
          await store.delete(key);
          removed++;
        }
        cursor = found.cursor;
        if (cursor === null) break;
        await pause();
      }
      return removed;
    },
  };
}

/** Keys listed per page while tidying, and pages at most (a store of 100,000 questions has ~60 chunks). */
const TIDY_PAGE = 500;
const MAX_TIDY_PAGES = 1_000;

/** The sequence a chunk's key carries (`<seq>.<name>` as its generation); 0 for a chunk written before there was one. */
function chunkSeq(key: string): number {
  const seq = /^(\d+)\./.exec(key.slice(KNOWN_CHUNK_PREFIX.length))?.[1];
  return seq === undefined ? 0 : Number(seq);
}

function tokenOf(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value);
}

function readHead(value: unknown): KnownHead | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, seq, chunks, aliases } = value as Partial<Record<keyof KnownHead, unknown>>;
  if (v !== 2 || !strings(chunks) || !strings(aliases)) return undefined;
  return { v, seq: typeof seq === 'number' && Number.isSafeInteger(seq) && seq > 0 ? seq : 0, chunks, aliases };
}

function isQuestionChunk(value: unknown): value is QuestionChunk {
  if (typeof value !== 'object' || value === null) return false;
  const { ids, texts } = value as Partial<Record<keyof QuestionChunk, unknown>>;
  return strings(ids) && strings(texts) && ids.length === texts.length && ids.length > 0;
}

function isAliasChunk(value: unknown): value is AliasChunk {
  if (typeof value !== 'object' || value === null) return false;
  const { aliases } = value as Partial<Record<keyof AliasChunk, unknown>>;
  return strings(aliases) && aliases.length % 2 === 0;
}

function firstOf(c: QuestionChunk | AliasChunk): string {
  return 'ids' in c ? `q:${c.ids[0]}` : `a:${c.aliases[0]}`;
}

function sameChunk(a: QuestionChunk | AliasChunk, b: QuestionChunk | AliasChunk): boolean {
  if ('ids' in a && 'ids' in b) return sameStrings(a.ids, b.ids) && sameStrings(a.texts, b.texts);
  if ('aliases' in a && 'aliases' in b) return sameStrings(a.aliases, b.aliases);
  return false;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function strings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((x) => typeof x === 'string');
}

/** push(...many) would pass every element as an argument; chunks are small, but a loop has no limit. */
function append(to: string[], from: readonly string[]): void {
  for (const x of from) to.push(x);
}
