import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/create-store.js';
import { StoreError } from '../../src/store/store-error.js';

const root = mkdtempSync(join(tmpdir(), 'recall-open-errors-'));
let cases = 0;
/** Each case in its own folder, so "nothing was created next to it" is a listing of that folder. */
const caseDir = (): string => {
  const dir = join(root, `case-${++cases}`);
  mkdirSync(dir);
  return dir;
};

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function refusal(url: string): Promise<StoreError> {
  try {
    const store = await createStore(url);
    await store.close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`expected createStore(${url}) to refuse`);
}

/** A real Recall store with some data, closed, as its bytes. */
async function realStoreBytes(dir: string, fill: (store: Awaited<ReturnType<typeof createStore>>) => Promise<void>): Promise<Buffer> {
  const path = join(dir, 'source.sqlite');
  const store = await createStore(path);
  await fill(store);
  await store.close();
  const bytes = readFileSync(path);
  for (const name of readdirSync(dir)) rmSync(join(dir, name));
  return bytes;
}

function runSql(path: string, sql: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(path, (openError) => {
      if (openError) return reject(openError);
      db.exec(sql, (error) => db.close(() => (error ? reject(error) : resolve())));
    });
  });
}

/** Refuses `bytes` written at `recall.sqlite`, checking the message and that nothing changed on disk. */
async function expectRefusedUntouched(bytes: Buffer, message: RegExp): Promise<void> {
  const dir = caseDir();
  const path = join(dir, 'recall.sqlite');
  writeFileSync(path, bytes);
  const error = await refusal(path);
  expect(error.code).toBe('UNREADABLE_FILE');
  expect(error.message).toContain(path);
  expect(error.message).toMatch(message);
  expect(readFileSync(path).equals(bytes), 'the file was changed').toBe(true);
  expect(readdirSync(dir), 'a file was created next to it (a journal, a WAL or a fresh store)').toEqual(['recall.sqlite']);
}

const NOT_OVER_IT = /Recall will not start a new store over it: restore a backup to that path, or move the file away/;

describe('createStore on a SQLite path that is not a Recall database', () => {
  it('refuses a file of random bytes', async () => {
    await expectRefusedUntouched(randomBytes(8192), new RegExp(`is not a SQLite database \\(corrupt, or another kind of file\\); ${NOT_OVER_IT.source}`));
  });

  it('refuses a text file, saying it looks like text', async () => {
    await expectRefusedUntouched(Buffer.from('# my notes\n\nnot a database at all\n'.repeat(50)), /is not a SQLite database \(it looks like a text file\)/);
  });

  it('refuses a real store cut in half', async () => {
    const bytes = await realStoreBytes(caseDir(), async (store) => {
      for (let i = 0; i < 400; i++) await store.set(`grade:${i}`, { points: 3, note: 'x'.repeat(200) });
    });
    const half = bytes.subarray(0, Math.floor(bytes.length / 2));
    await expectRefusedUntouched(half, new RegExp(`is a SQLite database cut short \\(${half.length} of ${bytes.length} bytes\\)`));
  });

  it('refuses a store missing only its last page, saying how much is missing', async () => {
    const bytes = await realStoreBytes(caseDir(), async (store) => {
      await store.set('cursor', 1);
      for (let i = 0; i < 300; i++) await store.boardAdd('all-time', `member-${i}-${'m'.repeat(40)}`, i);
    });
    const pageSize = bytes.readUInt16BE(16);
    await expectRefusedUntouched(bytes.subarray(0, bytes.length - pageSize), new RegExp(`cut short \\(${bytes.length - pageSize} of ${bytes.length} bytes\\)`));
  });

  it('refuses a file holding only the first bytes of a SQLite header', async () => {
    await expectRefusedUntouched(Buffer.from('SQLite format 3\0'.slice(0, 10), 'latin1'), /cut short \(10 bytes, not even its header\)/);
  });

  it('refuses another application’s SQLite database instead of adding its tables to it', async () => {
    const dir = caseDir();
    const path = join(dir, 'recall.sqlite');
    await runSql(path, 'PRAGMA journal_mode = DELETE; CREATE TABLE invoices(id INTEGER); INSERT INTO invoices VALUES (1);');
    const before = readFileSync(path);
    const error = await refusal(path);
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/is a SQLite database of something else \(tables: invoices\), not Recall's/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['recall.sqlite']);
  });

  it('refuses a folder at the path, naming it', async () => {
    const dir = caseDir();
    const path = join(dir, 'recall.sqlite');
    mkdirSync(path);
    const error = await refusal(`sqlite://${path}`);
    expect(error.message).toBe(`SQLite store path ${path} is a folder, not a file: point STORE_URL at a file (for example ${path}/recall.sqlite)`);
    expect(readdirSync(path)).toEqual([]);
  });

  it('refuses a path whose parent is a regular file, naming that file', async () => {
    const dir = caseDir();
    const parent = join(dir, 'notes.txt');
    writeFileSync(parent, 'hello');
    const path = join(parent, 'recall.sqlite');
    const error = await refusal(path);
    expect(error.message).toBe(`SQLite store file ${path} cannot be created: ${parent} is a file, not a folder; point STORE_URL somewhere else`);
    expect(readFileSync(parent, 'utf8')).toBe('hello');
  });

  it('refuses a path under a regular file several folders up', async () => {
    const dir = caseDir();
    const parent = join(dir, 'notes.txt');
    writeFileSync(parent, 'hello');
    const error = await refusal(join(parent, 'a', 'b', 'recall.sqlite'));
    expect(error.message).toContain(`${parent} is a file, not a folder`);
  });

  // Tests run as root in CI and in the dev container, and root reads a chmod 000 file anyway, so the
  // unreadable case can only be checked as another user.
  it.skipIf(process.getuid?.() === 0)('refuses a file it may not read, naming it', async () => {
    const dir = caseDir();
    const path = join(dir, 'recall.sqlite');
    writeFileSync(path, 'x');
    chmodSync(path, 0o000);
    try {
      const error = await refusal(path);
      expect(error.message).toContain(`SQLite store file ${path} cannot be read`);
    } finally {
      chmodSync(path, 0o600);
    }
  });
});

describe('createStore on a SQLite path that is fine', () => {
  it('creates the file on first run in an existing folder', async () => {
    const dir = caseDir();
    const path = join(dir, 'recall.sqlite');
    const store = await createStore(path);
    await store.set('k', 1);
    await store.close();
    expect(statSync(path).isFile()).toBe(true);
  });

  it('creates missing folders on first run, as for the default ./data/recall.sqlite', async () => {
    const path = join(caseDir(), 'data', 'nested', 'recall.sqlite');
    const store = await createStore(path);
    await store.close();
    expect(existsSync(path)).toBe(true);
  });

  it('opens an empty file as an empty store (what SQLite itself leaves before its first write)', async () => {
    const path = join(caseDir(), 'recall.sqlite');
    writeFileSync(path, '');
    const store = await createStore(path);
    await store.set('k', 1);
    expect(await store.get('k')).toBe(1);
    await store.close();
  });

  it('opens a store another process has open, its newest pages still in the write-ahead log', async () => {
    const path = join(caseDir(), 'recall.sqlite');
    const first = await createStore(path);
    for (let i = 0; i < 50; i++) await first.boardAdd('week', `m${i}`, i);
    // A second handle keeps the log from being checkpointed away when the first closes.
    const second = await createStore(path);
    await first.close();
    const third = await createStore(path);
    expect(await third.boardSize('week')).toBe(50);
    await Promise.all([second.close(), third.close()]);
  });
});
