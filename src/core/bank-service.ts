import type { BankLoadResult, BankWarning, Difficulty, Question } from '../bank/types.js';
import { normalizeQuestionText } from '../bank/ids.js';
import type { Store } from '../store/store.js';
import { type IdKeeper, createIdKeeper } from './bank-ids/keeper.js';
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

/** The loaded bank as the rest of the core sees it: lookups, filters, search and reload. */
export interface BankService {
  /** Grows by one on every reload, so caches keyed on it know when to refresh. */
  version(): number;
  all(): readonly Question[];
  get(id: string): Question | undefined;
  /** An exact id, or a unique prefix of one (people paste shortened ids). */
  find(idOrPrefix: string): Question | undefined;
  filter(filter: QuestionFilter): Question[];
  search(text: string, filter?: QuestionFilter, limit?: number): Question[];
  categories(): { name: string; questions: number; answered: number }[];
  /**
   * What a person typed (`ai`, `rag`, `fine`) → the categories it means: an exact name first, then
   * names with a word starting with it, then names containing it; tags match like a category.
   */
  resolveCategories(input: string): string[];
  warnings(): readonly BankWarning[];
  reload(): Promise<ReloadSummary>;
}

export interface BankServiceOptions {
  /** Where a reload says which edited questions kept their ids. */
  logger?: CoreLogger;
}

/**
 * The bank service of a running Recall: the ids edited questions kept are read from and written to the
 * store, so they survive a restart (files edited while it was down, or a Recall whose id scheme changed)
 * and are the same in every process sharing the store.
 */
export async function openBankService(initial: BankLoadResult, load: () => Promise<BankLoadResult>, options: BankServiceOptions & { store: Store }): Promise<BankService> {
  const keeper = createIdKeeper(options.logger ?? silentLogger, options.store);
  return serviceOver(await keeper.settle(initial), load, keeper);
}

/** A bank service with no store (tests, tools): edited questions keep their ids across reloads only. */
export function createBankService(initial: BankLoadResult, load: () => Promise<BankLoadResult>, options: BankServiceOptions = {}): BankService {
  return serviceOver(initial, load, createIdKeeper(options.logger ?? silentLogger, undefined, initial.questions));
}

function serviceOver(initial: BankLoadResult, load: () => Promise<BankLoadResult>, keeper: IdKeeper): BankService {
  let bank = initial;
  let byId = new Map(bank.questions.map((q) => [q.id, q]));
  let version = 1;
  return {
    version: () => version,
    all: () => bank.questions,
    get: (id) => byId.get(id),
    find(idOrPrefix) {
      const exact = byId.get(idOrPrefix);
      if (exact) return exact;
      if (idOrPrefix.length < 4) return undefined;
      const hits = bank.questions.filter((q) => q.id.startsWith(idOrPrefix));
      return hits.length === 1 ? hits[0] : undefined;
    },
    filter: (f) => bank.questions.filter((q) => matches(q, f)),
    search(text, f = {}, limit = 10) {
      const words = normalizeQuestionText(text).split(' ').filter(Boolean);
      if (words.length === 0) return [];
      const scored: { q: Question; score: number }[] = [];
      for (const q of bank.questions) {
        if (!matches(q, f)) continue;
        const haystack = normalizeQuestionText(`${q.question} ${q.category ?? ''} ${q.tags.join(' ')}`);
        if (!words.every((w) => haystack.includes(w))) continue;
        const inQuestion = words.filter((w) => normalizeQuestionText(q.question).includes(w)).length;
        scored.push({ q, score: inQuestion * 2 + (q.answer ? 1 : 0) });
      }
      return scored
        .sort((a, b) => b.score - a.score)
        .slice(0, limit)
        .map((s) => s.q);
    },
    categories() {
      const counts = new Map<string, { questions: number; answered: number }>();
      for (const q of bank.questions) {
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
      const names = [...new Set(bank.questions.map((q) => q.category).filter((c): c is string => c !== null))];
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
        bank.questions
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
      version++;
      return { total: next.questions.length, added, removed, warnings: next.warnings.length };
    },
  };
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
