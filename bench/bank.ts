import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { z } from 'zod';
import { type BankService, openBankService } from '../src/core/bank-service.js';
import { type CoreLogger, silentLogger } from '../src/core/logger.js';
import { LastLoad } from '../src/io/last-load.js';
import { loadBankFromDisk } from '../src/io/load-bank-from-disk.js';
import { createStore } from '../src/store/create-store.js';
import { listBankFiles, parseBaseline } from './bank-baseline.js';
import type { RssMode, RssReport } from './bank-rss-child.js';
import { DEFAULT_FILES, DEFAULT_QUESTIONS, generateBank } from './generate-bank.js';

/**
 * How much the bank loader costs on top of a bare markdown-it pass, and how much memory a large bank
 * takes. Goals (issue #13): loading at most 2x the bare parse, under 300 MB peak RSS for 100,000
 * questions, a restart with unchanged files served from the parse cache in under 1 s, and no event-loop
 * gap over 50 ms while a bank loads or reloads (reloads go through the bank service, ids kept, as the
 * bot does them). The run ends with a table of every goal, its figure and PASS or MISS. Figures are
 * printed, never asserted: these machines are shared and noisy.
 *
 * Flags: --questions N --files F (size of the generated bank; default 100,000 in 200 files), --rounds R
 * (timed rounds for it; default 2), --seed-rounds R (default 10), --only reloads (just the reloads).
 */

const RATIO_GOAL = 2;
const RSS_GOAL_MB = 300;
const CACHED_GOAL_MS = 1_000;
const GAP_GOAL_MS = 50;

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const seedsDir = fileURLToPath(new URL('../questions/', import.meta.url));
const childScript = fileURLToPath(new URL('./bank-rss-child.ts', import.meta.url));

interface Options {
  questions: number;
  files: number;
  rounds: number;
  seedRounds: number;
  /** Only the reloads through the bank service (`--only reloads`): a quick run while working on them. */
  only: 'reloads' | null;
}

interface CaseResult {
  name: string;
  files: number;
  bytes: number;
  baseline: Timing[];
  recall: Timing[];
  /** Longest event-loop gap seen during any recall round, and how much of it the main thread was on a CPU. */
  gapMs: number;
  gapOnCpuMs: number;
  questions: number;
  warnings: number;
}

export async function run(args: readonly string[] = []): Promise<void> {
  const options = parseOptions(args);
  const runStarted = performance.now();
  console.log(`Recall bank benchmark: node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${os.platform()} ${os.arch()}, ${loadAverage()}`);
  console.log(`Timed rounds alternate baseline and recall in one process; the figure is the median.\n`);

  if (options.only === 'reloads') {
    const bank = await generateBank({ questions: options.questions, files: options.files });
    try {
      const reloads = await measureReloads(bank.dir);
      for (const r of reloads)
        console.log(`${r.name}: longest gap ${fmtMs(r.gaps.max)} (goal ${GAP_GOAL_MS} ms) ${r.gaps.max <= GAP_GOAL_MS ? 'PASS' : 'MISS'}, on CPU ${fmtMs(r.gaps.maxOnCpu)}`);
      console.log(`\n${loadAverage()}`);
    } finally {
      await rm(bank.dir, { recursive: true, force: true });
    }
    return;
  }

  const seeds = await measureCase('seed banks (questions/)', seedsDir, options.seedRounds, true);

  const genStarted = performance.now();
  const bank = await generateBank({ questions: options.questions, files: options.files });
  try {
    const genMs = performance.now() - genStarted;
    console.log(`generated ${fmtInt(bank.questions)} questions in ${bank.files} files, ${fmtMb(bank.bytes)} MB, in ${fmtMs(genMs)} (${bank.dir})\n`);
    const generated = await measureCase(`generated ${fmtInt(bank.questions)} / ${bank.files} files`, bank.dir, options.rounds, false);
    const reloads = await measureReloads(bank.dir);

    console.log(`memory, each in a fresh process:`);
    const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'recall-bench-cache-'));
    try {
      const idle = await measureRss(bank.dir, 'idle');
      const baseline = await measureRss(bank.dir, 'baseline');
      const recall = await measureRss(bank.dir, 'recall');
      // The first cached run fills the cache (a cold start that also writes it); the second is the restart.
      const filling = await measureRss(bank.dir, 'cached', cacheDir, 'cache fill');
      const cached = await measureRss(bank.dir, 'cached', cacheDir);
      printSummary([seeds, generated], { idle, baseline, recall, cached }, bank.questions, filling, reloads);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
    // The machine's load says how far to trust the figures: other jobs on a shared box stretch every time.
    console.log(`\ntotal ${fmtMs(performance.now() - runStarted)}, ${loadAverage()}`);
  } finally {
    await rm(bank.dir, { recursive: true, force: true });
  }
}

