/** One row of a sorted board. */
export interface BoardEntry {
  member: string;
  score: number;
}

/** Where a member sits on a board: rank is 1-based, in the same order boardTop uses. */
export interface BoardPosition {
  rank: number;
  score: number;
}

/** One board increment of a transaction. */
export interface BoardIncrement {
  board: string;
  member: string;
  /** Finite; a new member starts at 0. */
  delta: number;
  /**
   * The lowest score this increment may leave: a subtraction that would go below it stops at it, and a
   * score already below it is raised to it. Points boards pass 0, so no total is ever negative.
   */
  floor?: number;
}

/** A board member whose score a transaction reads. */
export interface BoardMemberRef {
  board: string;
  member: string;
}

/** What a transaction's fn sees: the values and scores it asked for, all from one moment. */
export interface TransactionSnapshot {
  /** Only keys listed in `read.keys`; an expired value reads as undefined. */
  value<T>(key: string): T | undefined;
  /** Only members listed in `read.scores`; null when the member is not on the board. */
  score(board: string, member: string): number | null;
}

/** What a transaction's fn decides: the writes, and a result handed back to the caller once they commit. */
export interface TransactionPlan<R> {
  /** New values, only for keys in `read.keys`; written without expiry, as update does. */
  set?: ReadonlyMap<string, unknown>;
  boardAdds?: readonly BoardIncrement[];
  result: R;
}

/** One page of a key scan; `cursor` is null once the scan is complete. */
export interface KeyPage {
  keys: string[];
  cursor: string | null;
}

/**
 * The only persistence surface the core sees. Kept deliberately narrow so every
 * backend (memory, SQLite, Redis) can give the same guarantees, including across
 * processes where the backend allows it.
 *
 * Values are JSON values: whatever JSON.stringify/JSON.parse round-trips.
 * Board order everywhere is score descending, then member ascending by Unicode
 * code point (the byte order of UTF-8, which is what SQLite and Redis compare).
 */
export interface Store {
  get<T>(key: string): Promise<T | undefined>;
  /** ttlMs, when given, must be a positive number of milliseconds. */
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  /** True when a live value was removed. */
  delete(key: string): Promise<boolean>;
  /**
   * Idempotent marker / lock: true only for the caller that created it.
   * Expired values count as absent. Atomic across processes on Redis and SQLite.
   */
  setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean>;
  /**
   * Keeps a lock alive for its holder: when the key holds a live value equal (as JSON text) to `value`,
   * its expiry becomes now + ttlMs and the result is true; when it expired or someone else holds it,
   * nothing changes and the result is false. Atomic across processes on Redis and SQLite.
   */
  renew<T>(key: string, value: T, ttlMs: number): Promise<boolean>;
  /** Gives a lock back: deletes the key only while it holds a live value equal (as JSON text) to `value`. */
  release<T>(key: string, value: T): Promise<boolean>;
  /**
   * Atomic read-modify-write of one JSON value (e.g. a rotation cursor).
   * fn may run more than once on conflict, so it must be pure. The written value
   * has no expiry, whatever the previous one had.
   */
  update<T>(key: string, fn: (current: T | undefined) => T): Promise<T>;
  /**
   * Atomic read-compute-write over several values and board scores: fn sees the current values of
   * `read.keys` and scores of `read.scores`, and returns the values to write and the board increments
   * to apply. All of them land together or none does: when fn throws, an argument is invalid or a
   * write fails, nothing is written. fn may run more than once (another writer changed what it read
   * in between), so it must be pure; the result is the one from the run that committed.
   * Atomic across processes on Redis and SQLite.
   */
  transact<R>(read: { keys: readonly string[]; scores?: readonly BoardMemberRef[] }, fn: (snapshot: TransactionSnapshot) => TransactionPlan<R>): Promise<R>;
  /**
   * Pages through the value keys that contain `contains`, in no promised order; pass the returned
   * cursor to get the next page (null to start). A key may show up twice, and keys written during the
   * scan may be missed: callers that need every key must tolerate both. `limit` is a hint.
   */
  scanKeys(contains: string, cursor: string | null, limit: number): Promise<KeyPage>;
  /** Atomic add of delta to member's score (a new member starts at 0); returns the new score. */
  boardAdd(board: string, member: string, delta: number): Promise<number>;
  /** Highest first, ties by member ascending. */
  boardTop(board: string, n: number): Promise<BoardEntry[]>;
  /** null when the member is not on the board. */
  boardRank(board: string, member: string): Promise<BoardPosition | null>;
  boardSize(board: string): Promise<number>;
  boardDelete(board: string): Promise<void>;
  /** Throws a StoreError with code UNREACHABLE when the backend cannot be used. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
