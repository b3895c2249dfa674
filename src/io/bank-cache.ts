import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseStoreUrl } from '../store/store-url.js';
import type { PackedFile } from './parse-pool.js';

/**
 * Parsed bank files kept on disk, keyed by the SHA-256 of each file's bytes, so a restart with unchanged
 * files skips parsing. Entries live in a folder named after a fingerprint of the loader's own code (the
 * parser, extraction and merge-key sources and markdown-it's version): a new version never reads an old
 * version's entries, and removes them. An entry is the file's questions packed (see pack.ts) and its
 * warnings, behind a CRC-32 of the rest and the key it was written for; an entry that fails either
 * check, or does not unpack, is ignored and rewritten.
 *
 * Hashing every file on a restart costs a read of the whole bank (~250 ms for 59 MB), so the cache also
 * keeps a manifest: each file's size, modification and change times (in nanoseconds), inode and device
 * as they were just before its bytes were read and hashed. A file whose stat is unchanged takes its key
 * from the manifest without being read; any other is read and hashed. This is git's index check, with
 * its answer to the one hole: a write within the same timestamp tick as the recorded stat would leave
 * all of it unchanged, so a stat taken less than RACY_MS after the file's last change is not recorded,
 * and that file is hashed again next time. The change time counts too, because no program can set it:
 * a file copied over with its old modification time kept (`cp -p`, rsync) still shows up as changed.
 */

const FORMAT = 3;
const MAGIC = Buffer.from('RBK3');
const SUM = 4;
/** Coarser than any file system's timestamp tick (FAT: 2 s) plus a little clock skew. */
export const RACY_MS = 3_000;

export interface FileStamp {
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  ino: string;
  dev: string;
}

export class ParseCache {
  private readonly used = new Set<string>();
  private readonly stamps: Record<string, FileStamp & { key: string }>;
  private readonly nextStamps: Record<string, FileStamp & { key: string }> = {};

  private constructor(
    private readonly dir: string,
    stamps: Record<string, FileStamp & { key: string }>,
    private readonly racyNs: bigint,
  ) {
    this.stamps = stamps;
  }

  /** The cache in `root`, or null when the folder cannot be made (the bank then loads without one). */
  static async open(root: string, racyMs = RACY_MS): Promise<ParseCache | null> {
    try {
      const fingerprint = await loaderFingerprint();
      const dir = path.join(root, `v${FORMAT}-${fingerprint}`);
      await mkdir(dir, { recursive: true });
      return new ParseCache(dir, await readManifest(path.join(dir, MANIFEST)), BigInt(Math.round(racyMs)) * 1_000_000n);
    } catch {
      return null;
    }
  }

  /** `kind`: how the bytes are read (a file's extension decides: the same bytes as `.csv` and `.md` are two parses); none for Markdown. */
  static key(bytes: Uint8Array, kind = ''): string {
    const hash = createHash('sha256');
    if (kind !== '') hash.update(`${kind}\0`);
    return hash.update(bytes).digest('hex');
  }

  /** The stamp of a file right now, or null when it cannot be stat'ed (it is then read, which reports why). */
  stamp(abs: string): Promise<(FileStamp & { racy: boolean }) | null> {
    return fileStamp(abs, this.racyNs);
  }

  /** The content key the manifest holds for a file whose stamp is unchanged since it was hashed, else null. */
  knownKey(abs: string, stamp: FileStamp | null): string | null {
    const known = this.stamps[abs];
    return known && stamp && sameStamp(known, stamp) ? known.key : null;
  }

  /** Keeps the entry under `key` (not pruned by this load), for a file served without reading it from here. */
  keep(key: string): void {
    this.used.add(key);
  }

  /** Notes that `abs`, stamped before its bytes were read, has content `key` (a recent change is left out: see above). */
  record(abs: string, stamp: (FileStamp & { racy: boolean }) | null, key: string): void {
    if (!stamp || stamp.racy) return;
    const { racy: _, ...kept } = stamp;
    this.nextStamps[abs] = { ...kept, key };
  }

