import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { StoreError } from '../../src/store/store-error.js';

const dir = mkdtempSync(join(tmpdir(), 'recall-create-store-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const failureOf = async (promise: Promise<unknown>): Promise<StoreError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error('expected the store to be refused');
};

describe('createStore', () => {
  it('opens a working in-memory store for memory://', async () => {
    const store = await createStore('memory://');
    await store.set('k', 1);
    expect(await store.get('k')).toBe(1);
    await store.close();
  });

  it('opens a SQLite file from a bare path and from sqlite://', async () => {
    const bare = join(dir, 'bare.sqlite');
    const prefixed = join(dir, 'prefixed.sqlite');
    await (await createStore(bare)).close();
    await (await createStore(`sqlite://${prefixed}`)).close();
    expect([existsSync(bare), existsSync(prefixed)]).toEqual([true, true]);
  });

  it('refuses an unsupported scheme with the documented message', async () => {
    const error = await failureOf(createStore('foo://x'));
    expect(error.code).toBe('UNSUPPORTED_URL');
    expect(error.message).toBe('STORE_URL `foo://x` is not supported: use a file path, sqlite://, redis:// or memory://');
  });

  it('refuses sqlite://:memory:, pointing at memory:// instead', async () => {
    const error = await failureOf(createStore('sqlite://:memory:'));
    expect(error.message).toMatch(/memory:\/\//);
  });

  it('refuses a SQLite path inside /proc or /sys at once, naming it, instead of reading it', async () => {
    for (const url of ['/proc/kmsg', 'sqlite:///proc/self/status', '/proc/recall.sqlite', '/sys/kernel/recall.sqlite']) {
      const error = await failureOf(createStore(url));
      expect(error.code).toBe('UNSUPPORTED_URL');
      expect(error.message).toMatch(/^STORE_URL points at \/(proc|sys)\/.*a kernel filesystem that cannot hold a store/);
    }
  });

  it('refuses a path that reaches /proc through a symlink', async () => {
    const link = join(dir, 'looks-like-data');
    symlinkSync('/proc/self', link);
    const error = await failureOf(createStore(join(link, 'recall.sqlite')));
    expect(error.message).toContain('inside /proc');
  });

  it('refuses an empty namespace', async () => {
    await expect(createStore('memory://', { namespace: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('reports an unreachable Redis clearly without revealing its password', async () => {
    // Port 1 on loopback refuses connections at once, so this needs no Redis server.
    const error = await failureOf(createStore('redis://:s3cret-pw@127.0.0.1:1', { connectTimeoutMs: 1000 }));
    expect(error.code).toBe('UNREACHABLE');
    expect(error.message).toContain('redis://:***@127.0.0.1:1');
    expect(error.message).not.toContain('s3cret-pw');
    expect(JSON.stringify(error)).not.toContain('s3cret-pw');
    expect(String(error.cause ?? '')).not.toContain('s3cret-pw');
  });
});
