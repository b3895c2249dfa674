import type { BankLoadResult, Question } from '../../bank/types.js';
import { type Layer, compileLayer, entryOf, isHidden, lookupQuestion, servedQuestions, touchedIds } from '../bank-overlay/layer.js';
import { emptyOverlay } from '../bank-overlay/record.js';
import type { BankEntry, OverlayRecord } from '../bank-overlay/types.js';

/**
 * The loaded bank with the overlay on top, as served: lookups by id or prefix, the served list (made when
 * first asked for after a change), and the admin's view of what the overlay did. Holds no clock and does
 * no I/O: the service swaps a reloaded bank or a new overlay record in.
 */
export interface BankView {
  loaded(): BankLoadResult;
  byId(): ReadonlyMap<string, Question>;
  overlay(): OverlayRecord;
  /** The questions that may be served, in bank order (additions last). */
  questions(): Question[];
  /** A served question by exact id; undefined for a hidden one. */
  get(id: string): Question | undefined;
  /** An exact id, or a unique prefix of one (4 characters or more). */
  find(idOrPrefix: string): Question | undefined;
  /** Like find, hidden questions included, with what the overlay did to it. */
  lookup(idOrPrefix: string): BankEntry | undefined;
  overlayEntries(): BankEntry[];
  /** Puts a record on top; false when it is the one already served (generations are unique per store). */
  setOverlay(record: OverlayRecord): boolean;
  /** Swaps in a reloaded bank and its id map; the overlay goes back on top (it is keyed by ids, which loads keep). */
  setBank(next: BankLoadResult, byId: Map<string, Question>): void;
}

/** `initialById`: the initial bank's id map when the caller made it already (in slices: see mapReloaded). */
export function createBankView(initial: BankLoadResult, initialById?: Map<string, Question>): BankView {
  let bank = initial;
  let byId = initialById ?? new Map(bank.questions.map((q) => [q.id, q]));
  let layer: Layer = compileLayer(emptyOverlay(), byId);
  let served: Question[] | null = null;

  const questions = (): Question[] => {
    served ??= servedQuestions(layer, bank.questions);
    return served;
  };
  const get = (id: string): Question | undefined => (isHidden(layer, id) ? undefined : lookupQuestion(layer, byId, id));

  return {
    loaded: () => bank,
    byId: () => byId,
    overlay: () => layer.record,
    questions,
    get,
    find(idOrPrefix) {
      const exact = get(idOrPrefix);
      if (exact) return exact;
      if (idOrPrefix.length < 4) return undefined;
      const hits = questions().filter((q) => q.id.startsWith(idOrPrefix));
      return hits.length === 1 ? hits[0] : undefined;
    },
    lookup(idOrPrefix) {
      const exact = lookupQuestion(layer, byId, idOrPrefix);
      if (exact) return entryOf(layer, exact);
      if (idOrPrefix.length < 4) return undefined;
      const ids = new Set<string>();
      for (const q of bank.questions) if (q.id.startsWith(idOrPrefix)) ids.add(q.id);
      for (const q of layer.added) if (q.id.startsWith(idOrPrefix)) ids.add(q.id);
      const [only] = ids;
      if (ids.size !== 1 || only === undefined) return undefined;
      const q = lookupQuestion(layer, byId, only);
      return q ? entryOf(layer, q) : undefined;
    },
    overlayEntries() {
      const entries: BankEntry[] = [];
      for (const id of touchedIds(layer)) {
        const q = lookupQuestion(layer, byId, id);
        if (q) entries.push(entryOf(layer, q));
      }
      return entries;
    },
    setOverlay(record) {
      if (record.generation === layer.record.generation) return false;
      layer = compileLayer(record, byId);
      served = null;
      return true;
    },
    setBank(next, nextById) {
      bank = next;
      byId = nextById;
      layer = compileLayer(layer.record, byId);
      served = null;
    },
  };
}
