import { redactUrl } from './redact.js';
import { StoreError } from './store-error.js';

export const DEFAULT_SQLITE_PATH = './data/recall.sqlite';

export type StoreTarget = { kind: 'memory' } | { kind: 'sqlite'; path: string } | { kind: 'redis'; url: string };

/**
 * Two or more letters before a colon reads as a scheme; one letter is a Windows
 * drive. Refusing unknown schemes beats silently creating a file named "postgres:…".
 */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

export function parseStoreUrl(raw: string | undefined): StoreTarget {
  const url = (raw ?? '').trim();
  if (url === '') return { kind: 'sqlite', path: DEFAULT_SQLITE_PATH };

  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return { kind: 'sqlite', path: url };
  if (scheme === 'memory' && url.toLowerCase().startsWith('memory://')) return { kind: 'memory' };
  if (scheme === 'sqlite' && url.toLowerCase().startsWith('sqlite://')) {
    const path = url.slice('sqlite://'.length);
    return { kind: 'sqlite', path: path === '' ? DEFAULT_SQLITE_PATH : path };
  }
  if ((scheme === 'redis' || scheme === 'rediss') && url.toLowerCase().startsWith(`${scheme}://`)) {
    return { kind: 'redis', url };
  }
  throw new StoreError('UNSUPPORTED_URL', `STORE_URL \`${redactUrl(url)}\` is not supported: use a file path, sqlite://, redis:// or memory://`);
}
