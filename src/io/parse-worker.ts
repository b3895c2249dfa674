import { parentPort } from 'node:worker_threads';
import { ownedQuestion } from '../bank/merge.js';
import { parseBankFile } from '../bank/parse/parse-file.js';
import type { ParseJob, ParseReply } from './parse-pool.js';

/**
 * The parse pool's worker: bank files are parsed here, off the main thread, so a large or hostile file
 * never stops the process from answering (health checks, Discord heartbeats, Slack acks) while it loads.
 */
parentPort?.on('message', (job: ParseJob) => {
  let reply: ParseReply;
  try {
    const parsed = parseBankFile({ path: job.path, bytes: job.bytes });
    // Copied here, off the main thread: a string cut from a file with one emoji is UTF-16 however plain,
    // and would cross over, be merged and be kept at twice its size.
    reply = { id: job.id, parsed: { questions: parsed.questions.map(ownedQuestion), warnings: parsed.warnings } };
  } catch (err) {
    reply = { id: job.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(reply);
});
