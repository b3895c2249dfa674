import type { BankWarning, Question } from '../bank/types.js';
import type { FileStamp } from './bank-cache.js';

/** One file as the last load left it. */
export interface RememberedFile {
  shown: string;
  /** Its stamp just before it was read, when that was not too recent to trust (see ParseCache); else null. */
  stamp: FileStamp | null;
  /** The key of its bytes (ParseCache.key). */
  key: string;
  /** The questions it made, which nothing else had a part in (see BankBuilder.madeOnlyBy). */
  questions: readonly Question[];
  warnings: readonly BankWarning[];
}

/**
 * What one load leaves for the next in the same process (the bot's `bank reload`): per file, the key of
 * its bytes and the questions only it made. The next load adopts an unchanged file's questions as they
 * are, instead of reading its parse from the cache and merging it again: for 100,000 questions that
 * was a new object for every question on every reload, and allocating and collecting them held the
 * event loop 60–170 ms at a time. Nothing ever changes a question once a load is done (the merger
 * copies one before merging into it), so sharing them between two loads is safe.
 */
export class LastLoad {
  private files = new Map<string, RememberedFile>();

  /** The file at `abs` as the last load read it, if it was shown under the same path. */
  get(abs: string, shown: string): RememberedFile | undefined {
    const file = this.files.get(abs);
    return file?.shown === shown ? file : undefined;
  }

  /** Swapped in whole when a load is done: a load that fails leaves the last one's files. */
  replace(files: Map<string, RememberedFile>): void {
    this.files = files;
  }

  get size(): number {
    return this.files.size;
  }
}
