import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { BankFile, BankWarning } from '../bank/types.js';
import type { Packed } from './pack.js';

export interface ParseJob {
  id: number;
  path: string;
  bytes: Uint8Array;
}

/** A file's questions packed (see pack.ts), and its warnings. */
export interface PackedFile {
  packed: Packed;
  warnings: BankWarning[];
}

export type ParseReply = { id: number; parsed: PackedFile } | { id: number; error: string };

export interface ParsePoolOptions {
  /**
   * How long one file may take, from when its worker starts on it: a base plus a share per KB. A file
   * past it is skipped (its worker is stopped and replaced), so no file can hold a load up for good.
   */
  budgetMs?: (bytes: number) => number;
  /** Heap cap of the worker, so one file that balloons is skipped instead of exhausting the process. */
  maxHeapMb?: number;
}

/** See ensureWorker. */
/**
 * Measured on 100,000 questions (one run each, load ~3): uncapped ~305 MB peak RSS; 16 MB ~291 MB;
 * 12 MB ~275 MB; 8 MB ~278 MB but 20–40% slower (the scavenges it forces start to cost).
 */
const YOUNG_MB = 12;

/** How long an idle shared worker is kept for the next load (a reload, the next round of a benchmark). */
const IDLE_MS = 15_000;

let shared: ParsePool | null = null;
let idleTimer: NodeJS.Timeout | null = null;

/**
 * The process's parse pool for loads that use the default options: starting a worker costs tens of ms
 * (seconds from TypeScript source), so back-to-back loads share one, which is closed once idle.
 */
export function sharedParsePool(): { pool: ParsePool; release: () => void } {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  const pool = (shared ??= new ParsePool());
  let released = false;
  return {
    pool,
    release: () => {
      if (released || shared !== pool) return;
      released = true;
      idleTimer = setTimeout(() => {
        if (shared === pool) shared = null;
        void pool.close();
      }, IDLE_MS);
      idleTimer.unref();
    },
  };
}

/** Generous on a loaded 2-core box: a 9 MB file parses in about a second there. */
export const defaultBudgetMs = (bytes: number): number => 30_000 + bytes / 100;

/** sql.js's WebAssembly, for Anki packages: a bundled worker runs from the temp folder, where sql.js cannot find it itself. */
const SQL_WASM = (() => {
  try {
    return createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  } catch {
    return undefined;
  }
})();

const WORKER_URL = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/**
 * Built, the worker is plain JS. From source (tsx, vitest) it is TypeScript, and a worker does not
 * inherit the TypeScript loader. The worker is then bundled once per process into one plain JS file
 * (esbuild, which tsx brings), so it runs without a TypeScript loader of its own: that loader is a
 * thread and a V8 heap more, ~20 MB of RSS while a bank loads. Should bundling fail, a small bootstrap
 * registers tsx in the worker instead, resolved from here, not the cwd.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!WORKER_URL.pathname.endsWith('.ts')) return new Worker(WORKER_URL, options);
  // Plain JS needs none of the process's flags (`--import tsx`), and some would break it (`--input-type`).
  // A bundle pruned by another process (see pruneBundles) is made again by the next load; this one bootstraps.
  if (bundled && existsSync(bundled)) return new Worker(bundled, { ...options, execArgv: [] });
  // require.resolve finds the package's CommonJS entry; the ESM one beside it is what registers hooks.
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
  return new Worker(`import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`, { ...options, eval: true });
}

/** The bundled worker's file, once made; null when bundling failed or is not needed. */
let bundled: string | null = null;
let bundling: Promise<void> | null = null;

const BUNDLE_PREFIX = 'recall-parse-worker-';
/** A bundle no process has made or used for this long belongs to code that is gone: it is deleted. */
const BUNDLE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Bundles the TypeScript worker, off the event loop (esbuild works in its own process, stopped after). */
function bundleWorker(): Promise<void> {
  bundling ??= (async () => {
    if (!WORKER_URL.pathname.endsWith('.ts')) return;
    const fromTsx = createRequire(createRequire(import.meta.url).resolve('tsx/package.json'));
    let esbuild: typeof import('esbuild') | undefined;
    try {
      esbuild = fromTsx('esbuild') as typeof import('esbuild');
      const out = await esbuild.build({ entryPoints: [fileURLToPath(WORKER_URL)], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'silent' });
      const code = out.outputFiles[0]?.contents;
      if (!code) return;
      const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
      const file = path.join(os.tmpdir(), `${BUNDLE_PREFIX}${hash}.cjs`);
      // Named by its content, so a file already there (an earlier process) is this very bundle: marked as in use.
      const now = new Date();
      if (
        !(await utimes(file, now, now).then(
          () => true,
          () => false,
        ))
      ) {
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, code);
        await rename(temp, file);
      }
      bundled = file;
      await pruneBundles(path.basename(file), now.getTime());
    } catch {
      bundled = null;
    } finally {
      // esbuild's service process would otherwise live as long as this one, for nothing.
      await esbuild?.stop();
    }
  })();
  return bundling;
}

