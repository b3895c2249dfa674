import { realpathSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { StoreError } from './store-error.js';

/** Kernel filesystems: their files are not storage, and reading some of them blocks forever (/proc/kmsg). */
const KERNEL_FILESYSTEMS = ['/proc', '/sys'];

/**
 * Refuses a SQLite path inside /proc or /sys before anything reads it, naming the path. The path is
 * followed through symlinks as far as it exists, since /dev/stdin and /dev/fd lead into /proc.
 */
export function refuseKernelFilesystemPath(path: string): void {
  const absolute = resolve(path);
  for (const candidate of [absolute, realPathOfNearest(absolute)]) {
    const root = KERNEL_FILESYSTEMS.find((dir) => candidate === dir || candidate.startsWith(`${dir}${sep}`));
    if (root !== undefined) {
      throw new StoreError(
        'UNSUPPORTED_URL',
        `STORE_URL points at ${absolute}, inside ${root}, a kernel filesystem that cannot hold a store: point it at a file on disk (for example ./data/recall.sqlite)`,
      );
    }
  }
}

/** The real path of the path itself or of its nearest existing ancestor, with the rest appended. */
function realPathOfNearest(absolute: string): string {
  let existing = absolute;
  const tail: string[] = [];
  for (;;) {
    try {
      return resolve(realpathSync(existing), ...tail);
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return absolute;
      tail.unshift(basename(existing));
      existing = parent;
    }
  }
}
