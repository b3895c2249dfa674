import type { Store } from '../../store/store.js';
import { OVERLAY_GENERATION_KEY, OVERLAY_KEY } from './keys.js';
import { type OverlayChange, emptyOverlay, readOverlay } from './record.js';
import type { OverlayRecord } from './types.js';

/** Where the overlay record lives: the store (shared by every process on it), or memory (tests, tools). */
export interface OverlaySource {
  /** The stored generation: one small read, made before serving to learn whether the record changed. */
  generation(): Promise<number>;
  /** Throws OverlayUnreadable when the stored record is not one this version can read. */
  read(): Promise<OverlayRecord>;
  /** Applies a change atomically (retried on a concurrent write); returns the record as it now stands. */
  change(change: OverlayChange): Promise<OverlayRecord>;
}

export class OverlayUnreadable extends Error {
  constructor() {
    super('the bank overlay in the store (bank:overlay) is not one this version of Recall can read; it is left as it is');
    this.name = 'OverlayUnreadable';
  }
}

export function storeOverlaySource(store: Store): OverlaySource {
  return {
    generation: async () => (await store.get<number>(OVERLAY_GENERATION_KEY)) ?? 0,
    async read() {
      const record = readOverlay(await store.get<unknown>(OVERLAY_KEY));
      if (!record) throw new OverlayUnreadable();
      return record;
    },
    change: (change) =>
      // One transaction over the record and its generation: two processes changing it at once both land,
      // one after the other (transact runs fn again on a conflict), and no reader sees one without the other.
      store.transact({ keys: [OVERLAY_KEY, OVERLAY_GENERATION_KEY] }, (snap) => {
        const current = readOverlay(snap.value<unknown>(OVERLAY_KEY));
        if (!current) throw new OverlayUnreadable();
        const next = change(current);
        if (next === current) return { result: current };
        const generation = Math.max(current.generation, snap.value<number>(OVERLAY_GENERATION_KEY) ?? 0) + 1;
        const written: OverlayRecord = { ...next, generation };
        return {
          set: new Map<string, unknown>([
            [OVERLAY_KEY, written],
            [OVERLAY_GENERATION_KEY, generation],
          ]),
          result: written,
        };
      }),
  };
}

/** Changes live as long as the process: a bank service without a store. */
export function memoryOverlaySource(): OverlaySource {
  let record = emptyOverlay();
  return {
    generation: async () => record.generation,
    read: async () => record,
    async change(change) {
      const next = change(record);
      if (next !== record) record = { ...next, generation: record.generation + 1 };
      return record;
    },
  };
}
