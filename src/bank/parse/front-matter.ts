import type { Difficulty } from '../types.js';
import { levelOf } from './difficulty.js';

/**
 * YAML front matter (`---` … `---` at the top, as Obsidian, Jekyll and Hugo write it). Only the keys a
 * bank uses are read — `category`, `tags` and `difficulty` — so no YAML library is needed; the block is blanked out
 * (not removed) so every line number after it stays true.
 */
export interface FrontMatter {
  category: string | null;
  tags: string[];
  /** The level of every question in the file that does not mark its own. */
  difficulty: Difficulty | null;
}

export function takeFrontMatter(text: string): { text: string; front: FrontMatter | null } {
  const m = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m || !/^[\w-]+\s*:/m.test(m[1] ?? '')) return { text, front: null };
  const body = m[1] ?? '';
  const blanked = '\n'.repeat(m[0].split('\n').length - 1) + text.slice(m[0].length);
  return { text: blanked, front: { category: scalar(body, 'category'), tags: list(body, 'tags'), difficulty: levelOf(scalar(body, 'difficulty') ?? '') } };
}

function scalar(body: string, key: string): string | null {
  const m = new RegExp(`^${key}[ \\t]*:[ \\t]*(.+)$`, 'mi').exec(body);
  const value = m?.[1]?.trim().replace(/^(["'])(.*)\1$/, '$2') ?? '';
  return value === '' ? null : value;
}

function list(body: string, key: string): string[] {
  const inline = new RegExp(`^${key}[ \\t]*:[ \\t]*(.+)$`, 'mi').exec(body);
  if (inline?.[1]) {
    return inline[1]
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((t) => t.trim().replace(/^(["'])(.*)\1$/, '$2'))
      .filter(Boolean);
  }
  const block = new RegExp(`^${key}\\s*:\\s*\\n((?:\\s*-\\s*.+\\n?)+)`, 'mi').exec(body);
  return block?.[1]
    ? block[1]
        .split('\n')
        .map((l) => l.replace(/^\s*-\s*/, '').trim())
        .filter(Boolean)
    : [];
}
