import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseMarkdown } from '../src/bank/markdown.js';

/**
 * The floor the loader is compared with: the work no loader can avoid (read, decode, parse the same
 * Markdown with the same extensions) and nothing else.
 */

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
  /** Top-level nodes parsed; returned so the parse is observably used and cannot be optimised away. */
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
    nodes += parseMarkdown(decoder.decode(data)).children.length;
  }
  return { files: files.length, bytes, nodes };
}
