import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSqlite } from '../../src/bank/import/index.js';
import { loadBank } from '../../src/bank/load.js';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';
import { buildCollection, zipPackage } from '../bank/import/build-apkg.js';

const text = (s: string) => new TextEncoder().encode(s);

describe('the parse worker, which loads the importers only for a file that needs them', () => {
  let dir: string;
  const files: { path: string; bytes: Uint8Array }[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'recall-worker-'));
    const apkg = zipPackage({
      'collection.anki2': await buildCollection([{ id: 1, guid: 'Ab1!x', fields: ['What is <b>MVCC</b>?', 'Many versions.'], deckId: 1 }], { 1: 'Databases' }),
    });
    // Markdown first and between: answered at once, while the importers (and SQLite) load for the others.
    files.push(
      { path: 'a.md', bytes: text('### What is a WAL?\n\nA log written first.\n') },
      { path: 'b.csv', bytes: text('question,answer\nWhat is a B-tree?,A balanced tree.\n') },
      { path: 'c.md', bytes: text('1. What is a pipe?\n') },
      { path: 'd.apkg', bytes: apkg },
      { path: 'e.txt', bytes: text('#separator:tab\n#html:true\nWhat is a TLB?\tA cache of page table entries.\n') },
      { path: 'f.md', bytes: text('**What is a futex?**\n\nA fast userspace mutex.\n') },
    );
    for (const f of files) await writeFile(path.join(dir, f.path), f.bytes);
    await loadSqlite();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives every kind of file the same questions, in file order, as parsing them all in this thread', async () => {
    const fromDisk = await loadBankFromDisk([dir], { cwd: dir });
    const inThread = loadBank(files);
    expect(fromDisk.questions.map((q) => q.question)).toEqual([
      'What is a WAL?',
      'What is a B-tree?',
      'What is a pipe?',
      'What is **MVCC**?',
      'What is a TLB?',
      'What is a futex?',
    ]);
    expect(fromDisk.questions).toEqual(inThread.questions);
    expect(fromDisk.warnings).toEqual(inThread.warnings);
  });
});
