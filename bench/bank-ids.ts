import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { questionId } from '../src/bank/ids.js';
import type { BankLoadResult } from '../src/bank/types.js';
import { KNOWN_QUESTIONS_KEY } from '../src/core/bank-ids/keys.js';
import { knownBank } from '../src/core/bank-ids/record.js';
import { openBankService } from '../src/core/bank-service.js';
import { type CoreLogger, silentLogger } from '../src/core/logger.js';
import { loadBankFromDisk } from '../src/io/load-bank-from-disk.js';
import { createStore } from '../src/store/create-store.js';
import { DEFAULT_QUESTIONS, generateBank } from './generate-bank.js';

/**
 * What keeping ids across restarts costs: the size of the record of known questions in the store, and
 * the time a start spends settling ids (read the record, match, write it back) as a ratio of the time
 * the bank takes to load, for a first start, an unchanged restart, a restart after 100 edits and a
 * restart after the id scheme changed for every question. Goal: each under 0.5x the load. Printed,
 * never asserted. Flag: --questions N (default 100,000).
 */

const RATIO_GOAL = 0.5;

const arg = process.argv.indexOf('--questions');
const questions = arg > 0 ? Number(process.argv[arg + 1]) : DEFAULT_QUESTIONS;
const work = await mkdtemp(path.join(os.tmpdir(), 'recall-bench-ids-'));
try {
  const bank = await generateBank({ questions, dir: path.join(work, 'bank') });
  const t = performance.now();
  const loaded = await loadBankFromDisk([bank.dir]);
  const loadMs = performance.now() - t;
  const store = await createStore(`sqlite://${path.join(work, 'store.sqlite')}`);
  let lines = 0;
  const logger: CoreLogger = { ...silentLogger, info: () => void lines++ };
  const settle = async (name: string, initial: BankLoadResult) => {
    lines = 0;
    const started = performance.now();
    await openBankService(initial, async () => initial, { store, logger });
    const ms = performance.now() - started;
    console.log(`${name.padEnd(30)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / loadMs).toFixed(2)}x load (goal ${RATIO_GOAL}x)  ${lines} log lines`);
  };
  console.log(`${loaded.questions.length} questions, loaded in ${loadMs.toFixed(0)} ms`);
  await settle('first start', loaded);
  const record = JSON.stringify(await store.get(KNOWN_QUESTIONS_KEY));
  console.log(`record: ${(record.length / 1e6).toFixed(2)} MB of JSON, ${(record.length / loaded.questions.length).toFixed(0)} bytes a question`);
  await settle('unchanged restart', loaded);
  const edited = loaded.questions.map((q, i) => {
    if (i % Math.ceil(loaded.questions.length / 100) !== 0) return q;
    const question = q.question.replace(/([a-z])([a-z])(?=[a-z]{3})/, '$2$1');
    return { ...q, question, id: questionId(question) };
  });
  await settle('restart after 100 edits', { ...loaded, questions: edited });
  const renamed = knownBank(
    loaded.questions.map((q) => ({ id: `old-${q.id}`, text: q.question })),
    new Map(),
  );
  await store.set(KNOWN_QUESTIONS_KEY, renamed);
  await settle('restart after an id change', loaded);
  await store.close();
} finally {
  await rm(work, { recursive: true, force: true });
}
