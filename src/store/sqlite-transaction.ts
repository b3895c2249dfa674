import { decodeEnvelope, encodeEnvelope, isExpired } from './envelope.js';
import { boardKey, valueKey } from './keys.js';
import { retryCompareAndSet } from './optimistic-update.js';
import { type SqliteConnection, numberColumn, sqliteErrorCode, stringColumn } from './sqlite-connection.js';
import { KEYV_TABLE, SELECT_SCORES, SELECT_VALUES } from './sqlite-schema.js';
import type { TransactionPlan, TransactionSnapshot } from './store.js';
import { type TransactionRead, checkPlan, scoreId, snapshotOf, uniqueKeys } from './transaction.js';

/** Rows of this temporary table must be 1; a guard that inserts 0 aborts the batch. */
export const GUARD_TABLE = `CREATE TEMP TABLE IF NOT EXISTS recall_guard (unchanged INTEGER NOT NULL CONSTRAINT recall_guard CHECK (unchanged = 1))`;

/**
 * One round of an optimistic transaction on `tx`, a connection only transactions use. The reads run
 * outside any transaction; the writes run as ONE batch (one exec, one call into SQLite): BEGIN
 * IMMEDIATE, a guard per value and score read that aborts the batch if it changed since, the writes,
 * COMMIT. Holding the write lock only inside that one call matters: a transaction spanning several
 * calls holds the lock while waiting for a thread of Node's small pool, and this process's other
 * connections, busy-waiting for that very lock on the pool's threads, can leave it none.
 */
export async function sqliteTransactionRound<R>(
  tx: SqliteConnection,
  namespace: string,
  read: TransactionRead,
  fn: (snapshot: TransactionSnapshot) => TransactionPlan<R>,
): Promise<{ won: true; value: R } | { won: false }> {
  const keys = uniqueKeys(read.keys);
  const now = Date.now();
  const raws = new Map<string, string | null>(keys.map((key) => [key, null]));
  const values = new Map<string, unknown>(keys.map((key) => [key, undefined]));
  const prefixLength = valueKey(namespace, '').length;
  for (const row of await tx.all(SELECT_VALUES, [JSON.stringify(keys.map((key) => valueKey(namespace, key)))])) {
    const key = stringColumn(row, 'key').slice(prefixLength);
    const raw = row['value'];
    if (typeof raw !== 'string') continue;
    raws.set(key, raw);
    const envelope = decodeEnvelope(raw);
    if (envelope !== undefined && !isExpired(envelope, now)) values.set(key, envelope.value);
  }
  const wanted = read.scores ?? [];
  const scores = new Map<string, number | null>(wanted.map(({ board, member }) => [scoreId(board, member), null]));
  if (wanted.length > 0) {
    const boardPrefixLength = boardKey(namespace, '').length;
    const found = await tx.all(SELECT_SCORES, [JSON.stringify(wanted.map(({ board, member }) => [boardKey(namespace, board), member]))]);
    for (const row of found) {
      scores.set(scoreId(stringColumn(row, 'board').slice(boardPrefixLength), stringColumn(row, 'member')), numberColumn(row, 'score'));
    }
  }

  const plan = checkPlan(read, fn(snapshotOf(values, scores)));
  const statements = [
    'BEGIN IMMEDIATE',
    ...keys.map((key) => guard(`(SELECT value FROM ${KEYV_TABLE} WHERE key = ${literal(valueKey(namespace, key))}) IS ${literal(raws.get(key) ?? null)}`)),
    ...wanted.map(({ board, member }) =>
      guard(
        `(SELECT score FROM recall_boards WHERE board = ${literal(boardKey(namespace, board))} AND member = ${literal(member)}) IS ${literal(scores.get(scoreId(board, member)) ?? null)}`,
      ),
    ),
    ...plan.values.map(
      ({ key, value }) =>
        `INSERT INTO ${KEYV_TABLE} (key, value) VALUES (${literal(valueKey(namespace, key))}, ${literal(encodeEnvelope(value, undefined, now))}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    ...plan.adds.map((add) => {
      const [board, member, delta] = [literal(boardKey(namespace, add.board)), literal(add.member), literal(add.delta)];
      const floor = add.floor === undefined ? null : literal(add.floor);
      const inserted = floor === null ? delta : `max(${delta}, ${floor})`;
      const updated = floor === null ? `score + ${delta}` : `max(${floor}, score + ${delta})`;
      return `INSERT INTO recall_boards (board, member, score) VALUES (${board}, ${member}, ${inserted}) ON CONFLICT (board, member) DO UPDATE SET score = ${updated}`;
    }),
    'DELETE FROM temp.recall_guard',
    'COMMIT',
  ];
  try {
    await tx.exec(`${statements.join(';\n')};`);
    return { won: true, value: plan.result };
  } catch (error) {
    // exec stops at the failing statement and leaves the transaction open.
    await tx.exec('ROLLBACK').catch(() => {});
    if (isGuardFailure(error) || sqliteErrorCode(error) === 'SQLITE_BUSY') return { won: false };
    throw error;
  }
}

/** Retries rounds until one commits, with the same budget and backoff as update. */
export function sqliteTransaction<R>(tx: SqliteConnection, namespace: string, read: TransactionRead, fn: (snapshot: TransactionSnapshot) => TransactionPlan<R>): Promise<R> {
  return retryCompareAndSet<R>(`transaction on ${read.keys.join(', ') || 'boards'}`, () => sqliteTransactionRound(tx, namespace, read, fn));
}

function guard(condition: string): string {
  return `INSERT INTO temp.recall_guard (unchanged) VALUES (${condition})`;
}

function isGuardFailure(error: unknown): boolean {
  return sqliteErrorCode(error) === 'SQLITE_CONSTRAINT' && error instanceof Error && error.message.includes('recall_guard');
}

/**
 * A SQL literal. exec takes no parameters, so values are written into the batch: text in single quotes
 * with quotes doubled (JSON text never holds a raw NUL, and keys and members are caller strings that
 * SQLite stores the same way), numbers as JavaScript prints them, which SQLite reads back exactly.
 */
function literal(value: string | number | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'NULL';
  return `'${value.replaceAll("'", "''")}'`;
}
