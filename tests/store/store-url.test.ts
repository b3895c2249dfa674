import { describe, expect, it } from 'vitest';
import { DEFAULT_SQLITE_PATH, parseStoreUrl } from '../../src/store/store-url.js';

describe('parseStoreUrl', () => {
  it('uses the default SQLite file when no URL is given', () => {
    expect(parseStoreUrl(undefined)).toEqual({ kind: 'sqlite', path: DEFAULT_SQLITE_PATH });
    expect(parseStoreUrl('  ')).toEqual({ kind: 'sqlite', path: './data/recall.sqlite' });
    expect(parseStoreUrl('sqlite://')).toEqual({ kind: 'sqlite', path: DEFAULT_SQLITE_PATH });
  });

  it('reads sqlite:// and bare paths, including Windows drive paths, as SQLite files', () => {
    expect(parseStoreUrl('sqlite://./data/x.sqlite')).toEqual({ kind: 'sqlite', path: './data/x.sqlite' });
    expect(parseStoreUrl('sqlite:///var/lib/recall.db')).toEqual({ kind: 'sqlite', path: '/var/lib/recall.db' });
    expect(parseStoreUrl('/var/lib/recall.db')).toEqual({ kind: 'sqlite', path: '/var/lib/recall.db' });
    expect(parseStoreUrl('C:\\recall\\data.sqlite')).toEqual({ kind: 'sqlite', path: 'C:\\recall\\data.sqlite' });
  });

  it('reads redis://, rediss:// and memory:// whatever their case', () => {
    expect(parseStoreUrl('redis://localhost:6379')).toEqual({ kind: 'redis', url: 'redis://localhost:6379' });
    expect(parseStoreUrl('REDISS://cache:6380')).toEqual({ kind: 'redis', url: 'REDISS://cache:6380' });
    expect(parseStoreUrl('memory://')).toEqual({ kind: 'memory' });
  });

  it('refuses an unknown scheme with a message that lists the supported ones', () => {
    expect(() => parseStoreUrl('foo://x')).toThrow('STORE_URL `foo://x` is not supported: use a file path, sqlite://, redis:// or memory://');
  });

  it('refuses a known scheme name written without //, rather than making a file of it', () => {
    expect(() => parseStoreUrl('redis:localhost')).toThrow(/not supported/);
  });

  it('never repeats a password from the refused URL', () => {
    let message = '';
    try {
      parseStoreUrl('postgres://bot:hunter2@db/recall');
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toContain('postgres://bot:***@db/recall');
    expect(message).not.toContain('hunter2');
  });
});