  /** The file's parse as cached, its warnings pointing at `shownPath`; null on a miss or a bad entry. */
  async get(key: string, shownPath: string): Promise<PackedFile | null> {
    this.used.add(key);
    const data = await readFile(this.entryPath(key)).catch(() => null);
    if (data === null || data.length < MAGIC.length + SUM + 4 || !data.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    const body = data.subarray(MAGIC.length + SUM);
    if (!checksum(body).equals(data.subarray(MAGIC.length, MAGIC.length + SUM))) return null;
    try {
      const headLength = body.readUInt32LE(0);
      const head: unknown = JSON.parse(body.subarray(4, 4 + headLength).toString('utf8'));
      if (!isHead(head) || head.key !== key) return null;
      let at = 4 + headLength;
      const take = (n: number): Uint8Array => {
        if (at + n > body.length) throw new Error('short entry');
        // A view, not a copy: unpacking copies the text into strings, and then the entry's buffer goes.
        const part = body.subarray(at, at + n);
        at += n;
        return part;
      };
      const one = take(head.one);
      const two = take(head.two);
      // Copied: an Int32Array needs 4-byte alignment, which a view into the entry need not have.
      const nums = new Int32Array(new Uint8Array(take(head.nums * 4)).buffer);
      if (at !== body.length) return null;
      return { packed: { one, two, nums }, warnings: head.warnings.map((w) => ({ file: shownPath, ...cachedWarning(w) })) };
    } catch {
      return null;
    }
  }

  /** Best effort: a cache that cannot be written only costs the next start its speed. */
  async put(key: string, parsed: PackedFile): Promise<void> {
    this.used.add(key);
    const { one, two, nums } = parsed.packed;
    const head = Buffer.from(JSON.stringify({ key, one: one.byteLength, two: two.byteLength, nums: nums.length, warnings: parsed.warnings.map(cachedWarning) }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length, 0);
    // Written in parts, not joined first: a joined copy of every pack on its way to disk was ~20 MB of
    // peak RSS in the first start of a 100,000-question bank (buffers live until a collection frees them).
    const body = [length, head, one, two, new Uint8Array(nums.buffer, nums.byteOffset, nums.byteLength)];
    await writeAside(this.entryPath(key), [MAGIC, checksum(body), ...body]);
  }

  /** Drops entries this load did not use (files since edited or removed) and other versions' folders; saves the manifest. */
  async prune(): Promise<void> {
    await writeAside(path.join(this.dir, MANIFEST), [Buffer.from(JSON.stringify(this.nextStamps))]);
    const root = path.dirname(this.dir);
    const own = path.basename(this.dir);
    for (const name of await readdir(root).catch(() => [])) {
      if (name !== own && /^v\d+-[0-9a-f]+$/.test(name)) await rm(path.join(root, name), { recursive: true, force: true }).catch(() => undefined);
    }
    for (const name of await readdir(this.dir).catch(() => [])) {
      if (name === MANIFEST) continue;
      const key = name.replace(/\.pack$/, '');
      if (!this.used.has(key)) await rm(path.join(this.dir, name), { force: true }).catch(() => undefined);
    }
  }

  private entryPath(key: string): string {
    return path.join(this.dir, `${key}.pack`);
  }
}

const MANIFEST = 'files.json';

/** A file's stamp right now (see above); `racy` when it changed less than `racyNs` ago. Null when it cannot be stat'ed. */
export async function fileStamp(abs: string, racyNs = BigInt(RACY_MS) * 1_000_000n): Promise<(FileStamp & { racy: boolean }) | null> {
  try {
    const now = BigInt(Date.now()) * 1_000_000n;
    const s = await stat(abs, { bigint: true });
    const last = s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs;
    return { size: String(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs), ino: String(s.ino), dev: String(s.dev), racy: last + racyNs > now };
  } catch {
    return null;
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino && a.dev === b.dev;
}

async function readManifest(file: string): Promise<Record<string, FileStamp & { key: string }>> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof value !== 'object' || value === null) return {};
    const out: Record<string, FileStamp & { key: string }> = {};
    for (const [abs, entry] of Object.entries(value)) {
      const e = entry as Partial<Record<keyof FileStamp | 'key', unknown>>;
      if ([e.size, e.mtimeNs, e.ctimeNs, e.ino, e.dev, e.key].every((v) => typeof v === 'string')) out[abs] = e as FileStamp & { key: string };
    }
    return out;
  } catch {
    return {};
  }
}

