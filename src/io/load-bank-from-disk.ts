import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileKind } from '../bank/import/kinds.js';
import { BankBuilder } from '../bank/builder.js';
import type { ParsedFile } from '../bank/parse/parse-file.js';
import type { BankLoadResult, BankWarning } from '../bank/types.js';
import { type FileStamp, ParseCache, RACY_MS, fileStamp, sameStamp } from './bank-cache.js';
import type { LastLoad, RememberedFile } from './last-load.js';
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
  /**
   * Given by a caller that loads the same bank again and again (the bot's reloads): what this load
   * read, kept for the next one, which adopts unchanged files' questions from it (see LastLoad).
   */
  lastLoad?: LastLoad;
}

/** Files read ahead of the parser: enough to keep it busy, few enough that their bytes stay small. */
const READ_AHEAD = 4;

/**
 * Reads the given files/folders and loads them as one bank. Files are parsed in a worker thread, so
 * the event loop stays free while a large or hostile bank loads; a file the cache already holds (same
 * bytes, same loader) is not parsed at all, and one whose size and times are unchanged since it was
 * last hashed is not even read (see ParseCache). Results join the bank in file order, as a serial load
 * would, each file merged in a turn of its own. With `lastLoad`, an unchanged file's questions are the
 * very objects the last load made (nothing read, unpacked or merged for it).
 */
export async function loadBankFromDisk(paths: string[], options: DiskLoadOptions = {}): Promise<DiskBankResult> {
  const found = await findBankFiles(paths, options.cwd);
  const builder = new BankBuilder({ fresh: true });
  for (const warning of found.warnings) builder.addWarning(warning);
  const cache = options.cacheDir ? await ParseCache.open(options.cacheDir, options.racyMs) : null;
  const last = options.lastLoad ?? null;
  const racyNs = BigInt(Math.round(options.racyMs ?? RACY_MS)) * 1_000_000n;
  let pool: { pool: ParsePool; release: () => void } | null = null;
  const fromCache = async (key: string, shown: string): Promise<ParsedFile | null> => {
    const entry = cache ? await cache.get(key, shown) : null;
    return entry ? unpacked(entry) : null;
  };
  /** `adoptable`: the last load's questions of an unchanged file may be taken as they are. */
  const parseOne = async (index: number, adoptable: boolean): Promise<Outcome> => {
    const file = found.files[index];
    if (!file) return { failed: 'no such file' };
    // Stamped before reading: a write after this point shows in the next load's stamp.
    const stamp = cache || last ? await fileStamp(file.abs, racyNs) : null;
    const remembered = adoptable ? last?.get(file.abs, file.shown) : undefined;
    const reuse = (r: RememberedFile): Outcome => {
      cache?.keep(r.key);
      cache?.record(file.abs, stamp, r.key);
      return { reused: r, stamp };
    };
    if (remembered?.stamp && stamp && sameStamp(remembered.stamp, stamp)) return reuse(remembered);
    const known = cache?.knownKey(file.abs, stamp);
    if (known && remembered?.key === known) return reuse(remembered);
    const served = known ? await fromCache(known, file.shown) : null;
    if (served && known) {
      cache?.record(file.abs, stamp, known);
      return { parsed: served, key: known, stamp };
    }
    const read = await readBankFile(file);
    if (!('bytes' in read)) return { failed: read.message };
    const kind = fileKind(read.path);
    const key = cache || last ? ParseCache.key(read.bytes, kind === 'markdown' ? '' : kind) : null;
    if (key && remembered?.key === key) return reuse(remembered);
    const cached = cache && key ? await fromCache(key, read.path) : null;
    if (cached && key) {
      cache?.record(file.abs, stamp, key);
      return { parsed: cached, key, stamp };
    }
    // Started on the first miss: a restart served from the cache never pays for a worker.
    pool ??= options.parser ? ownPool(new ParsePool(options.parser)) : sharedParsePool();
    try {
      const parsed = await pool.pool.parse(read);
      if (cache && key) {
        await cache.put(key, parsed);
        cache.record(file.abs, stamp, key);
      }
      const questions = unpacked(parsed);
      return questions ? { parsed: questions, key, stamp } : { failed: 'the parser sent back something unreadable', unparsed: true };
    } catch (err) {
      return { failed: err instanceof Error ? err.message : String(err), unparsed: true };
    }
  };
  /** Per file read this time, what the next load may adopt (see LastLoad); the builder says which questions once it is done. */
  const made: { abs: string; shown: string; key: string; stamp: Stamp; warnings: readonly BankWarning[]; n: number }[] = [];
  try {
    const inFlight: Promise<Outcome>[] = [];
    for (let i = 0; i < Math.min(READ_AHEAD, found.files.length); i++) inFlight.push(parseOne(i, true));
    for (let i = 0; i < found.files.length; i++) {
      let outcome = await inFlight[i]!;
      delete inFlight[i];
      if (i + READ_AHEAD < found.files.length) inFlight[i + READ_AHEAD] = parseOne(i + READ_AHEAD, true);
      const { abs, shown } = found.files[i]!;
      if ('reused' in outcome) {
        const { reused } = outcome;
        const n = builder.adopt(shown, reused.questions, reused.warnings);
        // Refused when another file now has one of its questions: merged from its parse instead.
        if (n === null) outcome = await parseOne(i, false);
        else made.push({ abs, shown, key: reused.key, stamp: outcome.stamp ?? reused.stamp, warnings: reused.warnings, n });
      }
      if ('parsed' in outcome) {
        const n = builder.addParsed(shown, outcome.parsed);
        if (last && outcome.key) made.push({ abs, shown, key: outcome.key, stamp: outcome.stamp, warnings: outcome.parsed.warnings, n });
      } else if ('failed' in outcome) {
        if (outcome.unparsed) builder.addUnreadable(shown, outcome.failed);
        else builder.addWarning({ file: shown, line: 1, message: outcome.failed });
      }
      // A turn between files even when every one comes from the cache, so merging never holds the loop long.
      await nextTurn();
    }
  } finally {
    (pool as { release: () => void } | null)?.release();
  }
  const result = builder.result();
  if (last) {
    const files = new Map<string, RememberedFile>();
    for (const m of made) {
      const questions = builder.madeOnlyBy(m.n);
      const stamp = m.stamp && !('racy' in m.stamp && m.stamp.racy) ? plainStamp(m.stamp) : null;
      if (questions) files.set(m.abs, { shown: m.shown, stamp, key: m.key, questions, warnings: m.warnings });
    }
    last.replace(files);
  }
  if (cache) await cache.prune();
  return { ...result, missing: found.missing };
}

type Stamp = (FileStamp & { racy?: boolean }) | null;

/** How one file came out: parsed (from the cache or the worker), adoptable from the last load, or not read. */
type Outcome = { parsed: ParsedFile; key: string | null; stamp: Stamp } | { reused: RememberedFile; stamp: Stamp } | { failed: string; unparsed?: true };

function plainStamp(stamp: FileStamp): FileStamp {
  return { size: stamp.size, mtimeNs: stamp.mtimeNs, ctimeNs: stamp.ctimeNs, ino: stamp.ino, dev: stamp.dev };
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
