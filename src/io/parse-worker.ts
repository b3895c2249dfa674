import { parentPort } from 'node:worker_threads';
import { parseBankFile } from '../bank/parse/parse-file.js';
import type { ParseJob, ParseReply } from './parse-pool.js';

/**
 * The parse pool's worker: bank files are parsed here, off the main thread, so a large or hostile file
 * never stops the process from answering (health checks, Discord heartbeats, Slack acks) while it loads.
 */
parentPort?.on('message', (job: ParseJob) => {
  let reply: ParseReply;
  try {
    reply = { id: job.id, parsed: parseBankFile({ path: job.path, bytes: job.bytes }) };
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
