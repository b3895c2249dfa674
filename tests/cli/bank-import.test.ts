import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ankiId } from '../../src/bank/import/anki-note.js';
import { buildCollection, zipPackage, zstdStored } from '../bank/import/build-apkg.js';
import { repoRoot } from '../helpers/bank.js';

/** The real `npm run -s bank -- check` (tsx, the disk walker, the parse worker with sql.js) on imported formats. */
function check(...paths: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/bank.ts', 'check', ...paths, '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LOG_LEVEL: 'silent' },
    timeout: 90_000,
  });
  return {
    code: result.status,
    doc: JSON.parse(result.stdout || '{}') as {
      questions: { id: string; question: string; category: string | null; sources: { file: string; line: number }[] }[];
      warnings: { file: string; line: number; message: string }[];
    },
    stderr: result.stderr,
  };
}

const tmp = mkdtempSync(path.join(os.tmpdir(), 'recall-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const samples = path.join(repoRoot, 'tests/bank/import/samples');
  copyFileSync(path.join(samples, 'team-bank.csv'), path.join(tmp, 'team-bank.csv'));
  copyFileSync(path.join(samples, 'anki-export.txt'), path.join(tmp, 'anki-export.txt'));
  const collection = await buildCollection(
    [{ id: 1700000000001, guid: 'p1', fields: ['What is a <i>WAL</i>?', 'A write-ahead log.'], tags: ' db ', deckId: 2 }],
    { 2: 'Interview::Storage' },
    'current',
  );
  writeFileSync(path.join(tmp, 'deck.apkg'), zipPackage({ 'collection.anki21b': zstdStored(collection) }));
  writeFileSync(path.join(tmp, 'corrupt.apkg'), zipPackage({ 'collection.anki21': collection }).subarray(0, 500));
  writeFileSync(path.join(tmp, 'notes.md'), '### What is a B-tree?\n\nA balanced search tree.\n');
});

describe('bank check --json on CSV, Anki text and Anki packages (real CLI, parse worker)', { timeout: 120_000 }, () => {
  it('reads every format beside Markdown, and a corrupt package is one warning', () => {
    const { code, doc } = check(tmp);
    expect(code).toBe(0);
    const rel = (f: string) => path.basename(f);
    expect(doc.questions.map((q) => [q.question, q.category, q.sources.map((s) => `${rel(s.file)}:${s.line}`).join(' ')])).toEqual([
      ['What is **dropout**?', 'ML', 'anki-export.txt:7'],
      ['What is a _WAL_?', 'Storage', 'deck.apkg:1'],
      ['What is a B-tree?', null, 'notes.md:1'],
      ['What is a\nlease?', 'Databases', 'team-bank.csv:2'],
      ['What is MVCC?', 'Databases', 'team-bank.csv:4'],
    ]);
    expect(doc.questions[1]?.id).toBe(ankiId('p1'));
    expect(doc.warnings.map((w) => `${rel(w.file)}:${w.line}: ${w.message}`)).toEqual([
      expect.stringMatching(/^corrupt\.apkg:1: is a damaged zip \(.+\); skipped$/),
      'team-bank.csv:5: row has no question; skipped',
    ]);
  });
});
