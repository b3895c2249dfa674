import { type Stats, mkdirSync, statSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { StoreError, errorMessage } from './store-error.js';

/** Every SQLite database file starts with these 16 bytes (https://sqlite.org/fileformat.html). */
const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

const KEEP_IT = 'Recall will not start a new store over it';
const WHAT_TO_DO = 'restore a backup to that path, or move the file away to start with an empty store';

/**
 * Checks the path before SQLite opens it, reading at most the 100-byte header and two stats, so the
 * cost does not grow with the file. SQLite would open any file and only fail on the first read, with a
 * bare "file is not a database" or "disk image is malformed"; this says which file, what is wrong with
 * it and what to do, and nothing here can write to it. A missing file in a missing folder is a first
 * run: the folders are made, as `./data/` is for the default path.
 */
export async function probeSqliteFile(file: string): Promise<'existing' | 'new'> {
  const stats = statOrUndefined(file);
  if (stats === undefined) {
    makeParentFolders(file);
    return 'new';
  }
  if (stats.isDirectory()) {
    throw refuse(`SQLite store path ${file} is a folder, not a file: point STORE_URL at a file (for example ${file}/recall.sqlite)`);
  }
  if (!stats.isFile()) throw refuse(`SQLite store path ${file} is not a regular file (a device, pipe or socket): point STORE_URL at a file`);
  // A zero-byte file is what SQLite itself leaves before the first write: an empty database, nothing to lose.
  if (stats.size === 0) return 'existing';

  const header = await readHeader(file);
  if (!startsWithMagic(header)) {
    if (isMagicPrefix(header)) throw refuse(`SQLite store file ${file} is a SQLite database cut short (${stats.size} bytes, not even its header); ${KEEP_IT}: ${WHAT_TO_DO}`);
    const kind = looksLikeText(header) ? 'it looks like a text file' : 'corrupt, or another kind of file';
    throw refuse(`SQLite store file ${file} is not a SQLite database (${kind}); ${KEEP_IT}: ${WHAT_TO_DO}`);
  }
  if (header.length < HEADER_BYTES) {
    throw refuse(`SQLite store file ${file} is a SQLite database cut short (${stats.size} bytes, not even its header); ${KEEP_IT}: ${WHAT_TO_DO}`);
  }
  const expected = declaredBytes(header);
  // Pages still in the write-ahead log are the newest ones; the main file can lag behind its header until a checkpoint.
  if (expected !== undefined && stats.size < expected && !hasWriteAheadLog(file)) {
    throw refuse(`SQLite store file ${file} is a SQLite database cut short (${stats.size} of ${expected} bytes); ${KEEP_IT}: ${WHAT_TO_DO}`);
  }
  return 'existing';
}

/** What SQLite reports on a file it cannot read as a database, turned into the same advice. */
export function corruptDatabase(file: string, detail: string, cause: unknown): StoreError {
  return refuse(`SQLite store file ${file} is a corrupt SQLite database (${detail}); ${KEEP_IT}: ${WHAT_TO_DO}`, cause);
}

/** A database whose tables are all someone else's: adding Recall's tables to it would hide the mistake. */
export function foreignDatabase(file: string, tables: readonly string[]): StoreError {
  const shown = tables.length > 5 ? `${tables.slice(0, 5).join(', ')}, …` : tables.join(', ');
  return refuse(
    `SQLite store file ${file} is a SQLite database of something else (tables: ${shown}), not Recall's; Recall will not add its tables to it: point STORE_URL at another file`,
  );
}

function refuse(message: string, cause?: unknown): StoreError {
  return new StoreError('UNREADABLE_FILE', message, cause === undefined ? undefined : { cause });
}

function statOrUndefined(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    // ENOTDIR: a parent on the path is a file; makeParentFolders names which one.
    if (codeOf(error) === 'ENOTDIR') {
      makeParentFolders(file);
      return undefined;
    }
    throw refuse(`SQLite store file ${file} cannot be read (${errorMessage(error)}): let the user running Recall read and write it`, error);
  }
}

function makeParentFolders(file: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (error) {
    const blocker = fileOnPath(dirname(file));
    if (blocker !== undefined) {
      throw refuse(`SQLite store file ${file} cannot be created: ${blocker} is a file, not a folder; point STORE_URL somewhere else`, error);
    }
    throw refuse(`SQLite store file ${file} cannot be created: folder ${dirname(file)} cannot be made or written (${errorMessage(error)})`, error);
  }
}

/** The nearest existing ancestor, when it is something other than a folder. */
function fileOnPath(folder: string): string | undefined {
  for (let at = folder; ; at = dirname(at)) {
    const stats = statOrNothing(at);
    if (stats !== undefined) return stats.isDirectory() ? undefined : at;
    if (dirname(at) === at) return undefined;
  }
}

function statOrNothing(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

async function readHeader(file: string): Promise<Buffer> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw refuse(`SQLite store file ${file} cannot be read (${errorMessage(error)}): let the user running Recall read and write it`, error);
  }
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function startsWithMagic(header: Buffer): boolean {
  return header.length >= MAGIC.length && header.subarray(0, MAGIC.length).equals(MAGIC);
}

function isMagicPrefix(header: Buffer): boolean {
  return header.length < MAGIC.length && MAGIC.subarray(0, header.length).equals(header);
}

/**
 * Page size × page count from the header, when the header vouches for the count: SQLite only trusts
 * it while the change counter (offset 24) equals the version-valid-for number (offset 92).
 */
function declaredBytes(header: Buffer): number | undefined {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const valid = pages > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  if (!valid || pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return undefined;
  return pageSize * pages;
}

function hasWriteAheadLog(file: string): boolean {
  return (statOrNothing(`${file}-wal`)?.size ?? 0) > 0;
}

/** Printable ASCII, tabs and line breaks, or UTF-8 beyond ASCII: enough to tell someone it is text. */
function looksLikeText(bytes: Buffer): boolean {
  return bytes.every((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b !== 127));
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
