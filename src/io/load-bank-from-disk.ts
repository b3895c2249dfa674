import { loadBank } from '../bank/load.js';
import type { BankLoadResult } from '../bank/types.js';
import { readBankFiles } from './bank-files.js';

export interface DiskBankResult extends BankLoadResult {
  missing: string[];
}

/** Reads the given files/folders and loads them as one bank. */
export async function loadBankFromDisk(paths: string[], cwd?: string): Promise<DiskBankResult> {
  const read = await readBankFiles(paths, cwd);
  const loaded = loadBank(read.files);
  return { ...loaded, warnings: [...read.warnings, ...loaded.warnings], missing: read.missing };
}
