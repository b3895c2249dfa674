import { mergeQuestions, type SourcedQuestion } from './merge.js';
import { parseBankFile } from './parse/parse-file.js';
import type { BankFile, BankLoadResult, BankWarning } from './types.js';

/** Reads every file into one bank. A broken file yields warnings; the others still load. */
export function loadBank(files: Iterable<BankFile>): BankLoadResult {
  const found: SourcedQuestion[] = [];
  const warnings: BankWarning[] = [];
  const paths: string[] = [];
  for (const file of files) {
    paths.push(file.path);
    try {
      const parsed = parseBankFile(file);
      for (const q of parsed.questions) found.push({ ...q, file: file.path });
      warnings.push(...parsed.warnings);
    } catch (err) {
      // A parser bug must not take the whole bank down; it is reported with the file so it can be fixed.
      warnings.push({ file: file.path, line: 1, message: `could not be read (${err instanceof Error ? err.message : String(err)}); skipped` });
    }
  }
  return { questions: mergeQuestions(found), warnings, files: paths };
}
