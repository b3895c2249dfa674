import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { BankFile, BankWarning } from '../bank/types.js';
import type { Packed } from './pack.js';
import { prepareWorker, startWorker, workerModule } from './worker-start.js';

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

const WORKER = workerModule(import.meta.url, 'parse-worker', 'recall-parse-worker-');

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
    if (!this.worker) await prepareWorker(WORKER);
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
    const worker = startWorker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_MB }, workerData: { sqlWasm: SQL_WASM } });
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
