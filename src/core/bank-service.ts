import type { BankLoadResult, BankWarning, Difficulty, Question } from '../bank/types.js';
import { type SearchIndex, buildSearchIndex } from '../bank/search-index.js';
import type { Store } from '../store/store.js';
import { type IdKeeper, createIdKeeper } from './bank-ids/keeper.js';
import { type BankEdits, createBankEdits } from './bank-overlay/edits.js';
import { type Layer, compileLayer, entryOf, isHidden, lookupQuestion, servedQuestions, touchedIds } from './bank-overlay/layer.js';
import { emptyOverlay } from './bank-overlay/record.js';
import { type OverlaySource, memoryOverlaySource, storeOverlaySource } from './bank-overlay/source.js';
import type { BankEntry, OverlayRecord } from './bank-overlay/types.js';
import { type CoreLogger, silentLogger } from './logger.js';

export interface QuestionFilter {
  /** Category names as the bank has them (see `resolveCategories`). */
  categories?: readonly string[];
  tags?: readonly string[];
  /** Levels to keep; questions without a difficulty are left out when this is set. */
  difficulties?: readonly Difficulty[];
  answeredOnly?: boolean;
}

export interface ReloadSummary {
  total: number;
  added: number;
  removed: number;
  warnings: number;
}

/**
 * The bank as the rest of the core sees it: the loaded files with the team's overlay on top (questions
 * added from approved suggestions, admins' overrides, hidden questions left out; see bank-overlay/).
 * Lookups, filters and search see only what may be served: a hidden question is as if deleted.
 */
export interface BankService {
  /** Grows on every reload and every overlay change, so caches keyed on it know when to refresh. */
  version(): number;
  all(): readonly Question[];
  get(id: string): Question | undefined;
  /** An exact id, or a unique prefix of one (people paste shortened ids). */
  find(idOrPrefix: string): Question | undefined;
  filter(filter: QuestionFilter): Question[];
  /**
   * Full-text search (src/bank/search-index.ts): the best matches first. The index is built on the first
   * search, a slice at a time, and brought up to date after each reload.
   */
  search(text: string, filter?: QuestionFilter, limit?: number): Promise<Question[]>;
  /** Like search, for a word still being typed (autocomplete, the dashboard's filter box). */
  suggest(text: string, filter?: QuestionFilter, limit?: number): Promise<Question[]>;
  categories(): { name: string; questions: number; answered: number }[];
  /**
   * What a person typed (`ai`, `rag`, `fine`) → the categories it means: an exact name first, then
   * names with a word starting with it, then names containing it; tags match like a category.
   */
  resolveCategories(input: string): string[];
  warnings(): readonly BankWarning[];
  reload(): Promise<ReloadSummary>;
  /**
   * Brings in overlay changes made by other processes sharing the store: one read of a small generation
   * number, and the record only when it moved. The engine calls it before every command, button and
   * reaction, and the daily scheduler before each post; concurrent calls share one read. A store that
   * cannot be read leaves the last overlay in place (logged), so serving never fails on it.
   */
  refresh(): Promise<void>;
  /** A question as an admin sees it, hidden ones included, with what the overlay did to it. */
  lookup(idOrPrefix: string): BankEntry | undefined;
  /** Every question the overlay adds, overrides or hides, in bank order (additions last). */
  overlayEntries(): BankEntry[];
  /** The overlay record as this process serves it (for export). */
  overlay(): OverlayRecord;
  /** Changes to the overlay: add, edit, revert, hide, unhide, remove. */
  edits: BankEdits;
}

export interface BankServiceOptions {
  /** Where a reload says which edited questions kept their ids. */
  logger?: CoreLogger;
}

/**
 * The bank service of a running Recall: the ids edited questions kept are read from and written to the
 * store, so they survive a restart (files edited while it was down, or a Recall whose id scheme changed)
 * and are the same in every process sharing the store; so is the overlay.
 */
export async function openBankService(initial: BankLoadResult, load: () => Promise<BankLoadResult>, options: BankServiceOptions & { store: Store }): Promise<BankService> {
  const logger = options.logger ?? silentLogger;
  const keeper = createIdKeeper(logger, options.store);
  const service = serviceOver(await keeper.settle(initial), load, keeper, storeOverlaySource(options.store), logger);
  await service.refresh();
  return service;
}

