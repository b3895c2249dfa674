import { QuestionMerger } from './merge.js';
import type { ParsedFile } from './parse/parse-file.js';
import type { BankLoadResult, BankWarning } from './types.js';

/**
 * Builds a bank one file at a time, so a caller reading from disk holds one file's bytes and text at
 * once rather than the whole bank's. A broken file yields warnings; the others still load. It parses
 * nothing itself (see loadBank, or the disk loader's worker), so the process holding the bank does not
 * load the Markdown parser and the CSV, HTML, zip and SQLite importers just to merge.
 */
export class BankBuilder {
  private readonly merger: QuestionMerger;
  private readonly warnings: BankWarning[] = [];
  private readonly files: string[] = [];

  /** `fresh`: parses added come from a worker or the cache, whose strings need no copy (see QuestionMerger). */
  constructor(options: { fresh?: boolean } = {}) {
    this.merger = new QuestionMerger(options);
  }

  /** A file parsed elsewhere (a worker, the parse cache). */
  addParsed(path: string, parsed: ParsedFile): void {
    this.files.push(path);
    // Merged now, one file per turn: a large bank's merge never holds the event loop in one piece.
    for (const q of parsed.questions) this.merger.addFrom(path, q);
    this.warnings.push(...parsed.warnings);
  }

  /** A parser bug, or a file past its time budget, must not take the whole bank down; it is reported with the file. */
  addUnreadable(path: string, reason: string): void {
    this.files.push(path);
    this.warnings.push({ file: path, line: 1, message: `could not be read (${reason}); skipped` });
  }

  addWarning(warning: BankWarning): void {
    this.warnings.push(warning);
  }

  result(): BankLoadResult {
    const warnings = [...this.warnings];
    return { questions: this.merger.finish(warnings), warnings, files: this.files };
  }
}
