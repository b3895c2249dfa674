import { unzipSync } from 'fflate';
import type { ParsedFile } from '../parse/parse-file.js';
import { readCollection } from './anki-collection.js';
import { MAX_COLLECTION_BYTES, MAX_PACKAGE_BYTES, mb, packageTooLarge } from './kinds.js';
import type { SqlJsStatic } from './sqlite.js';
import { TooLargeError, unzstdBounded } from './zstd.js';

/** Newest first: a current Anki writes `collection.anki21b` beside an `.anki2` that only says "please update". */
const COLLECTIONS = ['collection.anki21b', 'collection.anki21', 'collection.anki2'] as const;

/**
 * An Anki package (`.apkg`): a zip holding a SQLite collection (zstd-compressed in `.anki21b`), read
 * with fflate (zip), fzstd (zstd) and sql.js (SQLite). Anything wrong with the package itself (too big,
 * not a zip, a damaged zip, no collection, a collection that is not SQLite) is one warning for the file;
 * `sqlite` must be loaded first (see sqlite.ts).
 */
export function parseAnkiPackage(path: string, bytes: Uint8Array, sqlite: SqlJsStatic | null): ParsedFile {
  const fail = (why: string): ParsedFile => ({ questions: [], warnings: [{ file: path, line: 1, message: `${why}; skipped` }] });
  if (bytes.length > MAX_PACKAGE_BYTES) return fail(packageTooLarge(bytes.length));
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5))) return fail('is not an Anki package (an .apkg is a zip file, and this is not one)');
  const sizes = new Map<string, number>();
  let chosen: string | undefined;
  let collection: Uint8Array | undefined;
  try {
    // First the directory only (nothing inflated), to pick the newest collection and check its size.
    unzipSync(bytes, {
      filter: (f) => {
        sizes.set(f.name, f.originalSize);
        return false;
      },
    });
    chosen = COLLECTIONS.find((name) => sizes.has(name));
    if (!chosen) return fail(`is a zip without an Anki collection (${COLLECTIONS.join(', ')})`);
    const size = sizes.get(chosen) ?? 0;
    if (size > MAX_COLLECTION_BYTES) return fail(`holds a collection of ${mb(size)} MB, over the ${mb(MAX_COLLECTION_BYTES)} MB limit`);
    collection = unzipSync(bytes, { filter: (f) => f.name === chosen })[chosen];
  } catch (err) {
    return fail(`is a damaged zip (${message(err)})`);
  }
  if (!collection) return fail('is a damaged zip (its collection could not be unpacked)');
  if (chosen === 'collection.anki21b') {
    try {
      collection = unzstdBounded(collection, MAX_COLLECTION_BYTES);
    } catch (err) {
      if (err instanceof TooLargeError) return fail(`holds a collection over the ${mb(MAX_COLLECTION_BYTES)} MB limit (${err.message})`);
      return fail(`holds a compressed collection that cannot be unpacked (${message(err)}); in Anki, export it again with "Support older Anki versions" ticked`);
    }
  }
  if (!isSqlite(collection)) return fail(`holds a ${chosen} that is not an SQLite database`);
  if (!sqlite) return fail('could not be read (SQLite was not loaded before the package; this is a bug)');
  try {
    return readCollection(path, collection, sqlite);
  } catch (err) {
    return fail(`holds a collection SQLite cannot read (${message(err)})`);
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';

function isSqlite(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (bytes[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
