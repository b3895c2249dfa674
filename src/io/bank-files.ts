import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileKind, IMPORT_EXTENSIONS, MAX_PACKAGE_BYTES, packageTooLarge } from '../bank/import/kinds.js';
import type { BankFile, BankWarning } from '../bank/types.js';

const BANK_EXTENSIONS = new Set(['.md', '.markdown', '.txt', ...IMPORT_EXTENSIONS]);
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
 * Links are followed, but each real folder and file is visited once, so a link back up the tree (or two)
 * cannot loop; a folder or link that cannot be read is a warning, and the rest still loads.
 */
export async function findBankFiles(paths: string[], cwd = process.cwd()): Promise<FoundBankFiles> {
  const walk = new Walk(cwd);
  for (const given of paths) {
    const abs = path.resolve(cwd, given);
    const info = await attempt(stat(abs));
    if ('code' in info) {
      if (info.code === 'ENOENT' || info.code === 'ENOTDIR') walk.missing.push(given);
      else walk.warn(abs, `cannot be read (${info.code}); skipped`);
      continue;
    }
    if (info.value.isDirectory()) await walk.folder(abs, []);
    else await walk.file(abs);
  }
  return { files: walk.files, warnings: walk.warnings, missing: walk.missing };
}

class Walk {
  readonly files: { abs: string; shown: string }[] = [];
  readonly warnings: BankWarning[] = [];
  readonly missing: string[] = [];
  private readonly seenFolders = new Set<string>();
  private readonly seenFiles = new Set<string>();

  constructor(private readonly cwd: string) {}

  warn(abs: string, message: string): void {
    this.warnings.push({ file: displayPath(abs, this.cwd), line: 1, message });
  }

  async file(abs: string): Promise<void> {
    const resolved = await attempt(realpath(abs));
    const real = 'value' in resolved ? resolved.value : abs;
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    this.files.push({ abs, shown: displayPath(abs, this.cwd) });
  }

  /** `above` holds the real paths of the folders this one was reached through, to tell a loop from a second link. */
  async folder(dir: string, above: string[]): Promise<void> {
    const resolved = await attempt(realpath(dir));
    if ('code' in resolved) {
      this.warn(dir, `is a folder that cannot be read (${resolved.code}); its files are skipped`);
      return;
    }
    const real = resolved.value;
    if (this.seenFolders.has(real)) {
      if (above.includes(real)) this.warn(dir, `links back to ${displayPath(real, this.cwd)}, which is already being read; skipped`);
      return;
    }
    this.seenFolders.add(real);
    const listed = await attempt(readdir(dir, { withFileTypes: true }));
    if ('code' in listed) {
      // One unreadable folder (EACCES, a mount gone stale) must not keep the rest of the bank from loading.
      this.warn(dir, `is a folder that cannot be read (${listed.code}); its files are skipped`);
      return;
    }
    const entries = listed.value;
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Banks are often shared by linking another repo's folder in: follow links, and say when one is broken.
        const target = await attempt(stat(full));
        if ('code' in target) {
          if (target.code === 'ELOOP') this.warn(full, 'is a link that loops; skipped');
          else if (isBankFileName(entry.name))
            this.warn(full, target.code === 'ENOENT' ? 'is a link to nothing; skipped' : `is a link that cannot be followed (${target.code}); skipped`);
          continue;
        }
        isDir = target.value.isDirectory();
        isFile = target.value.isFile();
      }
      if (isDir) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) await this.folder(full, [...above, real]);
      } else if (isFile && isBankFileName(entry.name)) {
        await this.file(full);
      }
    }
  }
}

/** Reads one found file, or says why it could not be read. */
export async function readBankFile(file: { abs: string; shown: string }): Promise<BankFile | BankWarning> {
  try {
    // A package is all read into memory and handed to the parser: an oversized one is refused unread.
    if (fileKind(file.shown) === 'anki-package') {
      const { size } = await stat(file.abs);
      if (size > MAX_PACKAGE_BYTES) return { file: file.shown, line: 1, message: `${packageTooLarge(size)}; skipped` };
    }
    return { path: file.shown, bytes: await readFile(file.abs) };
  } catch (err) {
    return { file: file.shown, line: 1, message: `cannot be read (${errorCode(err)}); skipped` };
  }
}

async function attempt<T>(work: Promise<T>): Promise<{ value: T } | { code: string }> {
  try {
    return { value: await work };
  } catch (err) {
    return { code: errorCode(err) };
  }
}

function errorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : String(err);
}

function isBankFileName(name: string): boolean {
  return BANK_EXTENSIONS.has(path.extname(name).toLowerCase()) && !/^readme\./i.test(name);
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}
