import { DEFAULT_NAMESPACE } from './keys.js';
import { MemoryStore } from './memory-store.js';
import { openRedisStore } from './redis-store.js';
import { openSqliteStore } from './sqlite-store.js';
import { StoreError } from './store-error.js';
import { parseStoreUrl } from './store-url.js';
import type { Store } from './store.js';

export interface CreateStoreOptions {
  /** Prefix for every key and board; callers add platform/workspace themselves. Default `recall`. */
  namespace?: string;
  /** SQLite: how long to wait for another process's write lock. Default 5000. */
  busyTimeoutMs?: number;
  /** Redis: connect and ping timeout. Default 5000. */
  connectTimeoutMs?: number;
  /** Redis: background connection errors while it reconnects (messages are redacted). */
  onError?: (error: StoreError) => void;
}

/**
 * Opens the store STORE_URL names: empty or a bare path → SQLite file (default
 * ./data/recall.sqlite), sqlite://path, redis:// or rediss://, memory://.
 * Async because the backend is opened and checked here, so a corrupt file or an
 * unreachable server stops startup with a clear StoreError.
 */
export async function createStore(url?: string, options: CreateStoreOptions = {}): Promise<Store> {
  const namespace = options.namespace ?? DEFAULT_NAMESPACE;
  if (namespace === '') throw new StoreError('INVALID_ARGUMENT', 'store namespace must not be empty');

  const target = parseStoreUrl(url);
  switch (target.kind) {
    case 'memory':
      return new MemoryStore(namespace);
    case 'sqlite':
      return openSqliteStore({ path: target.path, namespace, busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
    case 'redis':
      return openRedisStore({
        url: target.url,
        namespace,
        connectTimeoutMs: options.connectTimeoutMs ?? 5000,
        onError: options.onError,
      });
  }
}
