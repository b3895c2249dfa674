import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { boardKey } from '../../src/store/keys.js';
import type { Store } from '../../src/store/store.js';
import { describeStoreContract } from '../helpers/store-contract.js';
import { describeTransactionContract } from '../helpers/transaction-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-store-'));
let files = 0;
const freshPath = (): string => join(dir, `store-${++files}.sqlite`);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('sqlite', { open: () => createStore(`sqlite://${freshPath()}`), clock: 'fake' });
describeTransactionContract('sqlite', { open: () => createStore(`sqlite://${freshPath()}`), clock: 'fake' });

describe('sqlite store on a shared file', () => {
  /** Two instances on one file stand in for two bot processes. */
  const openPair = async (namespace?: string): Promise<[Store, Store]> => {
    const path = freshPath();
    return [await createStore(path, { namespace }), await createStore(`sqlite://${path}`, { namespace })];
  };

  it('loses no points when two instances each make 300 concurrent adds', async () => {
    const [a, b] = await openPair();
    try {
      await Promise.all([...Array.from({ length: 300 }, () => a.boardAdd('weekly', 'alice', 1)), ...Array.from({ length: 300 }, () => b.boardAdd('weekly', 'alice', 1))]);
      expect(await a.boardRank('weekly', 'alice')).toEqual({ rank: 1, score: 600 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('mixes adds on one instance with sets, reads and deletes on the other without SQLITE_BUSY', async () => {
    const [a, b] = await openPair();
    try {
      await Promise.all([
        ...Array.from({ length: 100 }, () => a.boardAdd('weekly', 'alice', 1)),
        ...Array.from({ length: 100 }, (_, i) => b.set(`profile:${i}`, { i })),
        ...Array.from({ length: 50 }, () => b.boardRank('weekly', 'alice')),
        ...Array.from({ length: 50 }, (_, i) => b.delete(`profile:${i}`)),
      ]);
      expect(await b.boardRank('weekly', 'alice')).toEqual({ rank: 1, score: 100 });
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('lets exactly one marker win across two instances', async () => {
    const [a, b] = await openPair();
    try {
      const results = await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? a : b).setIfAbsent('posted:today', i, 60_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps every update when two instances each increment 100 times at once', async () => {
    const [a, b] = await openPair();
    try {
      const increment = (n: number | undefined): number => (n ?? 0) + 1;
      await Promise.all([...Array.from({ length: 100 }, () => a.update('counter', increment)), ...Array.from({ length: 100 }, () => b.update('counter', increment))]);
      expect(await b.get('counter')).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('keeps namespaces apart on one file', async () => {
    const path = freshPath();
    const slack = await createStore(path, { namespace: 'slack' });
    const discord = await createStore(path, { namespace: 'discord' });
    try {
      await slack.set('cursor', 1);
      await slack.boardAdd('weekly', 'alice', 1);
      expect(await discord.get('cursor')).toBeUndefined();
      expect(await discord.boardSize('weekly')).toBe(0);
      expect(await discord.setIfAbsent('cursor', 2)).toBe(true);
    } finally {
      await Promise.all([slack.close(), discord.close()]);
    }
  });
});

describe('sqlite store file handling', () => {
  it('keeps values and boards after closing and reopening the file', async () => {
    const path = freshPath();
    const first = await createStore(path);
    await first.set('cursor', { index: 4 });
    await first.boardAdd('weekly', 'alice', 7);
    await first.close();

    const second = await createStore(path);
    try {
      expect(await second.get('cursor')).toEqual({ index: 4 });
      expect(await second.boardRank('weekly', 'alice')).toEqual({ rank: 1, score: 7 });
    } finally {
      await second.close();
    }
  });

  it('creates missing parent folders for the file', async () => {
    const path = join(dir, 'nested', 'deeper', 'recall.sqlite');
    const store = await createStore(path);
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  // Corrupt, cut-short, foreign and misplaced files: tests/store/sqlite-open-errors.test.ts.
});

describe('sqlite boards at scale', () => {
  const MEMBERS = 100_000;

  /**
   * Seeded straight into the table in one transaction: 100,000 boardAdd calls
   * would be 100,000 commits, and this test is about reading, not writing.
   */
  const seed = async (path: string): Promise<void> => {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened: sqlite3.Database = new sqlite3.Database(path, (error) => (error ? reject(error) : resolve(opened)));
    });
    const run = (sql: string, params: (string | number)[] = []): Promise<void> =>
      new Promise((resolve, reject) => db.run(sql, params, (error: Error | null) => (error ? reject(error) : resolve())));
    await run('BEGIN');
    const board = boardKey('recall', 'big');
    for (let i = 0; i < MEMBERS; i += 500) {
      const rows = Array.from({ length: Math.min(500, MEMBERS - i) }, (_, j) => i + j);
      // Scores repeat every 1000 members, so most members share their score with 99 others.
      await run(
        `INSERT INTO recall_boards (board, member, score) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
        rows.flatMap((n) => [board, `m${String(n).padStart(6, '0')}`, n % 1000]),
      );
    }
    await run('COMMIT');
    await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
  };

  it('ranks members of a 100,000-member board quickly and exactly', async () => {
    const path = freshPath();
    await (await createStore(path)).close(); // creates the schema
    await seed(path);
    const store = await createStore(path);
    try {
      const started = performance.now();
      const last = await store.boardRank('big', 'm099000'); // score 0, last of the 100 tied at 0
      const first = await store.boardRank('big', 'm000999'); // score 999, first of its tie
      const middle = await store.boardRank('big', 'm050500'); // score 500
      const top = await store.boardTop('big', 3);
      const elapsed = performance.now() - started;

      expect(last).toEqual({ rank: MEMBERS, score: 0 });
      expect(first).toEqual({ rank: 1, score: 999 });
      // 499 scores above 500 with 100 members each, then m000500…m049500 tie ahead of it.
      expect(middle).toEqual({ rank: 499 * 100 + 50 + 1, score: 500 });
      expect(top.map((entry) => entry.member)).toEqual(['m000999', 'm001999', 'm002999']);
      expect(await store.boardSize('big')).toBe(MEMBERS);
      expect(elapsed).toBeLessThan(500);
    } finally {
      await store.close();
    }
  });
});
