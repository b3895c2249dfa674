import { readFileSync, readdirSync } from 'node:fs';
import { rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ParsePool } from '../../src/io/parse-pool.js';

/** The processes this one started that are still alive, by command name (Linux /proc; empty elsewhere). */
function childCommands(): string[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return [];
  }
  return pids.flatMap((pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /s, '')
        .split(' ');
      return fields[1] === String(process.pid) ? [readFileSync(`/proc/${pid}/comm`, 'utf8').trim()] : [];
    } catch {
      return [];
    }
  });
}

describe('the parse worker bundled from TypeScript source', () => {
  const dir = os.tmpdir();
  const stale = path.join(dir, 'recall-parse-worker-0000000000000000.cjs');
  const recent = path.join(dir, 'recall-parse-worker-1111111111111111.cjs');
  afterAll(async () => {
    await rm(stale, { force: true });
    await rm(recent, { force: true });
  });

  it('parses, deletes bundles untouched for a day, keeps recent ones, and leaves no esbuild process behind', async () => {
    await writeFile(stale, '// an old version');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(stale, twoDaysAgo, twoDaysAgo);
    await writeFile(recent, '// another checkout, in use');
    const pool = new ParsePool();
    try {
      const parsed = await pool.parse({ path: 'a.md', bytes: new TextEncoder().encode('1. What is a pipe?\n') });
      expect(parsed.warnings).toEqual([]);
    } finally {
      await pool.close();
    }
    await expect(stat(stale)).rejects.toThrow();
    await expect(stat(recent)).resolves.toBeTruthy();
    expect(childCommands().filter((c) => c.includes('esbuild'))).toEqual([]);
  });
});
