import { type SearchIndex, buildSearchIndex } from '../../bank/search-index.js';
import type { Question } from '../../bank/types.js';
import type { CoreLogger } from '../logger.js';
import { matches } from './filter.js';
import { nextTurn } from './turns.js';
import type { QuestionFilter } from './types.js';

export interface SearchFollower {
  search(how: 'search' | 'suggest', text: string, filter: QuestionFilter, limit: number): Promise<Question[]>;
  /** The served list changed: a built index starts catching up at once, so the next search need not wait as long. */
  followChange(): void;
}

/**
 * The search index over the served list. Built on the first search, not at start: a bot nobody searches
 * pays nothing for it. Once built, it follows the served list (reloads, overlay changes) by updating only
 * what changed, in slices; searches wait for an update under way, so none sees a question that is gone.
 */
export function followSearch(served: () => readonly Question[], get: (id: string) => Question | undefined, logger: CoreLogger): SearchFollower {
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
    const current = served();
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
  return {
    async search(how, text, f, limit) {
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
    },
    followChange() {
      if (index) void searchIndex();
    },
  };
}
