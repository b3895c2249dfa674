import { BankBuilder } from '../bank/load.js';
import type { ParsedFile } from '../bank/parse/parse-file.js';
import type { BankLoadResult } from '../bank/types.js';
import { ParseCache } from './bank-cache.js';
import { findBankFiles, readBankFile } from './bank-files.js';
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
  let pool: { pool: ParsePool; release: () => void } | null = null;
  const parseOne = async (index: number): Promise<ParsedFile | string> => {
    const file = found.files[index];
    if (!file) return 'no such file';
    const read = await readBankFile(file);
    if (!('bytes' in read)) return read.message;
    const key = cache ? ParseCache.key(read.bytes) : null;
    const cached = cache && key ? await cache.get(key, read.path) : null;
    if (cached) return cached;
    // Started on the first miss: a restart served from the cache never pays for a worker.
    pool ??= options.parser ? ownPool(new ParsePool(options.parser)) : sharedParsePool();
    try {
      const parsed = await pool.pool.parse(read);
      if (cache && key) await cache.put(key, parsed);
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
  await cache?.prune();
  return { ...builder.result(), missing: found.missing };
}

function ownPool(pool: ParsePool): { pool: ParsePool; release: () => void } {
  return { pool, release: () => void pool.close() };
}