/** Written aside and renamed, so a crash mid-write leaves no half file under the real name. */
async function writeAside(file: string, parts: Uint8Array[]): Promise<void> {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temp, parts);
    await rename(temp, file);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
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

type CachedWarning = { line: number; message: string; skipped?: true };

/** A warning as an entry keeps it: without its file, which the reader supplies (a file can move unchanged). */
function cachedWarning(w: { line: number; message: string; skipped?: boolean }): CachedWarning {
  return { line: w.line, message: w.message, ...(w.skipped ? { skipped: true as const } : {}) };
}

function isHead(value: unknown): value is { key: string; one: number; two: number; nums: number; warnings: CachedWarning[] } {
  const h = value as { key?: unknown; one?: unknown; two?: unknown; nums?: unknown; warnings?: unknown } | null;
  return (
    typeof h === 'object' &&
    h !== null &&
    typeof h.key === 'string' &&
    [h.one, h.two, h.nums].every((n) => Number.isInteger(n) && (n as number) >= 0) &&
    Array.isArray(h.warnings) &&
    h.warnings.every((w: unknown) => typeof w === 'object' && w !== null && typeof (w as CachedWarning).line === 'number' && typeof (w as CachedWarning).message === 'string')
  );
}

/** The checksum of the body, given whole or in consecutive parts (the same either way). */
function checksum(body: Uint8Array | readonly Uint8Array[]): Buffer {
  const parts = body instanceof Uint8Array ? [body] : body;
  // Guards against torn or damaged files, not against an attacker who can write the store's folder anyway,
  // so CRC-32 (several times cheaper than SHA-256 over a restart's ~80 MB of entries) is enough.
  // zlib.crc32 came in Node 20.15; before it, the first bytes of a SHA-256 (an entry written by the other
  // kind then reads as damaged and is rewritten, once).
  if (typeof zlib.crc32 !== 'function') {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    return hash.digest().subarray(0, SUM);
  }
  let crc = 0;
  // Empty parts are skipped: on Node 20, zlib.crc32 of an array over a zero-length ArrayBuffer returns 0, not the crc so far.
  for (const part of parts) if (part.byteLength > 0) crc = zlib.crc32(part, crc);
  const sum = Buffer.alloc(SUM);
  sum.writeUInt32LE(crc, 0);
  return sum;
}

let fingerprint: Promise<string> | null = null;

/** A hash of the code that turns a file's bytes into its parse: when it changes, old entries are stale. */
function loaderFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const bank = fileURLToPath(new URL('../bank/', import.meta.url));
    const hash = createHash('sha256');
    const sources = async (dir: string, match: (name: string) => boolean): Promise<string[]> =>
      (await readdir(dir).catch(() => [] as string[]))
        .filter(match)
        .sort()
        .map((name) => path.join(dir, name));
    const code = (name: string): boolean => /\.(ts|js)$/.test(name) && !name.endsWith('.d.ts');
    const files = [
      // ids too: an entry holds each question's merge key.
      ...(await sources(bank, (n) => code(n) && /^(markdown|types|ids)/.test(n))),
      ...(await sources(path.join(bank, 'parse'), code)),
      ...(await sources(path.join(bank, 'text'), code)),
      // CSV, Anki text and package importers (src/bank/import) turn bytes into a parse too.
      ...(await sources(path.join(bank, 'import'), code)),
    ];
    for (const file of files) hash.update(file.slice(bank.length)).update(await readFile(file));
    hash.update(await readFile(createRequire(import.meta.url).resolve('markdown-it/package.json')).catch(() => ''));
    // And the pack format: its numbers are written in this machine's byte order.
    hash.update(await readFile(fileURLToPath(new URL(`./pack${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url))).catch(() => '')).update(os.endianness());
    return hash.digest('hex').slice(0, 16);
  })();
  return fingerprint;
}
