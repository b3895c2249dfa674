import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBank } from '../../src/bank/load.js';
import { bankCacheDir } from '../../src/io/bank-cache.js';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'recall-engine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

function allEntries(cacheDir: string): string[] {
  return readdirSync(cacheDir).flatMap((version) => readdirSync(path.join(cacheDir, version)).map((f) => path.join(cacheDir, version, f)));
}

/** The per-file entries; the manifest of file stamps is removed, so the next load has to hash every file. */
function cacheEntries(cacheDir: string): string[] {
  for (const f of allEntries(cacheDir)) if (f.endsWith('files.json')) rmSync(f);
  return allEntries(cacheDir);
}

/** How recent a change must be for a stamp to go unrecorded, shortened from seconds so the test can wait it out. */
const RACY_MS = 300;
const settle = () => new Promise((resolve) => setTimeout(resolve, RACY_MS + 50));

describe('the parse cache', () => {
  it('serves an unchanged file from its entry, and ignores an entry that is damaged or was written for other bytes', async () => {
    const cacheDir = path.join(root, 'cache-a');
    write('bank-a/a.md', '## Q1. What is A?\nAn answer.\n');
    const first = await loadBankFromDisk(['bank-a'], { cwd: root, cacheDir });
    const [entry] = cacheEntries(cacheDir);
    expect(entry).toBeDefined();
    const original = readFileSync(entry!);

    // The cached parse is what the load returns: change what the entry says (fixing its checksum is not
    // possible without the loader's own code), and the damaged entry is ignored in favour of a re-parse.
    writeFileSync(entry!, Buffer.from(original.toString('latin1').replace('What is A?', 'What is Z?'), 'latin1'));
    cacheEntries(cacheDir);
    const damaged = await loadBankFromDisk(['bank-a'], { cwd: root, cacheDir });
    expect(damaged.questions).toEqual(first.questions);
    expect(readFileSync(entry!).equals(original)).toBe(true);

    writeFileSync(entry!, 'not an entry at all');
    cacheEntries(cacheDir);
    expect((await loadBankFromDisk(['bank-a'], { cwd: root, cacheDir })).questions).toEqual(first.questions);

    // An entry whose key does not match the file's bytes (copied under another name) is not trusted.
    write('bank-a/a.md', '## Q1. What is B?\nAnother answer.\n');
    const edited = await loadBankFromDisk(['bank-a'], { cwd: root, cacheDir });
    expect(edited.questions.map((q) => q.question)).toEqual(['What is B?']);
    const entries = cacheEntries(cacheDir);
    expect(entries).toHaveLength(1);
    writeFileSync(entries[0]!, original);
    cacheEntries(cacheDir);
    expect((await loadBankFromDisk(['bank-a'], { cwd: root, cacheDir })).questions.map((q) => q.question)).toEqual(['What is B?']);
  });

  it('gives the same bank and warnings from the cache as from parsing, each warning at its file and line', async () => {
    const cacheDir = path.join(root, 'cache-b');
    write('bank-b/b.md', '## Q1. What is B?\nYes.\n\n```\nnever closed\n\n## Q2. What is C?\nNo.\n');
    write('bank-b/c.md', '## Deep 🚀\n\n### Q1. What is B?\nA longer answer — with a dash, and `code`.\nHint: two bytes 😀\n\n### Q3. Naïve?\nId: naive-one\n(easy)\n');
    const cold = await loadBankFromDisk(['bank-b'], { cwd: root, cacheDir });
    const warm = await loadBankFromDisk(['bank-b'], { cwd: root, cacheDir });
    expect(cold.warnings.length).toBeGreaterThan(0);
    expect(cold.questions.length).toBe(3);
    expect(warm).toEqual(cold);
    // Parsed in this process, with no worker and no packing, the bank is the same too.
    expect(loadBank(['bank-b/b.md', 'bank-b/c.md'].map((rel) => ({ path: rel, bytes: readFileSync(path.join(root, rel)) })))).toEqual({
      questions: cold.questions,
      warnings: cold.warnings,
      files: cold.files,
    });
  });

  it("carries a question's own choices through the worker, the pack and the cache", async () => {
    const cacheDir = path.join(root, 'cache-choices');
    write('bank-choices/c.md', '## Which is even? 🚀\nSuggested-by: Zoë «Z»\nA) 3\nB) 4 — «four»\nAnswer: B\n\n## What is C?\nNo choices.\nAccept: sea, «see»\n');
    const cold = await loadBankFromDisk(['bank-choices'], { cwd: root, cacheDir });
    const warm = await loadBankFromDisk(['bank-choices'], { cwd: root, cacheDir });
    expect(cold.questions.map((q) => [q.question, q.choices, q.correct, q.accept, q.suggestedBy])).toEqual([
      ['Which is even?', ['3', '4 — «four»'], 1, undefined, 'Zoë «Z»'],
      ['What is C?', undefined, undefined, ['sea', '«see»'], undefined],
    ]);
    expect(warm).toEqual(cold);
    expect(loadBank([{ path: 'bank-choices/c.md', bytes: readFileSync(path.join(root, 'bank-choices/c.md')) }]).questions).toEqual(cold.questions);
  });

  it('serves a restart with unchanged files from the cache without parsing them, and reads only the files whose stamp changed', async () => {
    const cacheDir = path.join(root, 'cache-c');
    const options = { cwd: root, cacheDir, racyMs: RACY_MS };
    write('bank-c/a.md', '## Q1. What is A?\nYes.\n\n## Q2. What is A?\nA longer answer.\n');
    write('bank-c/b.md', '## Q3. What is B?\nId: b-one\nNo.\n\n```\nnever closed\n');
    const a = path.join(root, 'bank-c/a.md');
    const b = path.join(root, 'bank-c/b.md');
    const manifest = () => JSON.parse(readFileSync(allEntries(cacheDir).find((f) => f.endsWith('files.json'))!, 'utf8')) as Record<string, { key: string }>;
    const cold = await loadBankFromDisk(['bank-c'], options);
    // Changed just now, neither stamp can be trusted yet (an edit in the same clock tick would not show).
    expect(Object.keys(manifest())).toEqual([]);
    await settle();
    // A parser that fails every file: only the cache can give the bank back whole.
    const failing = { budgetMs: () => 0 };
    expect(await loadBankFromDisk(['bank-c'], { ...options, parser: failing })).toEqual(cold);
    expect(Object.keys(manifest()).sort()).toEqual([a, b]);

    // Stamped, a file is not read again: its key comes from the manifest. Point b.md's stamp at a.md's
    // entry, and the load believes it, which shows b.md's bytes were not looked at.
    const stamps = manifest();
    writeFileSync(allEntries(cacheDir).find((f) => f.endsWith('files.json'))!, JSON.stringify({ ...stamps, [b]: { ...stamps[b], key: stamps[a]!.key } }));
    expect((await loadBankFromDisk(['bank-c'], options)).questions.map((q) => q.question)).toEqual(['What is A?']);
    cacheEntries(cacheDir);
    expect(await loadBankFromDisk(['bank-c'], options)).toEqual(cold);
    await settle();
    await loadBankFromDisk(['bank-c'], options);

    // An edit changes the stamp (here the size and change time), so the file is read and parsed again.
    write('bank-c/b.md', '## Q3. What is C?\nNo.\n');
    const edited = await loadBankFromDisk(['bank-c'], options);
    expect(edited.questions.map((q) => q.question)).toEqual(['What is A?', 'What is C?']);
    expect(Object.keys(manifest())).toEqual([a]);
    await settle();

    // Same size and modification time (as `cp -p` or `touch -r` leave a file): the change time still moves.
    await loadBankFromDisk(['bank-c'], options);
    expect(Object.keys(manifest()).sort()).toEqual([a, b]);
    const { atime, mtime, size } = statSync(a);
    writeFileSync(a, readFileSync(a, 'utf8').replace('What is A?', 'What is Y?'));
    utimesSync(a, atime, mtime);
    expect(statSync(a).size).toBe(size);
    expect((await loadBankFromDisk(['bank-c'], options)).questions.map((q) => q.question)).toEqual(['What is Y?', 'What is A?', 'What is C?']);
  });

  it('lives next to the SQLite file unless configured, and not at all for Redis', () => {
    expect(bankCacheDir('/data/recall.sqlite', {})).toBe('/data/bank-cache');
    expect(bankCacheDir('sqlite:///srv/r.db', {})).toBe('/srv/bank-cache');
    expect(bankCacheDir('redis://localhost', {})).toBeNull();
    expect(bankCacheDir('redis://localhost', { BANK_CACHE_DIR: '/var/cache/recall' })).toBe('/var/cache/recall');
    expect(bankCacheDir('/data/recall.sqlite', { BANK_CACHE_DIR: 'off' })).toBeNull();
  });
});

