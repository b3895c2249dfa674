import { Keyv } from 'keyv';
import { compareEntries } from './board-order.js';
import { decodeEnvelope, encodeEnvelope, envelopeKeyvOptions, isExpired, sameJson } from './envelope.js';
import { KeyMutex } from './key-mutex.js';
import { boardKey, valueKey } from './keys.js';
import { checkDelta, checkLimit, checkTtl } from './store-arguments.js';
import { StoreError } from './store-error.js';
import type { BoardEntry, BoardPosition, KeyPage, Store, TransactionPlan, TransactionSnapshot } from './store.js';
import { type TransactionRead, checkPlan, incremented, scoreId, snapshotOf, uniqueKeys } from './transaction.js';

/**
 * Process-local store for tests and throwaway runs. Values go through keyv's
 * default Map; every value write takes the key's mutex so setIfAbsent and update
 * are atomic within the process (there is no other process to race). Boards are
 * plain Maps: their operations are synchronous, hence atomic already.
 */
export class MemoryStore implements Store {
  /** keyv's Map, held so a transaction can read and write all its keys in one synchronous step. */
  private readonly values = new Map<string, unknown>();
  private readonly keyv = new Keyv<unknown>({ store: this.values, ...envelopeKeyvOptions() });
  private readonly mutex = new KeyMutex();
  private readonly boards = new Map<string, Map<string, number>>();
  private closed = false;

  constructor(private readonly namespace: string) {}

  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.keyv.get(valueKey(this.namespace, key));
    // JSON values in, JSON values out: the caller names the type it stored.
    return value as T | undefined;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    const ttl = checkTtl(ttlMs);
    const k = valueKey(this.namespace, key);
    await this.mutex.run(k, () => this.keyv.set(k, value, ttl));
  }

  async delete(key: string): Promise<boolean> {
    const k = valueKey(this.namespace, key);
    return this.mutex.run(k, async () => {
      // keyv would report an expired entry as deleted; the contract says "live value".
      const live = (await this.keyv.get(k, { raw: true })) !== undefined;
      await this.keyv.delete(k);
      return live;
    });
  }

  async setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const k = valueKey(this.namespace, key);
    return this.mutex.run(k, async () => {
      // raw, so a stored null or undefined still counts as present.
      if ((await this.keyv.get(k, { raw: true })) !== undefined) return false;
      await this.keyv.set(k, value, ttl);
      return true;
    });
  }

  async renew<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const k = valueKey(this.namespace, key);
    return this.mutex.run(k, async () => {
      const current: unknown = await this.keyv.get(k);
      if (current === undefined || !sameJson(current, value)) return false;
      await this.keyv.set(k, value, ttl);
      return true;
    });
  }

  async release<T>(key: string, value: T): Promise<boolean> {
    const k = valueKey(this.namespace, key);
    return this.mutex.run(k, async () => {
      const current: unknown = await this.keyv.get(k);
      if (current === undefined || !sameJson(current, value)) return false;
      return this.keyv.delete(k);
    });
  }

  async update<T>(key: string, fn: (current: T | undefined) => T): Promise<T> {
    const k = valueKey(this.namespace, key);
    return this.mutex.run(k, async () => {
      const next = fn((await this.keyv.get(k)) as T | undefined);
      await this.keyv.set(k, next);
      return next;
    });
  }

  async transact<R>(read: TransactionRead, fn: (snapshot: TransactionSnapshot) => TransactionPlan<R>): Promise<R> {
    const keys = uniqueKeys(read.keys);
    // Every key's mutex, so update and setIfAbsent on these keys wait for us.
    return this.mutex.runAll(
      keys.map((key) => valueKey(this.namespace, key)),
      async () => this.commit(keys, read, fn),
    );
  }

  /** Synchronous from the first read to the last write: nothing else in this process can come between. */
  private commit<R>(keys: string[], read: TransactionRead, fn: (snapshot: TransactionSnapshot) => TransactionPlan<R>): R {
    const now = Date.now();
    const values = new Map<string, unknown>();
    for (const key of keys) {
      const raw = this.values.get(valueKey(this.namespace, key));
      const envelope = typeof raw === 'string' ? decodeEnvelope(raw) : undefined;
      values.set(key, envelope === undefined || isExpired(envelope, now) ? undefined : envelope.value);
    }
    const scores = new Map<string, number | null>();
    for (const { board, member } of read.scores ?? []) {
      scores.set(scoreId(board, member), this.boards.get(boardKey(this.namespace, board))?.get(member) ?? null);
    }
    const plan = checkPlan(read, fn(snapshotOf(values, scores)));
    for (const { key, value } of plan.values) this.values.set(valueKey(this.namespace, key), encodeEnvelope(value, undefined, now));
    for (const add of plan.adds) {
      const scoresOf = this.boardScores(add.board);
      scoresOf.set(add.member, incremented(scoresOf.get(add.member), add));
    }
    return plan.result;
  }

  async scanKeys(contains: string, cursor: string | null, limit: number): Promise<KeyPage> {
    const prefix = valueKey(this.namespace, '');
    const keys = [...this.values.keys()]
      .filter((k) => k.startsWith(prefix))
      .map((k) => k.slice(prefix.length))
      .filter((k) => k.includes(contains) && (cursor === null || k > cursor))
      .sort();
    const page = keys.slice(0, Math.max(1, limit));
    return { keys: page, cursor: page.length < keys.length ? (page[page.length - 1] ?? null) : null };
  }

  private boardScores(board: string): Map<string, number> {
    const k = boardKey(this.namespace, board);
    let scores = this.boards.get(k);
    if (scores === undefined) {
      scores = new Map();
      this.boards.set(k, scores);
    }
    return scores;
  }

  async boardAdd(board: string, member: string, delta: number): Promise<number> {
    checkDelta(delta);
    const scores = this.boardScores(board);
    const score = (scores.get(member) ?? 0) + delta;
    scores.set(member, score);
    return score;
  }

  async boardTop(board: string, n: number): Promise<BoardEntry[]> {
    const limit = checkLimit(n);
    return this.sorted(board).slice(0, limit);
  }

  async boardRank(board: string, member: string): Promise<BoardPosition | null> {
    const scores = this.boards.get(boardKey(this.namespace, board));
    const score = scores?.get(member);
    if (scores === undefined || score === undefined) return null;
    const self = { member, score };
    let ahead = 0;
    for (const [other, otherScore] of scores) {
      if (compareEntries({ member: other, score: otherScore }, self) < 0) ahead += 1;
    }
    return { rank: ahead + 1, score };
  }

  async boardSize(board: string): Promise<number> {
    return this.boards.get(boardKey(this.namespace, board))?.size ?? 0;
  }

  async boardDelete(board: string): Promise<void> {
    this.boards.delete(boardKey(this.namespace, board));
  }

  async ping(): Promise<void> {
    if (this.closed) throw new StoreError('CLOSED', 'memory store is closed');
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private sorted(board: string): BoardEntry[] {
    const scores = this.boards.get(boardKey(this.namespace, board));
    if (scores === undefined) return [];
    return [...scores].map(([member, score]) => ({ member, score })).sort(compareEntries);
  }
}
