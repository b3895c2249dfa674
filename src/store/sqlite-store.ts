import { resolve } from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import { Keyv } from 'keyv';
import { decodeEnvelope, encodeEnvelope, envelopeKeyvOptions, holdsValue, isExpired } from './envelope.js';
import { KeyMutex } from './key-mutex.js';
import { retryCompareAndSet } from './optimistic-update.js';
import { boardKey, valueKey } from './keys.js';
import { numberColumn, openSqliteConnection, sqliteErrorCode, stringColumn, type SqliteConnection } from './sqlite-connection.js';
import { refuseKernelFilesystemPath } from './sqlite-path.js';
import { corruptDatabase, foreignDatabase, probeSqliteFile } from './sqlite-probe.js';
import {
  BOARD_ADD,
  BOARD_DELETE,
  BOARD_RANK,
  BOARD_SIZE,
  BOARD_TOP,
  DELETE_IF_UNCHANGED,
  DELETE_VALUE,
  INSERT_IF_MISSING,
  KEYV_TABLE,
  PRUNE_EXPIRED,
  REPLACE_IF_UNCHANGED,
  SCAN_KEYS,
  SCHEMA,
  SELECT_VALUE,
  SET_IF_ABSENT,
  USER_TABLES,
} from './sqlite-schema.js';
import { checkDelta, checkLimit, checkTtl } from './store-arguments.js';
import { StoreError, errorMessage } from './store-error.js';
import type { BoardEntry, BoardPosition, KeyPage, Store, TransactionPlan, TransactionSnapshot } from './store.js';
import { GUARD_TABLE, sqliteTransaction } from './sqlite-transaction.js';
import type { TransactionRead } from './transaction.js';

export interface SqliteStoreOptions {
  path: string;
  namespace: string;
  /** How long a statement waits for another connection's write lock. */
  busyTimeoutMs: number;
}

/** The in-process lock transactions take; value keys all contain ':', so this one cannot collide. */
const TRANSACTION_LOCK = '#transaction';
const NOT_A_DATABASE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);
/** Tables any Recall store has; a database with tables but none of these belongs to something else. */
const RECALL_TABLES = new Set([KEYV_TABLE, 'recall_boards']);

/**
 * Opens (creating on first run) the SQLite file, refusing anything that is not a Recall database with
 * a StoreError that names the file: the header is probed before SQLite opens it, and the first
 * statement only reads, so a file that is refused keeps every byte it had.
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<SqliteStore> {
  if (options.path === ':memory:') {
    // keyv's connection would open a second, unrelated in-memory database.
    throw new StoreError('UNSUPPORTED_URL', 'SQLite :memory: is not supported: use memory:// for an in-process store');
  }
  refuseKernelFilesystemPath(options.path);
  const file = resolve(options.path);
  const found = await probeSqliteFile(file);

  let db: SqliteConnection;
  try {
    // An existing file is opened without OPEN_CREATE: if it vanishes meanwhile, that is an error, not a fresh store.
    db = await openSqliteConnection(file, options.busyTimeoutMs, { create: found === 'new' });
  } catch (error) {
    throw new StoreError('UNREADABLE_FILE', `SQLite store file ${file} cannot be opened (${errorMessage(error)})`, {
      cause: error,
    });
  }

  try {
    const tables = (await db.all(USER_TABLES)).map((row) => stringColumn(row, 'name'));
    if (tables.length > 0 && !tables.some((name) => RECALL_TABLES.has(name))) throw foreignDatabase(file, tables);
    // WAL lets readers and one writer proceed together across processes, and with synchronous=NORMAL a
    // commit no longer waits for an fsync (a power cut may lose the last moments, never corrupt the file).
    await db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;');
    await db.exec(SCHEMA);
    await db.run(PRUNE_EXPIRED, [Date.now()]);
  } catch (error) {
    await db.close().catch(() => {});
    if (error instanceof StoreError) throw error;
    if (NOT_A_DATABASE.has(sqliteErrorCode(error) ?? '')) throw corruptDatabase(file, errorMessage(error), error);
    throw new StoreError('UNREADABLE_FILE', `SQLite store file ${file} cannot be used (${errorMessage(error)})`, { cause: error });
  }

  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, table: KEYV_TABLE, busyTimeout: options.busyTimeoutMs });
  try {
    // Settles @keyv/sqlite's connection now, so a failure surfaces here rather than unhandled.
    await adapter.query('SELECT 1');
  } catch (error) {
    await db.close().catch(() => {});
    throw new StoreError('UNREADABLE_FILE', `SQLite store file ${file} cannot be opened (${errorMessage(error)})`, {
      cause: error,
    });
  }
  // Per connection: keyv's own connection commits plain sets, and should not fsync more than ours.
  await adapter.query('PRAGMA synchronous = NORMAL');
  const keyv = new Keyv<unknown>({ store: adapter, ...envelopeKeyvOptions() });
  let txDb: SqliteConnection;
  try {
    txDb = await openSqliteConnection(file, options.busyTimeoutMs, { create: false });
    await txDb.exec(`PRAGMA synchronous = NORMAL; ${GUARD_TABLE};`);
  } catch (error) {
    await Promise.all([db.close().catch(() => {}), keyv.disconnect().catch(() => {})]);
    throw new StoreError('UNREADABLE_FILE', `SQLite store file ${file} cannot be opened (${errorMessage(error)})`, { cause: error });
  }
  return new SqliteStore(file, options.namespace, db, keyv, txDb);
}

/**
 * keyv + @keyv/sqlite serve plain get/set. Everything that must be exact when two
 * processes share the file uses one atomic SQL statement on our own connection
 * (upserts with RETURNING, INSERT … ON CONFLICT for markers) or, for update,
 * a compare-and-swap loop whose write only lands if the row is unchanged.
 */
