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
