import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BankFile, BankWarning } from '../bank/types.js';

const BANK_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FoundBankFiles {
  /** Absolute path to read, and the path shown in sources and warnings. */
  files: { abs: string; shown: string }[];
  warnings: BankWarning[];
  /** Paths the caller named that do not exist: nothing can be read from them. */
  missing: string[];
}

/**
 * Finds bank files under the given files or folders (recursively, in a stable order) without reading
 * them. A folder's README.md documents the bank rather than being part of it, so it is left out.
 */
export async function findBankFiles(paths: string[], cwd = process.cwd()): Promise<FoundBankFiles> {
  const result: FoundBankFiles = { files: [], warnings: [], missing: [] };
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    const info = await stat(abs).catch(() => null);
    if (!info) {
      result.missing.push(given);
      continue;
    }
    const found = info.isDirectory() ? await listBankFiles(abs, result.warnings, cwd) : [abs];
    result.files.push(...found.map((file) => ({ abs: file, shown: displayPath(file, cwd) })));
  }
  return result;
}

/** Reads one found file, or says why it could not be read. */
export async function readBankFile(file: { abs: string; shown: string }): Promise<BankFile | BankWarning> {
  try {
    return { path: file.shown, bytes: await readFile(file.abs) };
  } catch (err) {
    return { file: file.shown, line: 1, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}); skipped` };
  }
}

async function listBankFiles(dir: string, warnings: BankWarning[], cwd: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      // Banks are often shared by linking another repo's folder in: follow links, and say when one is broken.
      const target = await stat(full).catch(() => null);
      if (!target) {
        if (isBankFileName(entry.name)) warnings.push({ file: displayPath(full, cwd), line: 1, message: 'is a link to nothing; skipped' });
        continue;
      }
      isDir = target.isDirectory();
      isFile = target.isFile();
    }
    if (isDir) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) out.push(...(await listBankFiles(full, warnings, cwd)));
    } else if (isFile && isBankFileName(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

function isBankFileName(name: string): boolean {
  return BANK_EXTENSIONS.has(path.extname(name).toLowerCase()) && !/^readme\./i.test(name);
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}
