import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createBankService } from '../core/bank-service.js';
import { exportOverlay } from '../core/bank-overlay/export.js';
import { loadBankFromDisk } from '../io/load-bank-from-disk.js';
import { createStore } from '../store/create-store.js';

export const EXPORT_USAGE = `  npm run -s bank -- export <folder> [--bank <folder>] [--store <url>]
                                                          write approved suggestions and edits kept in the store
                                                          as canonical Markdown (suggested.md, edited.md) with Id: lines`;

/**
 * `bank export <folder>`: the store's bank overlay as files a team commits. Reads the store Recall uses
 * (STORE_URL, or --store) and the bank (QUESTIONS_DIR, or --bank) for the originals of edited questions;
 * writes nothing to the store.
 */
export async function exportCommand(args: string[]): Promise<number> {
  const flag = (name: string): string | undefined => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const taken = new Set(['--bank', '--store'].flatMap((f) => (args.indexOf(f) >= 0 ? [args.indexOf(f), args.indexOf(f) + 1] : [])));
  const [folder, ...extra] = args.filter((_arg, i) => !taken.has(i));
  if (!folder || folder.startsWith('--') || extra.length > 0) {
    process.stderr.write(`export needs one folder to write to.\n\nUsage:\n${EXPORT_USAGE}\n`);
    return 2;
  }
  const bankDir = flag('--bank') ?? process.env.QUESTIONS_DIR ?? 'questions';
  const storeUrl = flag('--store') ?? process.env.STORE_URL ?? './data/recall.sqlite';
  const loaded = await loadBankFromDisk([bankDir]);
  if (loaded.missing.length > 0) {
    process.stderr.write(`error: ${bankDir}: no such folder (set QUESTIONS_DIR or pass --bank)\n`);
    return 1;
  }
  const store = await createStore(storeUrl);
  try {
    const bank = createBankService(loaded, async () => loaded, { store });
    await bank.refresh();
    const record = bank.overlay();
    const entries = bank.overlayEntries();
    const result = exportOverlay(entries);
    await mkdir(folder, { recursive: true });
    for (const f of result.files) await writeFile(path.join(folder, f.name), f.text);
    const out: string[] = [];
    for (const f of result.files) out.push(`Wrote ${path.join(folder, f.name)}: ${f.ids.length} question${f.ids.length === 1 ? '' : 's'}.`);
    if (result.files.length === 0) out.push('Nothing to export: the store holds no approved suggestions or edits.');
    if (result.replaces.length > 0) {
      out.push('', 'Each edited question replaces its original; delete these from their files when you commit (until then Recall serves the edit once):');
      for (const r of result.replaces) out.push(`  ${r.file}:${r.line}  (id ${r.id})`);
    }
    const hidden = Object.keys(record.hidden).length;
    if (hidden > 0)
      out.push('', `${hidden} hidden question${hidden === 1 ? ' stays' : 's stay'} hidden in the store (not exported; delete them from their files to drop them for good).`);
    process.stdout.write(`${out.join('\n')}\n`);
    const known = new Set(entries.map((e) => e.question.id));
    const orphans = Object.keys(record.overrides).filter((id) => !known.has(id));
    for (const id of orphans) process.stderr.write(`warning: the edit of ${id} was not exported: no question in ${bankDir} has that id\n`);
    for (const l of result.left) process.stderr.write(`warning: ${l.id} was not exported: ${l.reason}\n`);
    return result.left.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