function parseOptions(args: readonly string[]): Options {
  const options: Options = { questions: DEFAULT_QUESTIONS, files: DEFAULT_FILES, rounds: 2, seedRounds: 10, only: null };
  const flags: Record<string, Exclude<keyof Options, 'only'>> = { '--questions': 'questions', '--files': 'files', '--rounds': 'rounds', '--seed-rounds': 'seedRounds' };
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] ?? '';
    if (flag === '--only') {
      if (args[i + 1] !== 'reloads') throw new Error('--only takes: reloads');
      options.only = 'reloads';
      continue;
    }
    const key = flags[flag];
    const value = Number(args[i + 1]);
    if (key === undefined) throw new Error(`unknown flag ${flag} (flags: ${Object.keys(flags).join(', ')})`);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number`);
    options[key] = value;
  }
  return options;
}

// Garbage one side leaves behind would otherwise be collected on the other side's clock; the flag can
// be turned on at run time, so `npm run bench` needs no extra node options.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Timing {
  /** Wall time: what a user waits. */
  ms: number;
  /**
   * CPU time of this process (all threads, so GC helpers count). Other jobs on a shared machine stretch
   * wall time far more than CPU time, so this ratio is the steadier of the two.
   */
  cpuMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<Timing & { value: T }> {
  collectGarbage();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

async function measureCase(name: string, dir: string, rounds: number, warmUp: boolean): Promise<CaseResult> {
  console.log(`${name}:`);
  const result: CaseResult = { name, files: 0, bytes: 0, baseline: [], recall: [], gapMs: 0, gapOnCpuMs: 0, questions: 0, warnings: 0 };
  const baseline = async (): Promise<Timing> => {
    const { value, ...timing } = await timed(() => parseBaseline(dir));
    result.files = value.files;
    result.bytes = value.bytes;
    return timing;
  };
  const recall = async (): Promise<Timing> => {
    // A throw here is a loader failure, not noise: it propagates and the run exits non-zero.
    const gaps = watchEventLoop();
    const { value, ...timing } = await timed(() => loadBankFromDisk([dir]));
    const seen = gaps.stop();
    if (seen.max > result.gapMs) {
      result.gapMs = seen.max;
      result.gapOnCpuMs = seen.maxOnCpu;
    }
    result.questions = value.questions.length;
    result.warnings = value.warnings.length;
    return timing;
  };
  const show = (label: string, b: Timing, r: Timing, note: string): void => {
    const pair = (t: Timing): string => `${fmtMs(t.ms).padStart(10)} (cpu ${fmtMs(t.cpuMs).padStart(10)})`;
    console.log(`  ${label.padEnd(11)} baseline ${pair(b)}   recall ${pair(r)}   ${note}`);
  };
  if (warmUp) {
    // Small inputs finish before the JIT has optimised the parser; the first round would mostly time that.
    const b = await baseline();
    const r = await recall();
    show('warm-up', b, r, '(not counted)');
  }
  for (let round = 1; round <= rounds; round++) {
    // Alternate who goes first so heap growth or a noisy neighbour does not always hit the same side.
    let b: Timing;
    let r: Timing;
    if (round % 2 === 1) {
      b = await baseline();
      r = await recall();
    } else {
      r = await recall();
      b = await baseline();
    }
    result.baseline.push(b);
    result.recall.push(r);
    show(`round ${String(round).padStart(String(rounds).length)}/${rounds}`, b, r, `ratio ${(r.ms / b.ms).toFixed(2)}x (cpu ${(r.cpuMs / b.cpuMs).toFixed(2)}x)`);
  }
  console.log('');
  return result;
}

interface LoopGaps {
  /** Longest stretch between two turns of a 5 ms timer: how long the main thread went without turning at most. */
  max: number;
  /** The median and 99th percentile stretch (a turn every 5 ms is the floor). */
  p50: number;
  p99: number;
  /**
   * Of the longest stretch, how long the main thread was on a CPU (Linux: /proc/self/task/<pid>/schedstat;
   * NaN elsewhere). On a shared box most of a long stretch can be the thread waiting for a CPU (the
   * scheduler) or for GC helper threads that are waiting for one: this is the part the code itself held.
   */
  maxOnCpu: number;
  /** The most CPU the main thread used within any one stretch. */
  mostOnCpu: number;
}

/** Watches the event loop with a 5 ms timer until stopped (see LoopGaps). */
function watchEventLoop(): { stop: () => LoopGaps } {
  const gaps: number[] = [];
  let max = 0;
  let maxOnCpu = Number.NaN;
  let mostOnCpu = Number.NaN;
  let last = performance.now();
  let lastCpu = threadCpuMs();
  const tick = (): void => {
    const now = performance.now();
    const cpu = threadCpuMs();
    const gap = now - last;
    gaps.push(gap);
    if (gap > max) {
      max = gap;
      maxOnCpu = cpu - lastCpu;
    }
    if (!(cpu - lastCpu <= mostOnCpu)) mostOnCpu = cpu - lastCpu;
    last = now;
    lastCpu = cpu;
  };
  const timer = setInterval(tick, 5);
  return {
    stop: () => {
      clearInterval(timer);
      tick();
      const sorted = gaps.sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      return { max, p50: at(0.5), p99: at(0.99), maxOnCpu, mostOnCpu };
    },
  };
}

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;

/** CPU time of the main thread alone, in ms (its first schedstat field, in ns); NaN where there is no such file. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return Number.NaN;
  }
}

interface ReloadResult {
  name: string;
  ms: number;
  gaps: LoopGaps;
  /** How many questions kept an old id (log lines of the id keeper). */
  carried: number;
  questions: number;
}

/**
 * Loads and reloads as the running bot does them, on a copy of the bank: the bank service over a SQLite
 * store, loading with the parse cache and the last load (LastLoad), ids settled against the last load
 * (keep-ids). First the start with an empty cache (load, then open the service), then a reload with
 * nothing changed, one with one question edited in one file, one after editing one question in every
 * 100 (a letter changed in 20 files, 1,000 questions), nothing changed again, and every file changed
 * (every question's words). The event loop is watched over each (see LoopGaps).
 */
async function measureReloads(source: string): Promise<ReloadResult[]> {
  console.log('start and reloads through the bank service (SQLite store, parse cache, last load, ids kept):');
  const work = await mkdtemp(path.join(os.tmpdir(), 'recall-bench-reload-'));
  const store = await createStore(`sqlite://${path.join(work, 'store.sqlite')}`);
  try {
    // A copy: the edits below must not reach the memory runs that load the bank afterwards.
    const dir = path.join(work, 'bank');
    await cp(source, dir, { recursive: true });
    const cacheDir = path.join(work, 'cache');
    // As the bot reloads: with the parse cache, and adopting unchanged files' questions from the last load.
    const lastLoad = new LastLoad();
    const load = () => loadBankFromDisk([dir], { cacheDir, lastLoad });
    let carried = 0;
    const logger: CoreLogger = { ...silentLogger, info: (fields: unknown) => void (typeof fields === 'object' && fields !== null && 'was' in fields && carried++) };
    const results: ReloadResult[] = [];
    const watched = async (name: string, work: () => Promise<number>): Promise<void> => {
      carried = 0;
      collectGarbage();
      const gaps = watchEventLoop();
      const started = performance.now();
      const questions = await work();
      const ms = performance.now() - started;
      const result = { name, ms, gaps: gaps.stop(), carried, questions };
      results.push(result);
      console.log(
        `  ${name.padEnd(34)} ${fmtMs(ms).padStart(10)}   loop gaps p50 ${fmtMs(result.gaps.p50)}, p99 ${fmtMs(result.gaps.p99).padStart(6)}, longest ${fmtMs(result.gaps.max).padStart(6)} (on CPU ${fmtMs(result.gaps.maxOnCpu)}), most on CPU in one ${fmtMs(result.gaps.mostOnCpu).padStart(6)}   ids kept by edits ${fmtInt(carried)}`,
      );
    };
    let service: BankService | undefined;
    await watched('first start (empty cache)', async () => {
      service = await openBankService(await load(), load, { store, logger });
      return service.all().length;
    });
    const reload = (name: string) => watched(name, async () => (await service!.reload()).total);
    const edit = async (file: string, change: (text: string) => string) => writeFile(file, change(await readFile(file, 'utf8')));
    await reload('unchanged');
    const files = await listBankFiles(dir);
    await edit(files[0]!, (text) => text.replace(/\bvariant (\d+)/, 'varient $1'));
    await reload('one question in one file edited');
    for (const file of files.filter((_, i) => i % 10 === 0).slice(0, 20)) {
      let edits = 0;
      // One letter changed in one question of every 100 (50 in a file of 500): a typo fix.
      await edit(file, (text) => text.replace(/\bvariant (\d+)/g, (whole, n: string) => (Number(n) % 100 === 7 && ++edits > 0 ? `varient ${n}` : whole)));
    }
    await reload('one question in 100 edited');
    await reload('unchanged again');
    for (const file of files) await edit(file, (text) => text.replace(/\bvar[ie]ant (\d+)/g, 'revised variant $1'));
    await reload('every file changed');
    console.log('');
    return results;
  } finally {
    await store.close();
    await rm(work, { recursive: true, force: true });
  }
}