describe('loading off the main thread', () => {
  it('keeps the event loop answering while a hostile bank loads (10,000-deep lists, 9 MB of nesting)', async () => {
    write('hostile/deep.md', `## Q1. Deep?\n${'- '.repeat(9_990)}x\n\n## Q2. After?\nYes.\n`);
    write(
      'hostile/nested.md',
      `${Array.from({ length: 3_000 }, (_, i) => `${'  '.repeat(Math.min(i, 60))}- item ${'w '.repeat(1_400)}`).join('\n')}\n\n## Q3. Still read?\nYes.\n`,
    );
    write('hostile/quotes.md', `${Array.from({ length: 3_000 }, (_, i) => `${'>'.repeat(i + 1)} q`).join('\n')}\n\n## Q4. Read too?\nYes.\n`);
    let longestGap = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    try {
      const result = await loadBankFromDisk(['hostile'], { cwd: root });
      expect(result.questions.map((q) => q.question)).toEqual(['Deep?', 'After?', 'Still read?', 'Read too?']);
      expect(result.warnings.filter((w) => w.message.includes('nest more than')).map((w) => `${w.file}:${w.line}`)).toEqual([
        'hostile/deep.md:2',
        'hostile/nested.md:21',
        'hostile/quotes.md:41',
      ]);
    } finally {
      clearInterval(ticker);
    }
    // A bound on blocking, with a wide margin for a loaded machine; parsing in-process blocked for seconds.
    expect(longestGap).toBeLessThan(250);
  });

  it('skips a file that runs past its time budget, with a warning, and loads the others', async () => {
    write('slow/a.md', '## Q1. What is A?\nYes.\n');
    write('slow/b.md', `## Q2. What is B?\n${'Some answer text. '.repeat(200_000)}\n`);
    write('slow/c.md', '## Q3. What is C?\nYes.\n');
    const result = await loadBankFromDisk(['slow'], { cwd: root, parser: { budgetMs: (bytes) => (bytes > 1_000_000 ? 1 : 60_000) } });
    expect(result.questions.map((q) => q.question)).toEqual(['What is A?', 'What is C?']);
    expect(result.warnings).toEqual([{ file: 'slow/b.md', line: 1, message: 'could not be read (parsing took longer than 0 s); skipped' }]);
    expect(result.files).toEqual(['slow/a.md', 'slow/b.md', 'slow/c.md']);
  });
});
