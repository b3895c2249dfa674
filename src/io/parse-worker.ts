import { parentPort } from 'node:worker_threads';
import { questionId } from '../bank/ids.js';
import { parseBankFile } from '../bank/parse/parse-file.js';
import { packQuestions } from './pack.js';
import type { ParseJob, ParseReply } from './parse-pool.js';

/**
 * The parse pool's worker: bank files are parsed here, off the main thread, so a large or hostile file
 * never stops the process from answering (health checks, Discord heartbeats, Slack acks) while it loads.
 * Each question's merge key (normalizing its words and hashing them) is made here too, and the result
 * goes back packed (see pack.ts) and transferred: the main thread only slices strings and merges.
 */
parentPort?.on('message', (job: ParseJob) => {
  let reply: ParseReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const parsed = parseBankFile({ path: job.path, bytes: job.bytes });
    const packed = packQuestions(parsed.questions.map((q) => ({ ...q, key: questionId(q.question) })));
    reply = { id: job.id, parsed: { packed, warnings: parsed.warnings } };
    transfer = [packed.one.buffer as ArrayBuffer, packed.two.buffer as ArrayBuffer, packed.nums.buffer as ArrayBuffer];
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply, transfer);
});
