import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileKind } from '../bank/import/kinds.js';
import { BankBuilder } from '../bank/builder.js';
import type { ParsedFile } from '../bank/parse/parse-file.js';
import type { BankLoadResult } from '../bank/types.js';
import { ParseCache } from './bank-cache.js';
import { findBankFiles, readBankFile } from './bank-files.js';
import { PackError, unpackQuestions } from './pack.js';
import { type PackedFile, ParsePool, type ParsePoolOptions, sharedParsePool } from './parse-pool.js';

export interface DiskBankResult extends BankLoadResult {
  missing: string[];
}

export interface DiskLoadOptions {
  /** Paths are resolved against it and shown relative to it. Default: the process's. */
  cwd?: string;
  /** Folder of the parse cache (see bankCacheDir); none when omitted. */
  cacheDir?: string | null;
  /** How recent a file's last change may be for its stamp to be trusted next time (see ParseCache); for tests. */
  racyMs?: number;
  /** The per-file time budget and heap cap of the parsing worker. */
  parser?: ParsePoolOptions;
}

/** Files read ahead of the parser: enough to keep it busy, few enough that their bytes stay small. */
const READ_AHEAD = 4;

/**
 * Reads the given files/folders and loads them as one bank. Files are parsed in a worker thread, so
 * the event loop stays free while a large or hostile bank loads; a file the cache already holds (same
 * bytes, same loader) is not parsed at all, and one whose size and times are unchanged since it was
 * last hashed is not even read (see ParseCache). Results join the bank in file order, as a serial load
 * would, each file merged in a turn of its own.
 */
export async function loadBankFromDisk(paths: string[], options: DiskLoadOptions = {}): Promise<DiskBankResult> {
  const found = await findBankFiles(paths, options.cwd);
  const builder = new BankBuilder({ fresh: true });
  for (const warning of found.warnings) builder.addWarning(warning);
  const cache = options.cacheDir ? await ParseCache.open(options.cacheDir, options.racyMs) : null;
  let pool: { pool: ParsePool; release: () => void } | null = null;
  const fromCache = async (key: string, shown: string): Promise<ParsedFile | null> => {
    const entry = cache ? await cache.get(key, shown) : null;
    return entry ? unpacked(entry) : null;
  };
  const parseOne = async (index: number): Promise<ParsedFile | string> => {
    const file = found.files[index];
    if (!file) return 'no such file';
    // Stamped before reading: a write after this point shows in the next load's stamp.
    const stamp = cache ? await cache.stamp(file.abs) : null;
    const known = cache?.knownKey(file.abs, stamp);
    const served = known ? await fromCache(known, file.shown) : null;
    if (served && known) {
      cache?.record(file.abs, stamp, known);
      return served;
    }
    const read = await readBankFile(file);
    if (!('bytes' in read)) return read.message;
    const kind = fileKind(read.path);
    const key = cache ? ParseCache.key(read.bytes, kind === 'markdown' ? '' : kind) : null;
    const cached = key ? await fromCache(key, read.path) : null;
    if (cached && key) {
      cache?.record(file.abs, stamp, key);
      return cached;
    }
    // Started on the first miss: a restart served from the cache never pays for a worker.
    pool ??= options.parser ? ownPool(new ParsePool(options.parser)) : sharedParsePool();
    try {
      const parsed = await pool.pool.parse(read);
      if (cache && key) {
        await cache.put(key, parsed);
        cache.record(file.abs, stamp, key);
      }
      return unpacked(parsed) ?? 'unparsed: the parser sent back something unreadable';
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
      // A turn between files even when every one comes from the cache, so merging never holds the loop long.
      await nextTurn();
    }
  } finally {
    (pool as { release: () => void } | null)?.release();
  }
  const result = builder.result();
  if (cache) await cache.prune();
  return { ...result, missing: found.missing };
}

/** A packed parse as questions with their merge keys, or null when its numbers do not describe any. */
function unpacked(file: PackedFile): ParsedFile | null {
  try {
    return { questions: unpackQuestions(file.packed), warnings: file.warnings };
  } catch (err) {
    if (err instanceof PackError) return null;
    throw err;
  }
}

function ownPool(pool: ParsePool): { pool: ParsePool; release: () => void } {
  return { pool, release: () => void pool.close() };
}
