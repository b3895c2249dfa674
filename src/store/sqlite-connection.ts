import sqlite3 from 'sqlite3';
import { pauseBeforeRetry } from './backoff.js';

/** One row as sqlite3 hands it over; columns are narrowed where they are read. */
export type SqliteRow = Record<string, unknown>;
export type SqliteParam = string | number | null;

/**
 * A promise-shaped handle on one sqlite3 connection. We open our own connection
 * instead of borrowing @keyv/sqlite's, whose handle is private and only reachable
 * through a query() that cannot report how many rows a statement changed.
 */
export interface SqliteConnection {
  /** Runs one statement; resolves to the number of rows it changed. */
  run(sql: string, params?: SqliteParam[]): Promise<number>;
  all(sql: string, params?: SqliteParam[]): Promise<SqliteRow[]>;
  /**
   * The first row of a read. Never use it for a write with RETURNING: sqlite3 steps such a statement only
   * once and leaves it open, and with it the write transaction, so other connections get SQLITE_BUSY.
   */
  get(sql: string, params?: SqliteParam[]): Promise<SqliteRow | undefined>;
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

export async function openSqliteConnection(path: string, busyTimeoutMs: number, options: { create: boolean }): Promise<SqliteConnection> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(path, options.create ? sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE : sqlite3.OPEN_READWRITE, (error) =>
      error === null ? resolve(opened) : reject(error),
    );
  });
  // Two processes sharing the file wait for each other's write instead of failing with SQLITE_BUSY.
  db.configure('busyTimeout', busyTimeoutMs);
  // One statement at a time on this connection, each finished before the next starts. Overlapping
  // statements keep a read transaction open, and SQLite then answers a write with SQLITE_BUSY at once
  // instead of waiting out the busy timeout.
  db.serialize();
  const patiently = <T>(op: () => Promise<T>) => retryWhileBusy(op, busyTimeoutMs);

  return {
    run: (sql, params = []) =>
      patiently(
        () =>
          new Promise((resolve, reject) => {
            db.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
              if (error === null) resolve(this.changes);
              else reject(error);
            });
          }),
      ),
    all: (sql, params = []) =>
      patiently(
        () =>
          new Promise((resolve, reject) => {
            db.all<SqliteRow>(sql, params, (error, rows) => (error === null ? resolve(rows) : reject(error)));
          }),
      ),
    get: (sql, params = []) =>
      patiently(
        () =>
          new Promise((resolve, reject) => {
            db.get<SqliteRow | undefined>(sql, params, (error, row) => (error === null ? resolve(row) : reject(error)));
          }),
      ),
    exec: (sql) =>
      new Promise((resolve, reject) => {
        db.exec(sql, (error) => (error === null ? resolve() : reject(error)));
      }),
    close: () =>
      new Promise((resolve, reject) => {
        db.close((error) => (error === null ? resolve() : reject(error)));
      }),
  };
}

/**
 * Another process can still hold the file's write lock in ways SQLite reports at once rather than
 * after its busy timeout (a stale WAL snapshot). The statement did nothing, so running it again is safe.
 */
async function retryWhileBusy<T>(op: () => Promise<T>, budgetMs: number): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await op();
    } catch (error) {
      if (sqliteErrorCode(error) !== 'SQLITE_BUSY' || Date.now() - started > budgetMs) throw error;
      await pauseBeforeRetry(attempt);
    }
  }
}

/** sqlite3 errors carry codes such as SQLITE_NOTADB; anything else has none. */
export function sqliteErrorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function numberColumn(row: SqliteRow | undefined, column: string): number {
  const value = row?.[column];
  if (typeof value !== 'number') {
    throw new Error(`expected a number in column ${column}, got ${typeof value}`);
  }
  return value;
}

export function stringColumn(row: SqliteRow | undefined, column: string): string {
  const value = row?.[column];
  if (typeof value !== 'string') {
    throw new Error(`expected text in column ${column}, got ${typeof value}`);
  }
  return value;
}
