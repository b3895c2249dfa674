import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBankFiles } from '../../src/io/bank-files.js';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'recall-bank-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

describe('reading bank files from disk', () => {
  write('b.md', '1. What is B?\n');
  write('a.txt', '1. What is A?\n');
  write('nested/c.markdown', '1. What is C?\n');
  write('README.md', '### What is documentation?\nNot a question.\n');
  write('notes.json', '{"not": "a bank"}');
  write('.hidden/d.md', '1. What is hidden?\n');

  it('reads .md, .markdown and .txt recursively in a stable order, leaving out READMEs and hidden folders', async () => {
    const { files, missing } = await findBankFiles(['.'], root);
    expect(missing).toEqual([]);
    expect(files.map((f) => f.shown)).toEqual(['a.txt', 'b.md', 'nested/c.markdown']);
  });

  it('reports a path that does not exist instead of loading nothing quietly', async () => {
    const result = await loadBankFromDisk(['nope', 'b.md'], { cwd: root });
    expect(result.missing).toEqual(['nope']);
    expect(result.questions.map((q) => q.question)).toEqual(['What is B?']);
    expect(result.questions[0]?.sources).toEqual([{ file: 'b.md', line: 1 }]);
  });

  it('follows links, and warns about a broken one while loading the rest', async () => {
    write('linked/open.md', '1. What is open?\n');
    symlinkSync(path.join(root, 'nested'), path.join(root, 'linked/shared'));
    symlinkSync(path.join(root, 'gone.md'), path.join(root, 'linked/dangling.md'));
    const result = await loadBankFromDisk(['linked'], { cwd: root });
    expect(result.questions.map((q) => q.question)).toEqual(['What is open?', 'What is C?']);
    expect(result.warnings).toEqual([{ file: 'linked/dangling.md', line: 1, message: 'is a link to nothing; skipped' }]);
  });
});
