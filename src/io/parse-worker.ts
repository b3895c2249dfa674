import { parentPort, workerData } from 'node:worker_threads';
import { questionId } from '../bank/ids.js';
import { needsImporters, needsSqlite } from '../bank/import/kinds.js';
import type { SqlJsStatic } from '../bank/import/sqlite.js';
import { parseBankFile } from '../bank/parse/parse-file.js';
import { packQuestions } from './pack.js';
import type { ParseJob, ParseReply } from './parse-pool.js';

/**
 * The parse pool's worker: bank files are parsed here, off the main thread, so a large or hostile file
 * never stops the process from answering (health checks, Discord heartbeats, Slack acks) while it loads.
 * Each question's merge key (normalizing its words and hashing them) is made here too, and the result
 * goes back packed (see pack.ts) and transferred: the main thread only slices strings and merges.
 */
let queue: Promise<void> = Promise.resolve();
let waiting = 0;

/** The CSV, Anki text and package importers with their libraries: loaded with the first file that needs them. */
type Importers = typeof import('../bank/import/index.js');
let importers: Importers | null = null;

parentPort?.on('message', (job: ParseJob) => {
  const file = { path: job.path, bytes: job.bytes };
  // Importers load (and an Anki package's SQLite, WebAssembly) once; jobs behind such a job wait too,
  // since the pool takes replies in the order it sent jobs. Markdown files are answered at once.
  const ready = (!needsImporters(file.path, file.bytes) || importers !== null) && (!needsSqlite(file.path) || importers?.sqliteIfLoaded());
  if (waiting === 0 && ready) return answer(job, importers?.sqliteIfLoaded() ?? null);
  waiting++;
  queue = queue
    .then(async () => {
      if (!needsImporters(file.path, file.bytes)) return importers?.sqliteIfLoaded() ?? null;
      importers ??= await import('../bank/import/index.js');
      if (!needsSqlite(file.path)) return importers.sqliteIfLoaded();
      try {
        return await importers.loadSqlite((workerData as { sqlWasm?: string } | null)?.sqlWasm);
      } catch (err) {
        return new Error(`SQLite could not be loaded for an Anki package: ${err instanceof Error ? err.message : String(err)}`);
      }
    })
    .then(
      (sqlite) => answer(job, sqlite),
      (err: unknown) => answer(job, new Error(`the importers could not be loaded: ${err instanceof Error ? err.message : String(err)}`)),
    )
    .finally(() => waiting--);
});

function answer(job: ParseJob, sqlite: SqlJsStatic | Error | null): void {
  let reply: ParseReply;
  let transfer: ArrayBuffer[] = [];
  try {
    if (sqlite instanceof Error) throw sqlite;
    const file = { path: job.path, bytes: job.bytes };
    const parsed = importers ? importers.parseAnyBankFile(file, sqlite) : parseBankFile(file);
    const packed = packQuestions(parsed.questions.map((q) => ({ ...q, key: questionId(q.question) })));
    reply = { id: job.id, parsed: { packed, warnings: parsed.warnings } };
    transfer = [packed.one.buffer as ArrayBuffer, packed.two.buffer as ArrayBuffer, packed.nums.buffer as ArrayBuffer];
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply, transfer);
}
