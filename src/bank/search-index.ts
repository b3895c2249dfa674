import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Question } from './types.js';

/**
 * Full-text search over the bank (MiniSearch): question, answer, category and tags, split on word
 * boundaries, with prefix and typo-tolerant matching. A word in the question counts three times one in
 * the answer, so `LoRA` finds the question about LoRA before answers that mention it in passing.
 *
 * The index holds ids only (no stored fields): the bank service maps hits back to its questions, so a
 * 100,000-question bank is not kept twice.
 */
export interface SearchIndex {
  /** Ids of the best matches, best first; `accept` filters before the limit is applied. */
  search(text: string, limit: number, accept?: (id: string) => boolean): string[];
  /** Ids of the best matches for a partial word as someone types it (autocomplete, the dashboard filter). */
  suggest(text: string, limit: number, accept?: (id: string) => boolean): string[];
  /** Adds, replaces and drops questions so the index matches `next` (the bank after a reload). */
  update(previous: readonly Question[], next: readonly Question[], pause: () => Promise<void>): Promise<UpdateCounts>;
  readonly size: number;
}

export interface UpdateCounts {
  added: number;
  replaced: number;
  removed: number;
}

/** Questions indexed between two turns of the event loop, so a big bank never blocks the bot for long. */
export const INDEX_SLICE = 250;

/** The share of discarded questions in the index at which update() vacuums it. */
const VACUUM_AT = 0.1;

const FIELDS = ['question', 'answer', 'category', 'tags'] as const;
const BOOST: Record<(typeof FIELDS)[number], number> = { question: 3, category: 2, tags: 2, answer: 1 };

/**
 * Words too common to tell questions apart. Dropped from the index and from queries alike, so "how does
 * LoRA work" means LoRA and work, and the index stays smaller.
 */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how in is it its of on or that the this to was what when where which who why will with you your'.split(' '),
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

function extractField(q: Question, field: string): string {
  switch (field) {
    case 'id':
      return q.id;
    case 'question':
      return q.question;
    case 'answer':
      return q.answer ?? '';
    case 'category':
      return q.category ?? '';
    case 'tags':
      return q.tags.join(' ');
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

function newMiniSearch(): MiniSearch<Question> {
  return new MiniSearch<Question>({
    fields: [...FIELDS],
    idField: 'id',
    extractField,
    processTerm,
    searchOptions: SEARCH, // Vacuumed by update() itself: MiniSearch's own background vacuum walks the tree while updates change it.
    autoVacuum: false,
  });
}

/** Builds the index a slice at a time, `pause` between slices (the bank service passes a turn of the event loop). */
export async function buildSearchIndex(questions: readonly Question[], pause: () => Promise<void>): Promise<SearchIndex> {
  const mini = newMiniSearch();
  for (let i = 0; i < questions.length; i += INDEX_SLICE) {
    if (i > 0) await pause();
    mini.addAll(uniqueSlice(mini, questions, i));
  }
  return over(mini);
}

/** A bank's ids are unique; a slice still skips one already indexed rather than letting MiniSearch throw. */
function uniqueSlice(mini: MiniSearch<Question>, questions: readonly Question[], from: number): Question[] {
  return questions.slice(from, from + INDEX_SLICE).filter((q) => !mini.has(q.id));
}

function over(mini: MiniSearch<Question>): SearchIndex {
  const run = (text: string, limit: number, accept: ((id: string) => boolean) | undefined, extra: SearchOptions): string[] => {
    const filter = accept ? (r: { id: string }) => accept(r.id) : undefined;
    // Every word first; when no question has them all, the ones with the most of them.
    let hits = mini.search(text, { ...extra, combineWith: 'AND', ...(filter ? { filter } : {}) });
    if (hits.length === 0) hits = mini.search(text, { ...extra, combineWith: 'OR', ...(filter ? { filter } : {}) });
    return hits.slice(0, limit).map((h) => h.id as string);
  };
  return {
    get size() {
      return mini.documentCount;
    },
    search: (text, limit, accept) => run(text, limit, accept, {}),
    // While typing, the last word is usually cut short: prefix matching does the work, fuzziness would add noise.
    suggest: (text, limit, accept) => run(text, limit, accept, { fuzzy: typos(6) }),
    async update(previous, next, pause) {
      const old = new Map<string, Question>();
      for (let i = 0; i < previous.length; i++) {
        const q = previous[i] as Question;
        old.set(q.id, q);
        if (i % (INDEX_SLICE * 10) === INDEX_SLICE * 10 - 1) await pause();
      }
      const counts: UpdateCounts = { added: 0, replaced: 0, removed: 0 };
      const seen = new Set<string>();
      for (let i = 0; i < next.length; i++) {
        const q = next[i] as Question;
        if (seen.has(q.id)) continue;
        seen.add(q.id);
        const before = old.get(q.id);
        if (!before || !mini.has(q.id)) {
          mini.add(q);
          counts.added++;
        } else if (!sameText(before, q)) {
          mini.replace(q);
          counts.replaced++;
        }
        if (i % INDEX_SLICE === INDEX_SLICE - 1) await pause();
      }
      let looked = 0;
      for (const id of old.keys()) {
        if (!seen.has(id) && mini.has(id)) {
          mini.discard(id);
          counts.removed++;
        }
        if (++looked % (INDEX_SLICE * 10) === 0) await pause();
      }
      // Replaced and removed questions leave their words behind, skipped at search time; cleared once they
      // are a tenth of the index, in batches with a turn between (searches wait for the update, this included).
      if (mini.dirtCount > 0 && mini.dirtFactor >= VACUUM_AT) await mini.vacuum({ batchSize: INDEX_SLICE, batchWait: 0 });
      return counts;
    },
  };
}

function sameText(a: Question, b: Question): boolean {
  return a.question === b.question && a.answer === b.answer && a.category === b.category && a.tags.join('\n') === b.tags.join('\n');
}
