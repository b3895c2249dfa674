import { rm } from 'node:fs/promises';
import os from 'node:os';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BankLoadResult, Question } from '../src/bank/types.js';
import { openLocalSearchIndex } from '../src/bank/search-index.js';
import { createBankService } from '../src/core/bank-service.js';
import { loadBankFromDisk } from '../src/io/load-bank-from-disk.js';
import { openSearchWorker } from '../src/io/search-worker-client.js';
import { DEFAULT_FILES, DEFAULT_QUESTIONS, generateBank } from './generate-bank.js';

/**
 * What the bank's full-text search index (src/bank/search-index.ts, MiniSearch) costs next to loading
 * the bank: build time and memory as ratios of the load's, the longest event-loop gap while it builds,
 * while searches run and while a reload that changed 1 question in 100 is brought in, and query times.
 * The index lives where --host says: `worker` (a worker thread, as the bot runs a large bank) or `thread`
 * (the bot's own thread, sliced). Memory: the main thread's retained heap (+ external) after full
 * collections, and the process's RSS, which also counts the worker's heap. Figures are printed, never
 * asserted: these machines are shared and noisy.
 *
 * Flags: --questions N --files F (size of the generated bank; default 100,000 in 200 files),
 * --host worker|thread (default worker).
 */

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const QUERIES = ['attention', 'gradient descent', 'retrieval index', 'quantizaton', 'tokeni', 'warmup schedule batch'];

export async function run(args: readonly string[] = []): Promise<void> {
  const { questions, files, host } = parseOptions(args);
  console.log(
    `Recall search-index benchmark: node ${process.version}, ${os.cpus().length} CPUs, index in ${host === 'worker' ? 'a worker thread' : 'the main thread'}, ${loadAverage()}\n`,
  );
  const generated = await generateBank({ questions, files });
  try {
    const heapBeforeLoad = retained();
    const rssBeforeLoad = process.memoryUsage().rss;
    const loadStarted = performance.now();
    const loaded = await loadBankFromDisk([generated.dir]);
    const loadMs = performance.now() - loadStarted;
    const bankBytes = retained() - heapBeforeLoad;
    const bankRss = process.memoryUsage().rss - rssBeforeLoad;
    console.log(`bank load: ${fmtInt(loaded.questions.length)} questions in ${fmtMs(loadMs)}, retained ${fmtMb(bankBytes)} MB (RSS +${fmtMb(bankRss)} MB)`);

    let current: BankLoadResult = loaded;
    const service = createBankService(loaded, async () => current, { search: { open: host === 'worker' ? () => openSearchWorker() : openLocalSearchIndex } });
    const heapBeforeIndex = retained();
    const rssBeforeIndex = process.memoryUsage().rss;
    const gaps = gapWatch();
    const buildStarted = performance.now();
    await service.search('attention', {}, 10);
    const buildMs = performance.now() - buildStarted;
    const buildGap = gaps.stop();
    const indexBytes = retained() - heapBeforeIndex;
    const indexRss = process.memoryUsage().rss - rssBeforeIndex;
    console.log(
      `index build (first search): ${fmtMs(buildMs)}, longest event-loop gap ${fmtMs(buildGap)}, main thread retained ${fmtMb(indexBytes)} MB, RSS +${fmtMb(indexRss)} MB`,
    );

    const searchGaps = gapWatch();
    const queryMs: number[] = [];
    for (const q of QUERIES) {
      const started = performance.now();
      const hits = await service.search(q, {}, 10);
      const ms = performance.now() - started;
      queryMs.push(ms);
      console.log(`  search ${JSON.stringify(q)}: ${hits.length} hits in ${ms.toFixed(1)} ms`);
    }
    const suggestStarted = performance.now();
    await service.suggest('retr', {}, 25);
    const suggestMs = performance.now() - suggestStarted;
    console.log(`  suggest "retr" (autocomplete, 25): ${suggestMs.toFixed(1)} ms`);
    const searchGap = searchGaps.stop();
    console.log(`  longest event-loop gap while searching: ${fmtMs(searchGap)}`);

    // A reload where 1 question in 100 had its answer edited: the index replaces only those.
    current = { ...loaded, questions: loaded.questions.map((q, i) => (i % 100 === 0 ? editAnswer(q) : q)) };
    const updateGaps = gapWatch();
    const updateStarted = performance.now();
    await service.reload();
    await service.search('attention', {}, 10);
    const updateMs = performance.now() - updateStarted;
    const updateGap = updateGaps.stop();
    console.log(`reload with 1% edited, until the index answers again: ${fmtMs(updateMs)}, longest event-loop gap ${fmtMs(updateGap)}`);

    console.log('\nsummary:');
    console.log(`  index build / bank load time:     ${(buildMs / loadMs).toFixed(2)}x (${fmtMs(buildMs)} / ${fmtMs(loadMs)})`);
    console.log(`  index main heap / bank memory:    ${(indexBytes / bankBytes).toFixed(2)}x (${fmtMb(indexBytes)} MB / ${fmtMb(bankBytes)} MB)`);
    console.log(`  index RSS / bank memory:          ${(indexRss / bankBytes).toFixed(2)}x (${fmtMb(indexRss)} MB / ${fmtMb(bankBytes)} MB)`);
    console.log(`  median search:                    ${median(queryMs).toFixed(1)} ms`);
    console.log(`  longest gap while building:       ${fmtMs(buildGap)}`);
    console.log(`  longest gap while searching:      ${fmtMs(searchGap)}`);
    console.log(`  longest gap reload + update:      ${fmtMs(updateGap)}`);
    console.log(`\n${loadAverage()}`);
  } finally {
    await rm(generated.dir, { recursive: true, force: true });
  }
}

function editAnswer(q: Question): Question {
  return { ...q, answer: `${q.answer ?? ''} Edited: speculative decoding.` };
}

/** Heap and external memory still in use after full collections. */
function retained(): number {
  collectGarbage();
  collectGarbage();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** The longest stretch the event loop could not run a 5 ms timer, from now until stop(). */
function gapWatch(): { stop(): number } {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(longest, performance.now() - last - 5);
    },
  };
}

function parseOptions(args: readonly string[]): { questions: number; files: number; host: 'worker' | 'thread' } {
  const options = { questions: DEFAULT_QUESTIONS, files: DEFAULT_FILES, host: 'worker' as 'worker' | 'thread' };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    if (flag === '--host') {
      const host = args[i + 1];
      if (host !== 'worker' && host !== 'thread') throw new Error('--host is worker or thread');
      options.host = host;
      continue;
    }
    const value = Number(args[i + 1]);
    if (flag !== '--questions' && flag !== '--files') throw new Error(`unknown flag ${flag} (flags: --questions, --files, --host)`);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
    options[flag === '--questions' ? 'questions' : 'files'] = value;
  }
  return options;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function loadAverage(): string {
  return `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

const fmtMs = (ms: number) => `${Math.round(ms).toLocaleString('en')} ms`;
const fmtMb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const fmtInt = (n: number) => n.toLocaleString('en');
