import MiniSearch, { type SearchOptions } from 'minisearch';
import type { IndexChanges, IndexDoc } from './search-docs.js';
import type { Difficulty } from './types.js';

/**
 * Full-text search over the bank (MiniSearch): question, answer, category and tags, split on word
 * boundaries, with prefix and typo-tolerant matching. A word in the question counts three times one in
 * the answer, so `LoRA` finds the question about LoRA before answers that mention it in passing.
 *
 * The index holds ids only (no stored fields, no text): the bank service maps hits back to its questions,
 * so a 100,000-question bank is not kept twice. Beside it, per question, the few facts a search filter
 * looks at (category, tags, level, answered), so a filtered search is answered where the index lives,
 * which may be a worker thread (src/io/search-worker.ts).
 */
export interface SearchCore {
  /** Adds or replaces `upsert` (by id) and drops `remove`. */
  apply(changes: IndexChanges): void;
  /** Ids of the best matches, best first; the filter applies before the limit. */
  search(how: SearchHow, text: string, limit: number, filter?: IndexFilter): string[];
  /** Clears the words of replaced and removed questions once they are a tenth of the index, a batch at a time. */
  tidy(): Promise<void>;
  readonly size: number;
}

/** `search` for words typed in full; `suggest` for a word still being typed (autocomplete, the dashboard's filter). */
export type SearchHow = 'search' | 'suggest';

/** The same shape as the bank service's QuestionFilter, so one is passed as the other. */
export interface IndexFilter {
  categories?: readonly string[];
  tags?: readonly string[];
  difficulties?: readonly Difficulty[];
  answeredOnly?: boolean;
}

/**
 * The index as the bank service uses it: in this thread (openLocalSearchIndex) or in a worker
 * (src/io/search-worker-client.ts). Calls are answered in the order made, so a search made after
 * apply() sees what it applied.
 */
export interface SearchIndex {
  /** How many questions one apply() should carry: what the index takes between two turns of the event loop. */
  readonly slice: number;
  apply(changes: IndexChanges): Promise<void>;
  /** Resolves when everything applied so far is in, tidied up; with the number of questions indexed. */
  settle(): Promise<number>;
  search(how: SearchHow, text: string, limit: number, filter?: IndexFilter): Promise<string[]>;
  /** Frees it (a worker is stopped); later calls fail. */
  close(): void;
}

/** Opens an empty index for a bank of `questions` questions: the bank service fills it. */
export type SearchIndexOpener = (questions: number) => SearchIndex;

/** Questions indexed between two turns of the event loop when the index lives in the bot's own thread. */
export const INDEX_SLICE = 250;

/** The share of discarded questions in the index at which tidy() vacuums it. */
const VACUUM_AT = 0.1;

