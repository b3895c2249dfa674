import { parentPort, workerData } from 'node:worker_threads';
import { questionId } from '../bank/ids.js';
import { loadSqlite, needsSqlite, parseAnyBankFile, sqliteIfLoaded, type SqlJsStatic } from '../bank/import/index.js';
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

parentPort?.on('message', (job: ParseJob) => {
  // An Anki package waits for SQLite (WebAssembly) to load once; jobs behind it wait too, since the
  // pool takes replies in the order it sent jobs. Everything else is answered at once, as before.
  if (waiting === 0 && (!needsSqlite(job.path) || sqliteIfLoaded())) return answer(job, sqliteIfLoaded());
  waiting++;
  queue = queue
    .then(() => (needsSqlite(job.path) ? loadSqlite((workerData as { sqlWasm?: string } | null)?.sqlWasm) : null))
    .then(
      (sqlite) => answer(job, sqlite),
      (err: unknown) => answer(job, new Error(`SQLite could not be loaded for an Anki package: ${err instanceof Error ? err.message : String(err)}`)),
    )
    .finally(() => waiting--);
});

function answer(job: ParseJob, sqlite: SqlJsStatic | Error | null): void {
  let reply: ParseReply;
  let transfer: ArrayBuffer[] = [];
  try {
    if (sqlite instanceof Error) throw sqlite;
    const parsed = parseAnyBankFile({ path: job.path, bytes: job.bytes }, sqlite);
    const packed = packQuestions(parsed.questions.map((q) => ({ ...q, key: questionId(q.question) })));
    reply = { id: job.id, parsed: { packed, warnings: parsed.warnings } };
    transfer = [packed.one.buffer as ArrayBuffer, packed.two.buffer as ArrayBuffer, packed.nums.buffer as ArrayBuffer];
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply, transfer);
}