export class SqliteStore implements Store {
  private readonly mutex = new KeyMutex();
  private closing: Promise<void> | undefined;

  constructor(
    readonly file: string,
    private readonly namespace: string,
    private readonly db: SqliteConnection,
    private readonly keyv: Keyv<unknown>,
    /**
     * Transactions get a connection of their own: on the shared one, any other caller's statement
     * issued while a transaction is open would run inside it (and be rolled back with it).
     */
    private readonly txDb: SqliteConnection,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    // JSON values in, JSON values out: the caller names the type it stored.
    return (await this.keyv.get(valueKey(this.namespace, key))) as T | undefined;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    await this.keyv.set(valueKey(this.namespace, key), value, checkTtl(ttlMs));
  }

  async delete(key: string): Promise<boolean> {
    const [row] = await this.db.all(DELETE_VALUE, [valueKey(this.namespace, key)]);
    if (row === undefined) return false;
    const raw = row['value'];
    const envelope = typeof raw === 'string' ? decodeEnvelope(raw) : undefined;
    return envelope !== undefined && !isExpired(envelope, Date.now());
  }

  async setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const now = Date.now();
    const changes = await this.db.run(SET_IF_ABSENT, [valueKey(this.namespace, key), encodeEnvelope(value, ttl, now), now]);
    return changes === 1;
  }

  async renew<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const k = valueKey(this.namespace, key);
    return this.mutex.run(k, async () => {
      const row = await this.db.get(SELECT_VALUE, [k]);
      const raw = row === undefined ? undefined : row['value'];
      const now = Date.now();
      if (!holdsValue(raw, value, now)) return false;
      // Conditional on the row as read: if another process took or renewed it meanwhile, we lose.
      return (await this.db.run(REPLACE_IF_UNCHANGED, [encodeEnvelope(value, ttl, now), k, raw])) === 1;
    });
  }

  async release<T>(key: string, value: T): Promise<boolean> {
    const k = valueKey(this.namespace, key);
    return this.mutex.run(k, async () => {
      const row = await this.db.get(SELECT_VALUE, [k]);
      const raw = row === undefined ? undefined : row['value'];
      if (!holdsValue(raw, value, Date.now())) return false;
      return (await this.db.run(DELETE_IF_UNCHANGED, [k, raw])) === 1;
    });
  }

  async update<T>(key: string, fn: (current: T | undefined) => T): Promise<T> {
    const k = valueKey(this.namespace, key);
    // The mutex keeps this process's callers from losing CAS rounds to each other;
    // the CAS itself is what protects against other processes.
    return this.mutex.run(k, async () => {
      return retryCompareAndSet<T>(key, async () => {
        const row = await this.db.get(SELECT_VALUE, [k]);
        const raw = row === undefined ? undefined : row['value'];
        const now = Date.now();
        const envelope = typeof raw === 'string' ? decodeEnvelope(raw) : undefined;
        const live = envelope !== undefined && !isExpired(envelope, now);
        const next = fn(live ? (envelope.value as T) : undefined);
        const encoded = encodeEnvelope(next, undefined, now);
        const changes =
          row === undefined ? await this.db.run(INSERT_IF_MISSING, [k, encoded]) : await this.db.run(REPLACE_IF_UNCHANGED, [encoded, k, typeof raw === 'string' ? raw : null]);
        return changes === 1 ? { won: true as const, value: next } : { won: false as const };
      });
    });
  }

  async transact<R>(read: TransactionRead, fn: (snapshot: TransactionSnapshot) => TransactionPlan<R>): Promise<R> {
    // One transaction at a time on txDb: a round that failed leaves its ROLLBACK still to run.
    return this.mutex.run(TRANSACTION_LOCK, () => sqliteTransaction(this.txDb, this.namespace, read, fn));
  }

  async scanKeys(contains: string, cursor: string | null, limit: number): Promise<KeyPage> {
    const prefix = valueKey(this.namespace, '');
    // ';' follows ':' in every collation SQLite might use here, so this is exactly the namespace's range.
    const end = `${prefix.slice(0, -1)};`;
    const size = Math.max(1, Math.floor(limit));
    const rows = await this.db.all(SCAN_KEYS, [prefix + (cursor ?? ''), end, prefix.length, contains, size]);
    const keys = rows.map((row) => stringColumn(row, 'key').slice(prefix.length));
    return { keys, cursor: keys.length < size ? null : (keys[keys.length - 1] ?? null) };
  }

  async boardAdd(board: string, member: string, delta: number): Promise<number> {
    const [row] = await this.db.all(BOARD_ADD, [boardKey(this.namespace, board), member, checkDelta(delta)]);
    return numberColumn(row, 'score');
  }

  async boardTop(board: string, n: number): Promise<BoardEntry[]> {
    const limit = checkLimit(n);
    if (limit === 0) return [];
    const rows = await this.db.all(BOARD_TOP, [boardKey(this.namespace, board), limit]);
    return rows.map((row) => ({ member: stringColumn(row, 'member'), score: numberColumn(row, 'score') }));
  }

  async boardRank(board: string, member: string): Promise<BoardPosition | null> {
    const row = await this.db.get(BOARD_RANK, [boardKey(this.namespace, board), member]);
    if (row === undefined) return null;
    return { rank: numberColumn(row, 'rank'), score: numberColumn(row, 'score') };
  }

  async boardSize(board: string): Promise<number> {
    return numberColumn(await this.db.get(BOARD_SIZE, [boardKey(this.namespace, board)]), 'size');
  }

  async boardDelete(board: string): Promise<void> {
    await this.db.run(BOARD_DELETE, [boardKey(this.namespace, board)]);
  }

  async ping(): Promise<void> {
    if (this.closing !== undefined) throw new StoreError('CLOSED', `SQLite store file ${this.file} is closed`);
    try {
      await this.db.get(`SELECT 1 FROM ${KEYV_TABLE} LIMIT 1`);
    } catch (error) {
      throw new StoreError('UNREACHABLE', `SQLite store file ${this.file} is unreachable (${errorMessage(error)})`, {
        cause: error,
      });
    }
  }

  async close(): Promise<void> {
    this.closing ??= Promise.all([this.keyv.disconnect(), this.db.close(), this.mutex.run(TRANSACTION_LOCK, () => this.txDb.close())]).then(() => undefined);
    return this.closing;
  }
}