const FIELDS = ['question', 'answer', 'category', 'tags'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = { question: 3, category: 2, tags: 2, answer: 1 };

/**
 * Words too common to tell questions apart. Dropped from the index and from queries alike, so "how does
 * LoRA work" means LoRA and work, and the index stays smaller (each word kept costs an entry per question
 * it is in). Function words only: nothing a question could be about.
 */
const STOP_WORDS = new Set(
  (
    'a about after all also an and any are as at be been before being between both but by can could did do does doing done during each ' +
    'either else for from had has have having her here hers him his how however i if in into is it its itself just me more most my no nor ' +
    'not of off on once only or other our ours out over own same she should so some such than that the their theirs them then there these ' +
    'they this those through to too under until up upon us very was we were what when where whether which while who whom whose why will ' +
    'with within without would yet you your yours'
  ).split(' '),
);

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case without accents (`Naïve` finds `naive`); stop words dropped. */
function processTerm(term: string): string | null {
  // Most words are plain ASCII: skip the accent folding (and the strings it makes) for them.
  const folded = ASCII.test(term)
    ? term.toLowerCase()
    : term
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
  return folded === '' || STOP_WORDS.has(folded) ? null : folded;
}

function extractField(doc: IndexDoc, field: string): string {
  switch (field) {
    case 'id':
      return doc.id;
    case 'question':
      return doc.question;
    case 'answer':
      return doc.answer;
    case 'category':
      return doc.category ?? '';
    case 'tags':
      return doc.tags.join(' ');
    default:
      return '';
  }
}

/**
 * Typos forgiven in a word: none below `from` letters (`rag` is not `rnn`), one up to eight, two from
 * nine (`chunking` must not find `thinking`, two letters off).
 */
function typos(from: number): (term: string) => number | false {
  return (term) => (term.length < from ? false : term.length < 9 ? 1 : 2);
}

const SEARCH: SearchOptions = {
  boost: BOOST,
  // Whole words rank above a word they start, and both above a typo: MiniSearch weighs prefix and fuzzy hits down.
  prefix: (term) => term.length >= 2,
  fuzzy: typos(4),
};
// While typing, the last word is usually cut short: prefix matching does the work, fuzziness would add noise.
const SUGGEST: SearchOptions = { fuzzy: typos(6) };

/** What a filter looks at, per question; strings shared between questions (categories, tags). */
interface Facets {
  category: string | null;
  /** Lower case. */
  tags: readonly string[];
  difficulty: Difficulty | null;
  answered: boolean;
}

const NO_TAGS: readonly string[] = [];

export function createSearchCore(): SearchCore {
  const mini = new MiniSearch<IndexDoc>({
    fields: [...FIELDS],
    idField: 'id',
    extractField,
    processTerm,
    searchOptions: SEARCH,
    // Vacuumed by tidy() itself, between updates: MiniSearch's own background vacuum walks the tree while updates change it.
    autoVacuum: false,
  });
  const facets = new Map<string, Facets>();
  // A worker gets each question's category and tags as strings of their own: one copy of each is kept.
  const shared = new Map<string, string>();
  const share = (s: string): string => {
    const known = shared.get(s);
    if (known !== undefined) return known;
    shared.set(s, s);
    return s;
  };
  const facetsOf = (doc: IndexDoc): Facets => ({
    category: doc.category === null ? null : share(doc.category),
    tags: doc.tags.length === 0 ? NO_TAGS : doc.tags.map((t) => share(t.toLowerCase())),
    difficulty: doc.difficulty,
    answered: doc.answered,
  });
  const passes = (id: string, f: IndexFilter): boolean => {
    const q = facets.get(id);
    if (!q) return false;
    if (f.answeredOnly && !q.answered) return false;
    if (f.difficulties && f.difficulties.length > 0 && (q.difficulty === null || !f.difficulties.includes(q.difficulty))) return false;
    if (f.categories && f.categories.length > 0 && (q.category === null || !f.categories.includes(q.category))) return false;
    if (f.tags && f.tags.length > 0 && !f.tags.some((t) => q.tags.includes(t.toLowerCase()))) return false;
    return true;
  };
  const filtering = (f: IndexFilter | undefined): boolean =>
    f !== undefined && (f.answeredOnly === true || (f.difficulties?.length ?? 0) > 0 || (f.categories?.length ?? 0) > 0 || (f.tags?.length ?? 0) > 0);

  return {
    get size() {
      return mini.documentCount;
    },
    apply({ upsert, remove }) {
      for (const id of remove) {
        if (mini.has(id)) mini.discard(id);
        facets.delete(id);
      }
      for (const doc of upsert) {
        if (mini.has(doc.id)) mini.replace(doc);
        else mini.add(doc);
        facets.set(doc.id, facetsOf(doc));
      }
    },
    search(how, text, limit, f) {
      const base = how === 'suggest' ? SUGGEST : {};
      const filter = filtering(f) && f ? (r: { id: string }) => passes(r.id, f) : undefined;
      const options = filter ? { ...base, filter } : base;
      // Every word first; when no question has them all, the ones with the most of them.
      let hits = mini.search(text, { ...options, combineWith: 'AND' });
      if (hits.length === 0) hits = mini.search(text, { ...options, combineWith: 'OR' });
      return hits.slice(0, limit).map((h) => h.id as string);
    },
    async tidy() {
      if (mini.dirtCount > 0 && mini.dirtFactor >= VACUUM_AT) await mini.vacuum({ batchSize: INDEX_SLICE, batchWait: 0 });
    },
  };
}

/** The index in the bot's own thread: each apply() is one slice of work, done at once. */
export function openLocalSearchIndex(): SearchIndex {
  const core = createSearchCore();
  let closed = false;
  const open = (): SearchCore => {
    if (closed) throw new Error('the search index is closed');
    return core;
  };
  return {
    slice: INDEX_SLICE,
    apply: async (changes) => open().apply(changes),
    async settle() {
      await open().tidy();
      return core.size;
    },
    search: async (how, text, limit, filter) => open().search(how, text, limit, filter),
    close() {
      closed = true;
    },
  };
}
