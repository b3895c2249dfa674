import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { type DiskBankResult, loadBankFromDisk } from '../src/io/load-bank-from-disk.js';
import { parseBaseline } from './bank-baseline.js';

/**
 * `node --import tsx bench/bank-rss-child.ts <folder> [recall|baseline|idle|cached <cache>]`: loads the bank once in a
 * fresh process and prints its peak RSS, so the benchmark parent's own heap (earlier rounds, the seed
 * case) does not count. `idle` imports the same code and loads nothing: the floor every mode pays.
 */

export type RssMode = 'recall' | 'baseline' | 'idle' | 'cached';

export interface RssReport {
  mode: RssMode;
  /** process.resourceUsage().maxRSS, which Node reports in kilobytes. */
  maxRssKb: number;
  /**
   * Heap and external memory still in use after the load and a full GC, with the result kept alive:
   * what holding the bank costs, as opposed to the peak, which also counts the parser's garbage.
   */
  retainedKb: number;
  questions: number | null;
  warnings: number | null;
  /** Wall time of the one load: a cold start, as the bot does it at boot. */
  ms: number;
  /** CPU time of the process over the load (all threads: GC helpers and the parse worker count). */
  cpuMs: number;
}

const [folder, modeArg = 'recall', cacheDir] = process.argv.slice(2);
if (folder === undefined || (modeArg !== 'recall' && modeArg !== 'baseline' && modeArg !== 'idle' && modeArg !== 'cached') || (modeArg === 'cached' && !cacheDir)) {
  console.error('usage: node --import tsx bench/bank-rss-child.ts <folder> [recall|baseline|idle|cached <cache folder>]');
  process.exit(2);
}
const mode: RssMode = modeArg;

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const started = performance.now();
const cpu = process.cpuUsage();
let loaded: DiskBankResult | null = null;
if (mode === 'recall') loaded = await loadBankFromDisk([folder]);
// A restart: the cache folder was filled by an earlier load of the same files.
else if (mode === 'cached') loaded = await loadBankFromDisk([folder], { cacheDir });
else if (mode === 'baseline') await parseBaseline(folder);
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
const maxRssKb = process.resourceUsage().maxRSS;
collectGarbage();
// Freed buffers leave V8's external-memory count only on the next GC; without this, file bytes the loader
// has already dropped would be counted as retained.
collectGarbage();
const memory = process.memoryUsage();
const report: RssReport = {
  mode,
  maxRssKb,
  retainedKb: Math.round((memory.heapUsed + memory.external) / 1024),
  // Counted after the GC, so the loaded bank is certainly still alive while retained memory is measured.
  questions: loaded?.questions.length ?? null,
  warnings: loaded?.warnings.length ?? null,
  ms,
  cpuMs: (used.user + used.system) / 1000,
};
process.stdout.write(`${JSON.stringify(report)}\n`);
