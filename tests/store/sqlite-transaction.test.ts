import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import type { Store, TransactionSnapshot } from '../../src/store/store.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-sqlite-tx-'));
let files = 0;
const freshPath = (): string => join(dir, `store-${++files}.sqlite`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs raw SQL on the file through a connection of its own, as another program would. */
async function onFile(path: string, sql: string): Promise<void> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened: sqlite3.Database = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
  });
  await new Promise<void>((resolve, reject) => db.exec(sql, (error) => (error ? reject(error) : resolve())));
  await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

const press = (s: TransactionSnapshot) => {
  const count = (s.value<number>('count') ?? 0) + 1;
  return { set: new Map<string, unknown>([['count', count]]), boardAdds: [{ board: 'all', member: 'alice', delta: 1 }], result: count };
};

describe('sqlite transactions', () => {
  it('roll back the value and the adds already made when a later write fails inside SQLite', async () => {
    const path = freshPath();
    const store = await createStore(path);
    try {
      await store.set('count', 1);
      // A write only SQLite can refuse, after the value and the first add were written in the transaction.
      await onFile(path, `CREATE TRIGGER refuse_boom BEFORE INSERT ON recall_boards WHEN NEW.member = 'boom' BEGIN SELECT RAISE(ABORT, 'boom refused'); END;`);
      await expect(
        store.transact({ keys: ['count'] }, (s) => ({
          ...press(s),
          boardAdds: [
            { board: 'all', member: 'alice', delta: 3 },
            { board: 'all', member: 'boom', delta: 3 },
          ],
        })),
      ).rejects.toThrow(/boom refused/);
      expect(await store.get('count')).toBe(1);
      expect(await store.boardTop('all', 10)).toEqual([]);
      // And the store goes on working: the failed transaction left no lock or open transaction behind.
      expect(await store.transact({ keys: ['count'] }, press)).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('keep values and boards in step when two instances on one file transact at once', { timeout: 30_000 }, async () => {
    const path = freshPath();
    const stores: Store[] = [await createStore(path), await createStore(`sqlite://${path}`)];
    try {
      await Promise.all(Array.from({ length: 200 }, (_, i) => (stores[i % 2] as Store).transact({ keys: ['count'] }, press)));
      expect(await stores[1]?.get('count')).toBe(200);
      expect(await stores[0]?.boardTop('all', 1)).toEqual([{ member: 'alice', score: 200 }]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });
});
