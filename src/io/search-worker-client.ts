import type { Worker } from 'node:worker_threads';
import type { IndexChanges } from '../bank/search-docs.js';
import { type IndexFilter, type SearchHow, type SearchIndex, type SearchIndexOpener, openLocalSearchIndex } from '../bank/search-index.js';
import { prepareWorker, startWorker, workerModule } from './worker-start.js';

export type SearchRequest =
  | { id: number; op: 'apply'; changes: IndexChanges }
  | { id: number; op: 'settle' }
  | { id: number; op: 'search'; how: SearchHow; text: string; limit: number; filter: IndexFilter | undefined };

export type SearchReply = { id: number; value: string[] | number | null } | { id: number; error: string };

/** A request before it is numbered. */
type Ask = SearchRequest extends infer R ? (R extends SearchRequest ? Omit<R, 'id'> : never) : never;

const WORKER = workerModule(import.meta.url, 'search-worker', 'recall-search-worker-');

/**
 * Questions per message: structured-cloning 2,000 questions' words costs the bot's thread a few ms, and
 * the worker works through one message while the next is made.
 */
const WORKER_SLICE = 2_000;

export interface SearchWorkerOptions {
  /** Heap cap of the worker: an index that outgrows it stops the worker (searches fail and the next one rebuilds), not the bot. */
  maxHeapMb?: number;
}

/**
 * Below this many questions the index stays in the bot's thread: building it takes milliseconds there,
 * and a worker would cost a thread and a V8 heap (~20 MB of RSS) for nothing.
 */
export const WORKER_FROM = 5_000;

/** The bot's choice: a worker thread for a bank of WORKER_FROM questions or more (when the index is opened), this thread below. */
export function searchIndexOpener(options: SearchWorkerOptions & { workerFrom?: number } = {}): SearchIndexOpener {
  return (questions) => (questions >= (options.workerFrom ?? WORKER_FROM) ? openSearchWorker(options) : openLocalSearchIndex());
}

/**
 * Opens the bank's search index in a worker thread (search-worker.ts): the bot's thread only sends the
 * questions' words and gets ids back, so neither a build nor a search over a large bank holds it up,
 * and the index's objects are not in its heap (its collections stay short). A worker that dies fails what
 * was asked of it and everything after; the bank service then opens a new one on the next search.
 */
export function openSearchWorker(options: SearchWorkerOptions = {}): SearchIndex {
  const pending = new Map<number, { resolve: (value: SearchReply) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let failure: Error | null = null;
  let worker: Worker | null = null;

  const fail = (err: Error): void => {
    failure ??= err;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
    void worker?.terminate();
  };
  const started: Promise<Worker> = prepareWorker(WORKER).then(() => {
    const w = startWorker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 2048 } });
    worker = w;
    // Idle, the worker must not keep the process alive; busy, it must (a CLI awaiting a search).
    w.unref();
    w.on('message', (reply: SearchReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if (pending.size === 0) w.unref();
      p.resolve(reply);
    });
    w.on('error', (err) => fail(new Error(`the search index worker failed: ${err.message}`)));
    w.on('exit', (code) => fail(new Error(`the search index worker stopped (exit code ${code})`)));
    if (failure) void w.terminate();
    return w;
  });
  started.catch((err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));

  const ask = async (request: Ask): Promise<string[] | number | null> => {
    if (failure) throw failure;
    const id = nextId++;
    const reply = new Promise<SearchReply>((resolve, reject) => pending.set(id, { resolve, reject }));
    // Posted in the order asked: every call chains on the same started promise.
    const w = await started;
    if (failure) throw failure;
    w.ref();
    w.postMessage({ ...request, id } as SearchRequest);
    const answer = await reply;
    if ('error' in answer) throw new Error(answer.error);
    return answer.value;
  };

  return {
    slice: WORKER_SLICE,
    async apply(changes) {
      await ask({ op: 'apply', changes });
    },
    async settle() {
      return (await ask({ op: 'settle' })) as number;
    },
    async search(how, text, limit, filter) {
      return (await ask({ op: 'search', how, text, limit, filter })) as string[];
    },
    close() {
      fail(new Error('the search index is closed'));
    },
  };
}
