import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { describeStoreContract } from '../helpers/store-contract.js';
import { describeTransactionContract } from '../helpers/transaction-contract.js';

const REDIS_URL = process.env['REDIS_URL'];

const redisMissing = REDIS_URL === undefined || REDIS_URL === '';
// CI (.ci/run) starts Redis and sets RECALL_REQUIRE_REDIS, so there a missing server is a failure, not a skip.
const redisRequired = process.env['RECALL_REQUIRE_REDIS'] === '1';

if (redisMissing && !redisRequired) {
  // tests/helpers/redis-global-setup.ts starts a server whenever redis-server is on PATH.
  console.warn('\n*** No REDIS_URL: SKIPPING the Redis store tests (with redis-server on PATH, npm test starts one: apt-get install -y redis-server). ***\n');
}

describe.runIf(redisMissing && redisRequired)('redis required', () => {
  it('has a REDIS_URL to test against', () => {
    expect(REDIS_URL, 'RECALL_REQUIRE_REDIS=1 but REDIS_URL is not set').toBeTruthy();
  });
});

/**
 * Every store gets its own namespace, so tests never see each other's keys and
 * never need to flush a server that might hold someone else's data.
 */
const open = (namespace = `recall-test-${randomUUID()}`): Promise<Store> => createStore(REDIS_URL ?? '', { namespace, connectTimeoutMs: 2000 });

describe.skipIf(redisMissing)('redis', () => {
  // Redis expires keys itself (PX), so expiry tests really wait.
  describeStoreContract('redis', { open: () => open(), clock: 'real' });
  describeTransactionContract('redis', { open: () => open(), clock: 'real' });

  describe('redis store shared by two clients', () => {
    it('loses no points when two clients each make 300 concurrent adds', async () => {
      const namespace = `recall-test-${randomUUID()}`;
      const [a, b] = [await open(namespace), await open(namespace)];
      try {
        await Promise.all([...Array.from({ length: 300 }, () => a.boardAdd('weekly', 'alice', 1)), ...Array.from({ length: 300 }, () => b.boardAdd('weekly', 'alice', 1))]);
        expect(await a.boardRank('weekly', 'alice')).toEqual({ rank: 1, score: 600 });
        await a.boardDelete('weekly');
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('keeps every update when two clients each increment 100 times at once', async () => {
      const namespace = `recall-test-${randomUUID()}`;
      const [a, b] = [await open(namespace), await open(namespace)];
      try {
        const increment = (n: number | undefined): number => (n ?? 0) + 1;
        await Promise.all([...Array.from({ length: 100 }, () => a.update('counter', increment)), ...Array.from({ length: 100 }, () => b.update('counter', increment))]);
        expect(await b.get('counter')).toBe(200);
        await a.delete('counter');
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });

    it('keeps namespaces apart on one server', async () => {
      const slack = await open();
      const discord = await open();
      try {
        await slack.set('cursor', 1);
        await slack.boardAdd('weekly', 'alice', 1);
        expect(await discord.get('cursor')).toBeUndefined();
        expect(await discord.boardSize('weekly')).toBe(0);
        await slack.delete('cursor');
        await slack.boardDelete('weekly');
      } finally {
        await Promise.all([slack.close(), discord.close()]);
      }
    });
  });
});
