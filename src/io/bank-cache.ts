import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParsedFile } from '../bank/parse/parse-file.js';
import { parseStoreUrl } from '../store/store-url.js';
import { SNAPSHOT_FORMAT } from './bank-snapshot.js';

/**
 * Parsed bank files kept on disk, keyed by the SHA-256 of each file's bytes, so a restart with unchanged
 * files skips parsing. Entries live in a folder named after a fingerprint of the loader's own code (the
 * parser and extraction sources and markdown-it's version): a new version never reads an old version's
 * entries, and removes them. Each entry carries a checksum of its body and the key it was written for;
 * an entry that fails either check, or does not have the expected shape, is ignored and rewritten.
 */

const FORMAT = 1;

export class ParseCache {
  private readonly used = new Set<string>();

  private constructor(private readonly dir: string) {}

  /** The cache in `root`, or null when the folder cannot be made (the bank then loads without one). */
  static async open(root: string): Promise<ParseCache | null> {
    try {
      const fingerprint = await loaderFingerprint();
      const dir = path.join(root, `v${FORMAT}-${fingerprint}`);
      await mkdir(dir, { recursive: true });
      return new ParseCache(dir);
    } catch {
      return null;
    }
  }

  /** Where the whole-bank entry for `bankKey` lives (see bank-snapshot.ts); kept by the next prune. */
  snapshotPath(bankKey: string): string {
    this.used.add(`bank-${bankKey}`);
    return path.join(this.dir, `bank-${bankKey}.v8`);
  }

  /** Keeps a file's entry through the next prune without reading it (a snapshot served its file). */
  keep(key: string): void {
    this.used.add(key);
  }

  /** The key of a whole bank: its files' shown paths and content keys, in order, under this loader's code. */
  bankKey(files: readonly { shown: string; key: string }[]): string {
    const hash = createHash('sha256').update(`${path.basename(this.dir)}\0${SNAPSHOT_FORMAT}\n`);
    for (const f of files) hash.update(`${f.shown}\0${f.key}\n`);
    return hash.digest('hex');
  }

  static key(bytes: Uint8Array): string {
    return createHash('sha256').update(bytes).digest('hex');
  }

  /** The file's parse as cached, its warnings pointing at `shownPath`; null on a miss or a bad entry. */
  async get(key: string, shownPath: string): Promise<ParsedFile | null> {
    this.used.add(key);
    const text = await readFile(this.entryPath(key), 'utf8').catch(() => null);
    if (text === null) return null;
    const newline = text.indexOf('\n');
    const body = text.slice(newline + 1);
    if (newline < 0 || text.slice(0, newline) !== checksum(body)) return null;
    let entry: unknown;
    try {
      entry = JSON.parse(body);
    } catch {
      return null;
    }
    if (!isEntry(entry) || entry.key !== key) return null;
    return { questions: entry.questions as ParsedFile['questions'], warnings: entry.warnings.map((w) => ({ file: shownPath, ...cachedWarning(w) })) };
  }

  /** Best effort: a cache that cannot be written only costs the next start its speed. */
  async put(key: string, parsed: ParsedFile): Promise<void> {
    this.used.add(key);
    const body = JSON.stringify({ key, questions: parsed.questions, warnings: parsed.warnings.map(cachedWarning) });
    const file = this.entryPath(key);
    const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
      // Written aside and renamed, so a crash mid-write leaves no half entry under the real name.
      await writeFile(temp, `${checksum(body)}\n${body}`);
      await rename(temp, file);
    } catch {
      await rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /** Drops entries this load did not use (files since edited or removed) and other versions' folders. */
  async prune(): Promise<void> {
    const root = path.dirname(this.dir);
    const own = path.basename(this.dir);
    for (const name of await readdir(root).catch(() => [])) {
      if (name !== own && /^v\d+-[0-9a-f]+$/.test(name)) await rm(path.join(root, name), { recursive: true, force: true }).catch(() => undefined);
    }
    for (const name of await readdir(this.dir).catch(() => [])) {
      const key = name.replace(/\.(json|v8)$/, '');
      if (!this.used.has(key)) await rm(path.join(this.dir, name), { force: true }).catch(() => undefined);
    }
  }

  private entryPath(key: string): string {
    return path.join(this.dir, `${key}.json`);
  }
}

/**
 * Where the bot keeps its parse cache: BANK_CACHE_DIR when set (`off` turns it off), else a folder next
 * to the SQLite file. Redis and memory stores have no local folder, so they get none unless configured.
 */
export function bankCacheDir(storeUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.BANK_CACHE_DIR?.trim();
  if (configured) return configured === 'off' ? null : path.resolve(configured);
  try {
    const target = parseStoreUrl(storeUrl);
    if (target.kind !== 'sqlite' || target.path === ':memory:') return null;
    return path.join(path.dirname(path.resolve(target.path)), 'bank-cache');
  } catch {
    return null;
  }
}

interface Entry {
  key: string;
  questions: unknown[];
  /** `skipped` marks a question-like block that was not taken (`bank check` counts them). */
  warnings: CachedWarning[];
}

type CachedWarning = { line: number; message: string; skipped?: true };

/** A warning as an entry keeps it: without its file, which the reader supplies (a file can move unchanged). */
function cachedWarning(w: { line: number; message: string; skipped?: boolean }): CachedWarning {
  return { line: w.line, message: w.message, ...(w.skipped ? { skipped: true as const } : {}) };
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Partial<Entry>;
  return (
    typeof entry.key === 'string' &&
    Array.isArray(entry.questions) &&
    entry.questions.every((q) => typeof q === 'object' && q !== null && typeof (q as { question?: unknown }).question === 'string' && typeof (q as { line?: unknown }).line === 'number') &&
    Array.isArray(entry.warnings) &&
    entry.warnings.every((w) => typeof w === 'object' && w !== null && typeof w.line === 'number' && typeof w.message === 'string')
  );
}

function checksum(body: string): string {
  // Guards against torn or damaged files, not against an attacker who can write the store's folder anyway.
  return createHash('md5').update(body).digest('hex');
}

let fingerprint: Promise<string> | null = null;

/** A hash of the code that turns a file's bytes into its parse: when it changes, old entries are stale. */
function loaderFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const bank = fileURLToPath(new URL('../bank/', import.meta.url));
    const hash = createHash('sha256');
    const sources = async (dir: string, match: (name: string) => boolean): Promise<string[]> =>
      (await readdir(dir).catch(() => [] as string[])).filter(match).sort().map((name) => path.join(dir, name));
    const code = (name: string): boolean => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts');
    const files = [
      // merge, ids and load too: the whole-bank entry holds merged questions and their ids.
      ...(await sources(bank, (n) => code(n) && /^(markdown|types|merge|ids|load)/.test(n))),
      ...(await sources(path.join(bank, 'parse'), code)),
      ...(await sources(path.join(bank, 'text'), code)),
    ];
    for (const file of files) hash.update(file.slice(bank.length)).update(await readFile(file));
    hash.update(await readFile(createRequire(import.meta.url).resolve('markdown-it/package.json')).catch(() => ''));
    return hash.digest('hex').slice(0, 16);
  })();
  return fingerprint;
}
