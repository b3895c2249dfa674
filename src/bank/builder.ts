import { QuestionMerger } from './merge.js';
import type { ParsedFile } from './parse/parse-file.js';
import type { BankLoadResult, BankWarning, Question } from './types.js';

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
  /** Per file added, in order: the places of the questions it made, and whether it merged into another file's. */
  private readonly made: { path: string; from: number; to: number; mergedAway: boolean }[] = [];

  /** `fresh`: parses added come from a worker or the cache, whose strings need no copy (see QuestionMerger). */
  constructor(options: { fresh?: boolean } = {}) {
    this.merger = new QuestionMerger(options);
  }

  /** A file parsed elsewhere (a worker, the parse cache). Returns the file's number in this build (see madeOnlyBy). */
  addParsed(path: string, parsed: ParsedFile): number {
    this.files.push(path);
    const from = this.merger.size;
    let mergedAway = false;
    // Merged now, one file per turn: a large bank's merge never holds the event loop in one piece.
    for (const q of parsed.questions) if (this.merger.addFrom(path, q) < from) mergedAway = true;
    this.warnings.push(...parsed.warnings);
    return this.made.push({ path, from, to: this.merger.size, mergedAway }) - 1;
  }

  /**
   * A file whose questions an earlier build made alone (see madeOnlyBy) and whose bytes are unchanged:
   * its questions are taken as they are, no new objects. Null when one of them is already in this build
   * (another file now has it too): nothing is taken, and the caller adds the file's parse instead.
   */
  adopt(path: string, questions: readonly Question[], warnings: readonly BankWarning[]): number | null {
    const from = this.merger.size;
    if (!this.merger.adopt(questions)) return null;
    this.files.push(path);
    this.warnings.push(...warnings);
    return this.made.push({ path, from, to: this.merger.size, mergedAway: false }) - 1;
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

  /**
   * After result(): the questions file `n` made, when nothing but that file had a part in them (no other
   * file shares one, no explicit id), so a later build of the same bytes may adopt them; else null.
   */
  madeOnlyBy(n: number): Question[] | null {
    const file = this.made[n];
    if (!file || file.mergedAway) return null;
    const out: Question[] = [];
    for (let place = file.from; place < file.to; place++) {
      const q = this.merger.madeOnlyBy(place, file.path);
      if (!q) return null;
      out.push(q);
    }
    return out;
  }
}
