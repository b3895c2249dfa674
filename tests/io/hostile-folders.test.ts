import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBankFromDisk } from '../../src/io/load-bank-from-disk.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const root = mkdtempSync(path.join(os.tmpdir(), 'recall-hostile-'));
// Readable by the unprivileged user the permission test runs as.
chmodSync(root, 0o755);
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true, mode: 0o755 });
  writeFileSync(path.join(root, rel), text, { mode: 0o644 });
}

describe('a bank folder with links that loop', () => {
  it('reads each real file once through one `self -> .` link, and warns about the loop', async () => {
    write('one/a.md', '1. What is A?\n');
    symlinkSync('.', path.join(root, 'one/self'));
    const result = await loadBankFromDisk(['one'], { cwd: root });
    expect(result.files).toEqual(['one/a.md']);
    expect(result.questions.map((q) => [q.question, q.sources.length])).toEqual([['What is A?', 1]]);
    expect(result.warnings).toEqual([{ file: 'one/self', line: 1, message: 'links back to one, which is already being read; skipped' }]);
  });

  it('finishes with two such links, and a link to a folder read elsewhere is read once', async () => {
    write('two/b.md', '1. What is B?\n');
    write('two/shared/c.md', '1. What is C?\n');
    symlinkSync('.', path.join(root, 'two/loop1'));
    symlinkSync('..', path.join(root, 'two/shared/loop2'));
    symlinkSync('shared', path.join(root, 'two/zz-again'));
    const result = await loadBankFromDisk(['two'], { cwd: root });
    expect(result.files).toEqual(['two/b.md', 'two/shared/c.md']);
    expect(result.questions.map((q) => q.question)).toEqual(['What is B?', 'What is C?']);
    expect(result.warnings.map((w) => w.file)).toEqual(['two/loop1', 'two/shared/loop2']);
  });

  it('warns about a link to itself instead of failing', async () => {
    write('three/d.md', '1. What is D?\n');
    symlinkSync('me.md', path.join(root, 'three/me.md'));
    const result = await loadBankFromDisk(['three'], { cwd: root });
    expect(result.questions.map((q) => q.question)).toEqual(['What is D?']);
    expect(result.warnings).toEqual([{ file: 'three/me.md', line: 1, message: 'is a link that loops; skipped' }]);
  });
});

describe('a bank folder with a sub-folder that cannot be read', () => {
  write('locked-bank/open.md', '1. What is open?\n');
  write('locked-bank/private/secret.md', '1. What is secret?\n');
  chmodSync(path.join(root, 'locked-bank/private'), 0o000);

  /**
   * Root reads any folder whatever its mode, and these tests run as root: the load then runs in a child
   * process as an unprivileged user (uid 65534), against the real file system, so EACCES is real.
   */
  function loadAsUnprivileged(): { warnings: unknown[]; questions: string[] } {
    const script = `import { loadBankFromDisk } from ${JSON.stringify(path.join(repo, 'src/io/load-bank-from-disk.ts'))};
      const r = await loadBankFromDisk(['locked-bank'], { cwd: ${JSON.stringify(root)} });
      console.log(JSON.stringify({ warnings: r.warnings, questions: r.questions.map((q) => q.question) }));`;
    const asRoot = process.getuid?.() === 0;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: repo,
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      env: { ...process.env, HOME: os.tmpdir() },
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { warnings: unknown[]; questions: string[] };
  }

  it('loads the rest and warns with the folder path (EACCES on scandir)', () => {
    const result = loadAsUnprivileged();
    expect(result.questions).toEqual(['What is open?']);
    expect(result.warnings).toEqual([{ file: 'locked-bank/private', line: 1, message: 'is a folder that cannot be read (EACCES); its files are skipped' }]);
  });
});
