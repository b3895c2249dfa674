/**
 * Which importer reads a file, and the size limits, kept apart from the importers themselves so the disk
 * walker can ask without loading a CSV, HTML, zip or SQLite library.
 */

/** Extensions the loader reads besides Markdown and text (`.md`, `.markdown`, `.txt`). */
export const IMPORT_EXTENSIONS = ['.csv', '.tsv', '.apkg'] as const;

export type FileKind = 'markdown' | 'csv' | 'tsv' | 'anki-package';

export function fileKind(path: string): FileKind {
  const ext = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.tsv') return 'tsv';
  if (ext === '.apkg') return 'anki-package';
  return 'markdown';
}

/**
 * Whether reading this file needs an importer (index.ts) rather than the Markdown parser alone: the
 * parse worker loads the importers, and their CSV, HTML, zip and SQLite libraries, only for such a file.
 */
export function needsImporters(path: string, bytes: Uint8Array): boolean {
  return fileKind(path) !== 'markdown' || startsLikeAnkiText(bytes);
}

/** A cheap look at the first bytes, so Markdown files (nearly all) are decoded once, by parseBankFile. */
export function startsLikeAnkiText(bytes: Uint8Array): boolean {
  let at = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return true; // UTF-16: decode to see
  return bytes[at++] === 0x23 && bytes[at] !== 0x20 && bytes[at] !== 0x23; // `#` not followed by a space or `#`
}

/** Whether reading this file needs SQLite loaded first (loadSqlite). */
export function needsSqlite(path: string): boolean {
  return fileKind(path) === 'anki-package';
}

/** Larger packages are refused before anything is unpacked: the rest is media, which cannot come along anyway. */
export const MAX_PACKAGE_BYTES = 64 * 1024 * 1024;
/** An unpacked collection is copied whole into SQLite's (WebAssembly) memory. */
export const MAX_COLLECTION_BYTES = 128 * 1024 * 1024;

/** Also said by the disk reader, which checks the size before reading such a file at all. */
export function packageTooLarge(bytes: number): string {
  return `is an Anki package of ${mb(bytes)} MB, over the ${mb(MAX_PACKAGE_BYTES)} MB limit (export it again without "Include media")`;
}

export function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