/** Deletes other bundles (and temp files of interrupted writes) that no process has touched in a day. */
async function pruneBundles(keep: string, now: number): Promise<void> {
  const dir = os.tmpdir();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.startsWith(BUNDLE_PREFIX) || name === keep) continue;
    const file = path.join(dir, name);
    const changed = await stat(file).then(
      (s) => s.mtimeMs,
      () => now,
    );
    if (now - changed > BUNDLE_MAX_AGE_MS) await unlink(file).catch(() => {});
  }
}

interface Pending {
  job: ParseJob;
  resolve: (parsed: PackedFile) => void;
  reject: (err: Error) => void;
}

/**
 * One worker thread that parses bank files in the order given. Jobs queue inside the worker, so it never
 * waits for the main thread between files; a file that throws, runs past its budget or crashes the worker
 * rejects alone, and a fresh worker takes the rest.
 */
export class ParsePool {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly budgetMs: (bytes: number) => number;
  private readonly maxHeapMb: number;

  constructor(options: ParsePoolOptions = {}) {
    this.budgetMs = options.budgetMs ?? defaultBudgetMs;
    this.maxHeapMb = options.maxHeapMb ?? 1024;
  }

  async parse(file: BankFile): Promise<PackedFile> {
    if (this.closed) throw new Error('the parse pool is closed');
    if (!this.worker) await bundleWorker();
    if (this.closed) throw new Error('the parse pool is closed');
    return new Promise((resolve, reject) => {
      const job: ParseJob = { id: this.nextId++, path: file.path, bytes: file.bytes };
      this.queue.push({ job, resolve, reject });
      // Copied, not transferred: if this worker dies, the files queued behind go to its replacement.
      this.ensureWorker().postMessage(job);
      if (this.queue.length === 1) this.startClock();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopClock();
    const worker = this.worker;
    this.worker = null;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('the parse pool was closed'));
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    // A small young generation: parsing makes short-lived garbage only, and V8's default (up to 48 MB for
    // the young generation alone) was ~30 MB of the 100,000-question load's peak RSS. The scavenges that
    // it makes more frequent are cheap while it is not too small (see YOUNG_MB).
    const worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_MB }, workerData: { sqlWasm: SQL_WASM } });
    worker.on('message', (reply: ParseReply) => this.settle(worker, reply));
    worker.on('error', (err) => this.fail(worker, err.message));
    worker.on('exit', (code) => this.fail(worker, `the parser stopped (exit code ${code})`));
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: ParseReply): void {
    if (worker !== this.worker) return;
    const head = this.queue[0];
    if (!head || head.job.id !== reply.id) return;
    this.queue.shift();
    this.stopClock();
    if ('parsed' in reply) head.resolve(reply.parsed);
    else head.reject(new Error(reply.error));
    if (this.queue.length > 0) this.startClock();
  }

  /** The worker died or was stopped: the file it was on fails, and the ones behind it go to a new worker. */
  private fail(worker: Worker, reason: string): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.stopClock();
    void worker.terminate();
    const head = this.queue.shift();
    head?.reject(new Error(reason));
    if (this.closed || this.queue.length === 0) return;
    const replacement = this.ensureWorker();
    for (const pending of this.queue) replacement.postMessage(pending.job);
    this.startClock();
  }

  private startClock(): void {
    const head = this.queue[0];
    if (!head || !this.worker) return;
    const worker = this.worker;
    // Busy, the worker keeps the process alive (a CLI awaiting its bank); idle, it must not.
    worker.ref();
    const budget = this.budgetMs(head.job.bytes.byteLength);
    this.timer = setTimeout(() => this.fail(worker, `parsing took longer than ${Math.round(budget / 1000)} s`), budget);
    this.timer.unref();
  }

  private stopClock(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.worker?.unref();
  }
}
