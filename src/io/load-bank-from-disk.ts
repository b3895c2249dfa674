import { BankBuilder } from '../bank/load.js';
import type { ParsedFile } from '../bank/parse/parse-file.js';
import type { BankLoadResult } from '../bank/types.js';
import { ParseCache } from './bank-cache.js';
import { findBankFiles, readBankFile } from './bank-files.js';
import { readSnapshot, writeSnapshot } from './bank-snapshot.js';
import { ParsePool, type ParsePoolOptions, sharedParsePool } from './parse-pool.js';

export interface DiskBankResult extends BankLoadResult {
  missing: string[];
}

export interface DiskLoadOptions {
  /** Paths are resolved against it and shown relative to it. Default: the process's. */
  cwd?: string;
  /** Folder of the parse cache (see bankCacheDir); none when omitted. */
  cacheDir?: string | null;
  /** The per-file time budget and heap cap of the parsing worker. */
  parser?: ParsePoolOptions;
}

/** Files read ahead of the parser: enough to keep it busy, few enough that their bytes stay small. */
const READ_AHEAD = 4;

/**
 * Reads the given files/folders and loads them as one bank. Files are parsed in a worker thread, so
 * the event loop stays free while a large or hostile bank loads; a file the cache already holds (same
 * bytes, same loader) is not parsed at all. Results join the bank in file order, as a serial load would.
 */
export async function loadBankFromDisk(paths: string[], options: DiskLoadOptions = {}): Promise<DiskBankResult> {
  const found = await findBankFiles(paths, options.cwd);
  const builder = new BankBuilder({ fresh: true });
  for (const warning of found.warnings) builder.addWarning(warning);
  const cache = options.cacheDir ? await ParseCache.open(options.cacheDir) : null;
  const files = found.files.map((f) => f.shown);
  if (cache) {
    const snapshot = await readBankSnapshot(cache, found.files);
    if (snapshot) {
      await cache.prune();
      return { questions: snapshot.questions, warnings: [...found.warnings, ...snapshot.warnings], files, missing: found.missing };
    }
  }
  // The content key of each file as parsed; a file that could not be read or parsed leaves a hole.
  const keys: (string | undefined)[] = [];
  let pool: { pool: ParsePool; release: () => void } | null = null;
  const parseOne = async (index: number): Promise<ParsedFile | string> => {
    const file = found.files[index];
    if (!file) return 'no such file';
    const read = await readBankFile(file);
    if (!('bytes' in read)) return read.message;
    const key = cache ? ParseCache.key(read.bytes) : null;
    const cached = cache && key ? await cache.get(key, read.path) : null;
    if (cached) {
      keys[index] = key ?? undefined;
      return cached;
    }
    // Started on the first miss: a restart served from the cache never pays for a worker.
    pool ??= options.parser ? ownPool(new ParsePool(options.parser)) : sharedParsePool();
    try {
      const parsed = await pool.pool.parse(read);
      if (cache && key) await cache.put(key, parsed);
      keys[index] = key ?? undefined;
      return parsed;
    } catch (err) {
      return `unparsed: ${err instanceof Error ? err.message : String(err)}`;
    }
  };
  try {
    const inFlight: Promise<ParsedFile | string>[] = [];
    for (let i = 0; i < Math.min(READ_AHEAD, found.files.length); i++) inFlight.push(parseOne(i));
    for (let i = 0; i < found.files.length; i++) {
      const outcome = await inFlight[i]!;
      delete inFlight[i];
      if (i + READ_AHEAD < found.files.length) inFlight[i + READ_AHEAD] = parseOne(i + READ_AHEAD);
      const shown = found.files[i]!.shown;
      if (typeof outcome !== 'string') builder.addParsed(shown, outcome);
      else if (outcome.startsWith('unparsed: ')) builder.addUnreadable(shown, outcome.slice('unparsed: '.length));
      else builder.addWarning({ file: shown, line: 1, message: outcome });
    }
  } finally {
    (pool as { release: () => void } | null)?.release();
  }
  const result = builder.result();
  if (cache) {
    const complete = found.files.map((f, i) => ({ shown: f.shown, key: keys[i] }));
    // Only a bank whose every file parsed is kept whole: a file skipped for time may parse next start.
    if (complete.every((f): f is { shown: string; key: string } => f.key !== undefined)) {
      await writeSnapshot(cache.snapshotPath(cache.bankKey(complete)), cache.bankKey(complete), { questions: result.questions, warnings: result.warnings.slice(found.warnings.length) });
    }
    await cache.prune();
  }
  return { ...result, missing: found.missing };
}

/**
 * The whole bank as stored for exactly these files' bytes, or null. Costs a read and hash of every file,
 * which a miss repeats while parsing: small next to parsing, and a hit skips parsing and merging both.
 */
async function readBankSnapshot(cache: ParseCache, files: readonly { abs: string; shown: string }[]): Promise<{ questions: DiskBankResult['questions']; warnings: DiskBankResult['warnings'] } | null> {
  const keyed: { shown: string; key: string }[] = [];
  for (const file of files) {
    const read = await readBankFile(file);
    if (!('bytes' in read)) return null;
    keyed.push({ shown: file.shown, key: ParseCache.key(read.bytes) });
  }
  const key = cache.bankKey(keyed);
  const snapshot = await readSnapshot(cache.snapshotPath(key), key);
  // Each file's own entry stays: when one file changes, the others still skip parsing.
  if (snapshot) for (const f of keyed) cache.keep(f.key);
  return snapshot;
}

function ownPool(pool: ParsePool): { pool: ParsePool; release: () => void } {
  return { pool, release: () => void pool.close() };
}
