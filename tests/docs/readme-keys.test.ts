import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/bank.js';
import { compareKeys, keyExports, keyPattern, readmeKeys } from './key-tables.js';

/**
 * Every folder under src/ with both a README.md and a keys.ts: the README's "## Keys" table lists
 * exactly the keys the builders make. A new service folder is covered by adding the two files.
 */
function documentedFolders(dir = 'src'): string[] {
  const abs = path.join(repoRoot, dir);
  const here = existsSync(path.join(abs, 'README.md')) && existsSync(path.join(abs, 'keys.ts')) ? [dir] : [];
  const subdirs = readdirSync(abs, { withFileTypes: true }).filter((e) => e.isDirectory());
  return [...here, ...subdirs.flatMap((e) => documentedFolders(path.join(dir, e.name)))];
}

async function builtPatterns(folder: string): Promise<Map<string, string>> {
  const file = path.join(repoRoot, folder, 'keys.ts');
  const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  const exports = keyExports(readFileSync(file, 'utf8'), file);
  return new Map(exports.map((k) => [k.path.join('.'), keyPattern(module, k)]));
}

const folders = documentedFolders();

describe('README key tables', () => {
  it('finds the documented service folders', () => {
    expect(folders).toContain(path.join('src', 'core', 'daily'));
  });

  it.each(folders)('%s/README.md lists exactly the keys its keys.ts builds', async (folder) => {
    const documented = readmeKeys(readFileSync(path.join(repoRoot, folder, 'README.md'), 'utf8'));
    expect(documented, `${folder}/README.md has no "## Keys" table`).toBeDefined();
    const built = await builtPatterns(folder);
    expect(built.size).toBeGreaterThan(0);
    expect(compareKeys(documented ?? [], built)).toEqual({ onlyInReadme: [], onlyInCode: [] });
  });
});

describe('the key table check itself', () => {
  const keysTs = `
    import { type ChannelRef, type WorkspaceRef, channelKey, workspaceKey } from '../refs.js';
    export const INDEX_KEY = 'svc:index';
    export const DEFAULT_NAMESPACE = 'not a key';
    export const lease = (channel: ChannelRef, slotKey: string): string => 'x';
    export function post(workspace: WorkspaceRef, postId: string): string { return 'x'; }
    export const keys = { grade: (ws: WorkspaceRef, userId: string) => 'x' };
    function hidden(a: string): string { return a; }
  `;
  const module = {
    INDEX_KEY: 'svc:index',
    lease: (c: { platform: string; workspaceId: string; channelId: string }, slotKey: string) => `svc:${c.platform}:${c.workspaceId}:${c.channelId}:lease:${slotKey}`,
    post: (w: { platform: string; workspaceId: string }, postId: string) => `svc:${w.platform}:${w.workspaceId}:post:${encodeURIComponent(postId)}`,
    keys: { grade: (w: { platform: string; workspaceId: string }, userId: string) => `svc:${w.platform}:${w.workspaceId}:grade:${userId}` },
  };
  const built = new Map(keyExports(keysTs).map((k) => [k.path.join('.'), keyPattern(module, k)]));

  it('reads constants, functions and object members, and writes refs as <channel> and <ws>', () => {
    expect(Object.fromEntries(built)).toEqual({
      INDEX_KEY: 'svc:index',
      lease: 'svc:<channel>:lease:<slotKey>',
      post: 'svc:<ws>:post:<postId>',
      'keys.grade': 'svc:<ws>:grade:<userId>',
    });
  });

  it('reads the first column of the table under ## Keys, and stops at the next heading', () => {
    const readme =
      '# svc\n\n## Keys\n\n| key | value |\n| --- | --- |\n| `svc:index` | all |\n| `svc:<channel>:lease:<slotKey>` or `svc:<ws>:post:<postId>` | x |\n\n## Later\n\n| `not:a:key` | y |\n';
    expect(readmeKeys(readme)).toEqual(['svc:index', 'svc:<channel>:lease:<slotKey>', 'svc:<ws>:post:<postId>']);
    expect(readmeKeys('# svc\n\nno table')).toBeUndefined();
  });

  it('names a row the code does not build and a builder the README misses', () => {
    const documented = ['svc:index', 'svc:<channel>:lease:<slot>', 'svc:<ws>:post:<postId>', 'svc:<ws>:grade:<userId>'];
    expect(compareKeys(documented, built)).toEqual({ onlyInReadme: ['svc:<channel>:lease:<slot>'], onlyInCode: ['lease → svc:<channel>:lease:<slotKey>'] });
  });
});
