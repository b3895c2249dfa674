import { BankBuilder } from './builder.js';
import { parseAnyBankFile, sqliteIfLoaded } from './import/index.js';
import type { ParsedFile } from './parse/parse-file.js';
import type { BankFile, BankLoadResult } from './types.js';

export { BankBuilder } from './builder.js';

/** Reads every file into one bank, parsing in this thread (tests, tools; the bot loads with loadBankFromDisk). */
export function loadBank(files: Iterable<BankFile>): BankLoadResult {
  const builder = new BankBuilder();
  for (const file of files) {
    let parsed: ParsedFile;
    try {
      // Anki packages need SQLite loaded in this thread first (loadSqlite).
      parsed = parseAnyBankFile(file, sqliteIfLoaded());
    } catch (err) {
      // A parser bug must not take the whole bank down; it is reported with the file.
      builder.addUnreadable(file.path, err instanceof Error ? err.message : String(err));
      continue;
    }
    builder.addParsed(file.path, parsed);
  }
  return builder.result();
}