const rssReportSchema = z.object({
  mode: z.enum(['recall', 'baseline', 'idle', 'cached']),
  maxRssKb: z.number(),
  retainedKb: z.number(),
  questions: z.number().nullable(),
  warnings: z.number().nullable(),
  ms: z.number(),
  cpuMs: z.number(),
});

function measureRss(dir: string, mode: RssMode, cacheDir?: string, label: string = mode): Promise<RssReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, dir, mode, ...(cacheDir ? [cacheDir] : [])], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`RSS child (${mode}) exited with code ${code}`));
      try {
        const report = rssReportSchema.parse(JSON.parse(out.trim().split('\n').pop() ?? ''));
        console.log(
          `  ${label.padEnd(10)} peak ${fmtMb(report.maxRssKb * 1024).padStart(7)} MB   retained ${fmtMb(report.retainedKb * 1024).padStart(6)} MB   one cold load ${fmtMs(report.ms)} (CPU ${fmtMs(report.cpuMs)})`,
        );
        resolve(report);
      } catch (err) {
        reject(new Error(`RSS child (${mode}) printed no report: ${out.slice(0, 500)}`, { cause: err }));
      }
    });
  });
}

function printSummary(cases: CaseResult[], rss: Record<RssMode, RssReport>, expectedQuestions: number, filling: RssReport, reloads: ReloadResult[]): void {
  const rows = cases.map((c) => {
    const b = median(c.baseline.map((t) => t.ms));
    const r = median(c.recall.map((t) => t.ms));
    const bCpu = median(c.baseline.map((t) => t.cpuMs));
    const rCpu = median(c.recall.map((t) => t.cpuMs));
    const ratio = r / b;
    return [
      c.name,
      String(c.files),
      `${fmtMb(c.bytes)} MB`,
      fmtMs(b),
      fmtMs(r),
      `${ratio.toFixed(2)}x`,
      ratio <= RATIO_GOAL ? 'met' : 'MISSED',
      fmtMs(bCpu),
      fmtMs(rCpu),
      `${(rCpu / bCpu).toFixed(2)}x`,
      fmtInt(c.questions),
      fmtInt(c.warnings),
      fmtMs(c.gapMs),
      c.gapMs <= GAP_GOAL_MS ? 'met' : 'MISSED',
    ];
  });
  console.log('\nsummary (medians; wall time, then CPU time)');
  printTable(
    [
      'case',
      'files',
      'size',
      'baseline',
      'recall',
      'recall/baseline',
      `goal <= ${RATIO_GOAL}x`,
      'baseline cpu',
      'recall cpu',
      'cpu ratio',
      'questions',
      'warnings',
      'longest loop gap',
      `goal <= ${GAP_GOAL_MS} ms`,
    ],
    rows,
  );

  const generated = cases[cases.length - 1];
  if (generated && (generated.questions !== expectedQuestions || generated.warnings !== 0)) {
    console.log(
      `\nNOTE: the generated bank should load ${fmtInt(expectedQuestions)} questions with 0 warnings; it loaded ${fmtInt(generated.questions)} with ${fmtInt(generated.warnings)}.`,
    );
  }
  for (const mode of ['recall', 'cached'] as const) {
    if (rss[mode].questions !== expectedQuestions)
      console.log(`NOTE: the ${mode} RSS child loaded ${fmtInt(rss[mode].questions ?? 0)} questions, expected ${fmtInt(expectedQuestions)}.`);
  }

  const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`;
  console.log(`\nmemory loading the generated bank (fresh process each)`);
  printTable(
    ['what', 'peak RSS', 'peak above idle', 'retained after GC', 'cold load', `goal < ${RSS_GOAL_MB} MB peak`],
    (['idle', 'baseline', 'recall', 'cached'] as const).map((mode) => {
      const r = rss[mode];
      const goal = mode === 'recall' || mode === 'cached' ? (r.maxRssKb / 1024 < RSS_GOAL_MB ? 'met' : 'MISSED') : '';
      return [RSS_LABELS[mode], mb(r.maxRssKb), mode === 'idle' ? '' : mb(r.maxRssKb - rss.idle.maxRssKb), mb(r.retainedKb), mode === 'idle' ? '' : fmtMs(r.ms), goal];
    }),
  );
  console.log(
    `\nrestart from the parse cache: ${fmtMs(rss.cached.ms)} (CPU ${fmtMs(rss.cached.cpuMs)}); the run that filled it took ${fmtMs(filling.ms)} at ${mb(filling.maxRssKb)} peak`,
  );

  // Every goal of issue #13, with its figure.
  const goals: [string, string, boolean][] = [];
  for (const c of cases) {
    const ratio = median(c.recall.map((t) => t.ms)) / median(c.baseline.map((t) => t.ms));
    goals.push([`load time <= ${RATIO_GOAL}x bare markdown-it: ${c.name}`, `${ratio.toFixed(2)}x`, ratio <= RATIO_GOAL]);
  }
  const peak = (r: RssReport) => r.maxRssKb / 1024;
  goals.push([`peak RSS < ${RSS_GOAL_MB} MB, first load, no cache`, mb(rss.recall.maxRssKb), peak(rss.recall) < RSS_GOAL_MB]);
  goals.push([`peak RSS < ${RSS_GOAL_MB} MB, first load filling the cache (the bot's first start)`, mb(filling.maxRssKb), peak(filling) < RSS_GOAL_MB]);
  goals.push([`peak RSS < ${RSS_GOAL_MB} MB, restart from the cache`, mb(rss.cached.maxRssKb), peak(rss.cached) < RSS_GOAL_MB]);
  goals.push([`restart with unchanged files < ${fmtMs(CACHED_GOAL_MS)}`, `${fmtMs(rss.cached.ms)} (CPU ${fmtMs(rss.cached.cpuMs)})`, rss.cached.ms < CACHED_GOAL_MS]);
  for (const c of cases)
    goals.push([`longest event-loop gap <= ${GAP_GOAL_MS} ms, loading: ${c.name}`, `${fmtMs(c.gapMs)} (${fmtMs(c.gapOnCpuMs)} on CPU)`, c.gapMs <= GAP_GOAL_MS]);
  for (const r of reloads)
    goals.push([
      `longest event-loop gap <= ${GAP_GOAL_MS} ms, ${r.name}${r.carried > 0 ? ` (${fmtInt(r.carried)} ids kept)` : ''}`,
      `${fmtMs(r.gaps.max)} (${fmtMs(r.gaps.maxOnCpu)} on CPU)`,
      r.gaps.max <= GAP_GOAL_MS,
    ]);
  console.log('\ngoals');
  printTable(
    ['goal', 'figure', 'verdict'],
    goals.map(([goal, figure, met]) => [goal, figure, met ? 'PASS' : 'MISS']),
  );
}

const RSS_LABELS: Record<RssMode, string> = {
  idle: 'idle (node + tsx + loader code)',
  baseline: 'baseline (read + decode + parse)',
  recall: 'recall (loadBankFromDisk)',
  cached: 'restart (same files, parse cache)',
};

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  // First column reads as a label (left), the rest are figures (right).
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function loadAverage(): string {
  return `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

function fmtMs(ms: number): string {
  return `${Math.round(ms).toLocaleString('en')} ms`;
}

function fmtMb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function fmtInt(n: number): string {
  return n.toLocaleString('en');
}