/**
 * A bank service without the id record (tests, tools): edited questions keep their ids across reloads
 * only. With a store the overlay lives in it (read on the first refresh); without one, in memory.
 */
export function createBankService(initial: BankLoadResult, load: () => Promise<BankLoadResult>, options: BankServiceOptions & { store?: Store } = {}): BankService {
  const logger = options.logger ?? silentLogger;
  const source = options.store ? storeOverlaySource(options.store) : memoryOverlaySource();
  return serviceOver(initial, load, createIdKeeper(logger, undefined, initial.questions), source, logger);
}

function serviceOver(initial: BankLoadResult, load: () => Promise<BankLoadResult>, keeper: IdKeeper, source: OverlaySource, logger: CoreLogger): BankService {
  let bank = initial;
  let byId = new Map(bank.questions.map((q) => [q.id, q]));
  let layer: Layer = compileLayer(emptyOverlay(), byId);
  /** The served list, made when first asked for after a change. */
  let served: Question[] | null = null;
  let version = 1;
  /** Counts installs, so a refresh that read before a local write does not put the older record back. */
  let installs = 0;
  let refreshing: Promise<void> | null = null;

  const questions = (): Question[] => {
    served ??= servedQuestions(layer, bank.questions);
    return served;
  };
  const get = (id: string): Question | undefined => (isHidden(layer, id) ? undefined : lookupQuestion(layer, byId, id));
  const install = (record: OverlayRecord): void => {
    // Generations are unique per store: an equal one is the record already served (a change that changed nothing).
    if (record.generation === layer.record.generation) return;
    layer = compileLayer(record, byId);
    served = null;
    installs++;
    version++;
    followChange();
  };
  const lookup = (idOrPrefix: string): BankEntry | undefined => {
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
  };

  // Built on the first search, not at start: a bot nobody searches pays nothing for it. Once built, it
  // follows the served list (reloads, overlay changes) by updating only what changed, in slices; searches
  // wait for an update under way, so none sees a question that is gone.
  let index: Promise<SearchIndex> | null = null;
  /** The served list the index reflects (or will, once the build or update under way is done). */
  let indexed: readonly Question[] | null = null;
  // A build or update that fails drops the index (unless a newer one replaced it): the next search builds afresh.
  const keep = (next: Promise<SearchIndex>, done: (built: SearchIndex) => void): Promise<SearchIndex> => {
    index = next;
    next.then(done, (err: unknown) => {
      logger.error({ err }, 'bank: building the search index failed; the next search tries again');
      if (index === next) {
        index = null;
        indexed = null;
      }
    });
    return next;
  };
  const searchIndex = (): Promise<SearchIndex> => {
    const current = questions();
    if (!index) {
      indexed = current;
      return keep(buildSearchIndex(current, nextTurn), (built) => logger.info({ questions: built.size }, 'bank: search index built'));
    }
    if (indexed !== current) {
      const previous = indexed ?? [];
      indexed = current;
      const update = index.then(
        async (built) => {
          const counts = await built.update(previous, current, nextTurn);
          logger.info({ ...counts, questions: built.size }, 'bank: search index updated');
          return built;
        },
        () => buildSearchIndex(current, nextTurn),
      );
      return keep(update, () => undefined);
    }
    return index;
  };
  /** Starts bringing a built index up to date at once after a change, so the next search need not wait as long. */
  const followChange = (): void => {
    if (index) void searchIndex();
  };
  const search = async (how: 'search' | 'suggest', text: string, f: QuestionFilter, limit: number): Promise<Question[]> => {
    if (text.trim() === '') return [];
    const built = await searchIndex();
    const hits: Question[] = [];
    for (const id of built[how](text, limit, (id) => {
      const q = get(id);
      return q !== undefined && matches(q, f);
    })) {
      const q = get(id);
      if (q) hits.push(q);
    }
    return hits;
  };

  const service: BankService = {
    version: () => version,
    all: () => questions(),
    get,
    find(idOrPrefix) {
      const exact = get(idOrPrefix);
      if (exact) return exact;
      if (idOrPrefix.length < 4) return undefined;
      const hits = questions().filter((q) => q.id.startsWith(idOrPrefix));
      return hits.length === 1 ? hits[0] : undefined;
    },
    filter: (f) => questions().filter((q) => matches(q, f)),
    search: (text, f = {}, limit = 10) => search('search', text, f, limit),
    suggest: (text, f = {}, limit = 10) => search('suggest', text, f, limit),
    categories() {
      const counts = new Map<string, { questions: number; answered: number }>();
      for (const q of questions()) {
        if (q.category === null) continue;
        const c = counts.get(q.category) ?? { questions: 0, answered: 0 };
        c.questions++;
        if (q.answer !== null) c.answered++;
        counts.set(q.category, c);
      }
      return [...counts.entries()].map(([name, c]) => ({ name, ...c })).sort((a, b) => a.name.localeCompare(b.name));
    },
    resolveCategories(input) {
      const needle = input.trim().toLowerCase();
      if (needle === '') return [];
      const all = questions();
      const names = [...new Set(all.map((q) => q.category).filter((c): c is string => c !== null))];
      const exact = names.filter((n) => n.toLowerCase() === needle);
      if (exact.length > 0) return exact;
      const word = names.filter((n) =>
        n
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .some((w) => w.startsWith(needle)),
      );
      if (word.length > 0) return word;
      const within = names.filter((n) => n.toLowerCase().includes(needle));
      if (within.length > 0) return within;
      const tagged = new Set(
        all
          .filter((q) => q.tags.some((t) => t.toLowerCase() === needle))
          .map((q) => q.category)
          .filter((c): c is string => c !== null),
      );
      return [...tagged];
    },
    warnings: () => bank.warnings,
    async reload() {
      const next = await keeper.settle(await load());
      // Built in slices with a turn between: for 100,000 questions in one piece this held the loop ~150 ms.
      const nextById = new Map<string, Question>();
      let added = 0;
      for (let i = 0; i < next.questions.length; i++) {
        const q = next.questions[i] as Question;
        if (!nextById.has(q.id) && !byId.has(q.id)) added++;
        nextById.set(q.id, q);
        if (i % RELOAD_SLICE === RELOAD_SLICE - 1) await nextTurn();
      }
      let removed = 0;
      let seen = 0;
      for (const id of byId.keys()) {
        if (!nextById.has(id)) removed++;
        if (++seen % RELOAD_SLICE === 0) await nextTurn();
      }
      bank = next;
      byId = nextById;
      // The overlay goes on top of every load: overrides and hides are keyed by id, which loads keep.
      layer = compileLayer(layer.record, byId);
      served = null;
      version++;
      await service.refresh();
      followChange();
      return { total: next.questions.length, added, removed, warnings: next.warnings.length };
    },
    refresh() {
      refreshing ??= (async () => {
        const before = installs;
        try {
          const generation = await source.generation();
          if (generation === layer.record.generation) return;
          const record = await source.read();
          if (installs === before) install(record);
        } catch (err) {
          logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'could not read the bank overlay; serving the last one read');
        } finally {
          refreshing = null;
        }
      })();
      return refreshing;
    },
    lookup,
    overlayEntries() {
      const entries: BankEntry[] = [];
      for (const id of touchedIds(layer)) {
        const q = lookupQuestion(layer, byId, id);
        if (q) entries.push(entryOf(layer, q));
      }
      return entries;
    },
    overlay: () => layer.record,
    edits: createBankEdits({ source, lookup, install }),
  };
  return service;
}

/** Questions looked at between two turns of the event loop while a reload swaps the bank in. */
const RELOAD_SLICE = 10_000;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function matches(q: Question, f: QuestionFilter): boolean {
  if (f.answeredOnly && q.answer === null) return false;
  if (f.difficulties && f.difficulties.length > 0 && (q.difficulty === null || !f.difficulties.includes(q.difficulty))) return false;
  if (f.categories && f.categories.length > 0 && (q.category === null || !f.categories.includes(q.category))) return false;
  if (f.tags && f.tags.length > 0) {
    const tags = q.tags.map((t) => t.toLowerCase());
    if (!f.tags.some((t) => tags.includes(t.toLowerCase()))) return false;
  }
  return true;
}
