import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { boardKey } from '../../src/store/keys.js';
import type { Store, TransactionSnapshot } from '../../src/store/store.js';

// Skipped without REDIS_URL like the other Redis tests; redis-store.test.ts reports a missing server loudly.
const REDIS_URL = process.env['REDIS_URL'] ?? '';

const open = (namespace: string): Promise<Store> => createStore(REDIS_URL, { namespace, connectTimeoutMs: 2000 });

const press = (s: TransactionSnapshot) => {
  const count = (s.value<number>('count') ?? 0) + 1;
  return { set: new Map<string, unknown>([['count', count]]), boardAdds: [{ board: 'all', member: 'alice', delta: 1 }], result: count };
};

describe.skipIf(REDIS_URL === '')('redis transactions', () => {
  it('write nothing when a board the plan adds to cannot take the add (a key of the wrong type)', async () => {
    const namespace = `recall-test-${randomUUID()}`;
    const store = await open(namespace);
    const raw = createClient({ url: REDIS_URL });
    await raw.connect();
    try {
      await store.set('count', 1);
      // Listed last, so a script that wrote as it went would already have written the value and the first add.
      await raw.set(boardKey(namespace, 'broken'), 'not a sorted set');
      await expect(
        store.transact({ keys: ['count'] }, (s) => ({
          ...press(s),
          boardAdds: [
            { board: 'all', member: 'alice', delta: 3 },
            { board: 'broken', member: 'alice', delta: 3 },
          ],
        })),
      ).rejects.toThrow(/WRONGTYPE/);
      expect(await store.get('count')).toBe(1);
      expect(await store.boardTop('all', 10)).toEqual([]);
      await raw.del([boardKey(namespace, 'broken'), `${namespace}:count`]);
    } finally {
      await raw.close();
      await store.close();
    }
  });

  it('keep values and boards in step when two clients transact at once', async () => {
    const namespace = `recall-test-${randomUUID()}`;
    const [a, b] = [await open(namespace), await open(namespace)];
    try {
      await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? a : b).transact({ keys: ['count'] }, press)));
      expect(await b.get('count')).toBe(200);
      expect(await a.boardTop('all', 1)).toEqual([{ member: 'alice', score: 200 }]);
      await a.delete('count');
      await a.boardDelete('all');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
