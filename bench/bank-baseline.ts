import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';

/**
 * The floor the loader is compared with: read, decode, and one bare markdown-it pass (the fastest
 * maintained CommonMark parser for Node, with its table and strikethrough support) over the same files.
 */

// The 'default' preset: CommonMark plus tables and strikethrough; block and inline parsing both run.
const markdownIt = new MarkdownIt('default');

const BANK_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);

/**
 * The files the loader would read from a folder. Kept apart from src/io on purpose: the baseline must
 * not share code with what it measures, only the selection rule (so both read the same bytes).
 */
export async function listBankFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...(await listBankFiles(full)));
    } else if (entry.isFile() && BANK_EXTENSIONS.has(path.extname(entry.name).toLowerCase()) && !/^readme\./i.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

export interface BaselineResult {
  files: number;
  bytes: number;
  /** Tokens parsed; returned so the parse is observably used and cannot be optimised away. */
  nodes: number;
}

export async function parseBaseline(dir: string): Promise<BaselineResult> {
  const files = await listBankFiles(dir);
  const decoder = new TextDecoder();
  let bytes = 0;
  let nodes = 0;
  for (const file of files) {
    const data = await readFile(file);
    bytes += data.length;
    nodes += markdownIt.parse(decoder.decode(data), {}).length;
  }
  return { files: files.length, bytes, nodes };
}
