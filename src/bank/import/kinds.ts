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
