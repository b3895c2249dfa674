import { BankBuilder } from '../bank/load.js';
import type { BankLoadResult } from '../bank/types.js';
import { findBankFiles, readBankFile } from './bank-files.js';

export interface DiskBankResult extends BankLoadResult {
  missing: string[];
}

/**
 * Reads the given files/folders and loads them as one bank, one file at a time: only one file's bytes
 * and text are alive at once, which is what keeps a 100,000-question bank's memory near its result's.
 */
export async function loadBankFromDisk(paths: string[], cwd?: string): Promise<DiskBankResult> {
  const found = await findBankFiles(paths, cwd);
  const builder = new BankBuilder();
  for (const warning of found.warnings) builder.addWarning(warning);
  for (const file of found.files) {
    const read = await readBankFile(file);
    if ('bytes' in read) builder.add(read);
    else builder.addWarning(read);
  }
  return { ...builder.result(), missing: found.missing };
}
