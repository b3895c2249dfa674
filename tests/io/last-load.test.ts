import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LastLoad } from '../../src/io/last-load.js';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';

// Drives the real disk loader (worker parse, parse cache, merger) over files in a temp folder, reloading
// as the bot does with a LastLoad, and compares every reload with a load from scratch of the same files.

const root = mkdtempSync(path.join(os.tmpdir(), 'recall-last-load-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

/** Short, so a test can wait until a stamp is old enough to be trusted. */
const RACY_MS = 200;
const settle = () => new Promise((resolve) => setTimeout(resolve, RACY_MS + 50));

/** The same files loaded with nothing remembered and no cache: what every reload must equal. */
const scratch = (dir: string) => loadBankFromDisk([dir], { cwd: root });

describe.each([
  ['with a parse cache', true],
  ['without a parse cache (files hashed)', false],
])('a reload that remembers the last load, %s', (_, withCache) => {
  const tag = withCache ? 'cached' : 'bare';
  const options = (lastLoad: LastLoad) => ({ cwd: root, racyMs: RACY_MS, lastLoad, ...(withCache ? { cacheDir: path.join(root, `cache-${tag}`) } : {}) });

  it('takes an unchanged file’s questions as they are and builds only a changed file’s anew', async () => {
    const dir = `${tag}-a`;
    write(`${dir}/1.md`, '## What is A?\nAn answer.\n\n## What is B?\nAnother.\n');
    write(`${dir}/2.md`, '## What is C?\nThird.\n');
    const lastLoad = new LastLoad();
    const first = await loadBankFromDisk([dir], options(lastLoad));
    await settle();
    // Recent stamps are not trusted, so this one reads and hashes both files, and still adopts them.
    const second = await loadBankFromDisk([dir], options(lastLoad));
    expect(second).toEqual(await scratch(dir));
    expect(second.questions[0]).toBe(first.questions[0]);
    expect(second.questions[2]).toBe(first.questions[2]);

    write(`${dir}/2.md`, '## What is C, really?\nThird.\n');
    const third = await loadBankFromDisk([dir], options(lastLoad));
    expect(third).toEqual(await scratch(dir));
    expect(third.questions[0]).toBe(first.questions[0]);
    expect(third.questions[1]).toBe(first.questions[1]);
    expect(third.questions[2]).not.toBe(first.questions[2]);
    expect(third.questions[2]?.question).toBe('What is C, really?');
  });

  it('never changes a question of an earlier load when a changed file now shares it', async () => {
    const dir = `${tag}-b`;
    write(`${dir}/1.md`, '## What is A?\nShort.\n');
    write(`${dir}/2.md`, '## What is B?\nB.\n');
    write(`${dir}/3.md`, '## What is C?\nC.\n');
    const lastLoad = new LastLoad();
    const first = await loadBankFromDisk([dir], options(lastLoad));
    const before = structuredClone(first.questions);
    // A later file now has 1.md's question with a longer answer: merged into a copy, not into the first load's object.
    write(`${dir}/3.md`, '## What is C?\nC.\n\n## What is A?\nA much longer answer.\n\n## What is B?\nB again.\n');
    const second = await loadBankFromDisk([dir], options(lastLoad));
    expect(second).toEqual(await scratch(dir));
    expect(second.questions[0]?.answer).toBe('A much longer answer.');
    expect(second.questions[0]?.sources.map((s) => s.file)).toEqual([`${dir}/1.md`, `${dir}/3.md`]);
    expect(first.questions).toEqual(before);
    // The shared questions are no longer one file's alone; back to one file each, they are built anew and equal again.
    write(`${dir}/3.md`, '## What is C?\nC.\n');
    expect(await loadBankFromDisk([dir], options(lastLoad))).toEqual(await scratch(dir));
    expect(second.questions).toEqual(structuredClone(second.questions));
  });

  it('merges an unchanged file from its parse when an earlier file now has one of its questions', async () => {
    const dir = `${tag}-c`;
    write(`${dir}/1.md`, '## What is A?\nA.\n');
    write(`${dir}/2.md`, '## What is B?\nShort.\n\n## What is D?\nD.\n');
    const lastLoad = new LastLoad();
    const first = await loadBankFromDisk([dir], options(lastLoad));
    write(`${dir}/1.md`, '## What is A?\nA.\n\n## What is B?\nThe longer answer from the first file.\n');
    const second = await loadBankFromDisk([dir], options(lastLoad));
    expect(second).toEqual(await scratch(dir));
    expect(second.questions.map((q) => q.question)).toEqual(['What is A?', 'What is B?', 'What is D?']);
    expect(second.questions[1]?.sources).toHaveLength(2);
    expect(second.questions[2]).not.toBe(first.questions[2]);
  });

  it('builds a file with explicit ids anew each time, its warnings and unreadable files kept as a fresh load gives them', async () => {
    const dir = `${tag}-d`;
    write(`${dir}/1.md`, '## What is A?\nId: same\nA.\n\n## What is B?\nId: same\nB.\n');
    write(`${dir}/2.md`, 'Nothing here looks like a question.\n');
    write(`${dir}/3.md`, '## What is E?\n\n```\nnever closed\n');
    const lastLoad = new LastLoad();
    const first = await loadBankFromDisk([dir], options(lastLoad));
    expect(first.warnings.length).toBeGreaterThan(1);
    await settle();
    const second = await loadBankFromDisk([dir], options(lastLoad));
    expect(second).toEqual(await scratch(dir));
    expect(second.questions[0]).not.toBe(first.questions[0]);
    expect(second.questions[2]).toBe(first.questions[2]);
  });
});

it('keeps the cache entries and stamps of the files it adopts, so a restart is still served from the cache', async () => {
  const dir = 'kept';
  const cacheDir = path.join(root, 'cache-kept');
  write(`${dir}/1.md`, '## What is A?\nA.\n');
  write(`${dir}/2.md`, '## What is B?\nB.\n');
  const lastLoad = new LastLoad();
  const first = await loadBankFromDisk([dir], { cwd: root, cacheDir, racyMs: RACY_MS, lastLoad });
  await settle();
  await loadBankFromDisk([dir], { cwd: root, cacheDir, racyMs: RACY_MS, lastLoad });
  await loadBankFromDisk([dir], { cwd: root, cacheDir, racyMs: RACY_MS, lastLoad });
  // A parser that fails every file: only the cache can give the bank back whole (a new process has no LastLoad).
  expect(await loadBankFromDisk([dir], { cwd: root, cacheDir, racyMs: RACY_MS, parser: { budgetMs: () => 0 } })).toEqual(first);
});
