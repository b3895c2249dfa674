import { type IndexChanges, indexChanges, indexDoc } from '../../bank/search-docs.js';
import { type SearchHow, type SearchIndex, type SearchIndexOpener, openLocalSearchIndex } from '../../bank/search-index.js';
import type { Question } from '../../bank/types.js';
import type { CoreLogger } from '../logger.js';
import { matches } from './filter.js';
import { nextTurn } from './turns.js';
import type { QuestionFilter } from './types.js';

export interface SearchFollower {
  search(how: SearchHow, text: string, filter: QuestionFilter, limit: number): Promise<Question[]>;
  /** Builds the index now, in the background, rather than on the first search. */
  start(): void;
  /** The served list changed: a built index starts catching up at once, so the next search need not wait as long. */
  followChange(): void;
}

/**
 * The search index over the served list. Built on the first search, or at start when asked (see
 * BankServiceOptions.search). Once built, it follows the served list (reloads, overlay changes) by
 * updating only what changed; searches wait for a build or update under way, so none sees a question
 * that is gone. The questions go to the index a slice at a time with a turn of the event loop between,
 * so neither a build nor an update holds the bot up, wherever the index lives.
 */
export function followSearch(
  served: () => readonly Question[],
  get: (id: string) => Question | undefined,
  logger: CoreLogger,
  open: SearchIndexOpener = openLocalSearchIndex,
): SearchFollower {
  let index: Promise<SearchIndex> | null = null;
  /** The served list the index reflects (or will, once the build or update under way is done). */
  let indexed: readonly Question[] | null = null;

  const build = async (list: readonly Question[]): Promise<SearchIndex> => {
    const built = open(list.length);
    try {
      await send(built, { upsert: [], remove: [] }, list);
      const size = await built.settle();
      logger.info({ questions: size }, 'bank: search index built');
      return built;
    } catch (err) {
      built.close();
      throw err;
    }
  };
  const update = async (built: SearchIndex, previous: readonly Question[], current: readonly Question[]): Promise<SearchIndex> => {
    try {
      const { changes, counts } = await indexChanges(previous, current, nextTurn);
      await send(built, changes);
      const size = await built.settle();
      logger.info({ ...counts, questions: size }, 'bank: search index updated');
      return built;
    } catch (err) {
      // Dropped below (see keep): a worker left running would hold its whole index for nothing.
      built.close();
      throw err;
    }
  };
  // A build or update that fails drops the index (unless a newer one replaced it): the next search builds afresh.
  const keep = (next: Promise<SearchIndex>): Promise<SearchIndex> => {
    index = next;
    next.catch((err: unknown) => {
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
      return keep(build(current));
    }
    if (indexed !== current) {
      const previous = indexed ?? [];
      indexed = current;
      return keep(
        index.then(
          (built) => update(built, previous, current),
          () => build(current),
        ),
      );
    }
    return index;
  };

  return {
    async search(how, text, f, limit) {
      if (text.trim() === '') return [];
      const built = await searchIndex();
      const hits: Question[] = [];
      // The index filtered already; a question hidden or changed since it answered is checked again here.
      for (const id of await built.search(how, text, limit, f)) {
        const q = get(id);
        if (q && matches(q, f)) hits.push(q);
      }
      return hits;
    },
    start() {
      void searchIndex();
    },
    followChange() {
      if (index) void searchIndex();
    },
  };
}

/**
 * Sends changes (and `more` questions to add) a slice at a time, a turn of the event loop between, without
 * waiting for each to be applied (a worker works through them meanwhile); resolves when all are in.
 */
async function send(index: SearchIndex, changes: IndexChanges, more: readonly Question[] = []): Promise<void> {
  const sent: Promise<void>[] = [];
  const post = (part: IndexChanges): void => {
    const done = index.apply(part);
    // Awaited together below; a failure must not count as unhandled while later slices are being sent.
    done.catch(() => undefined);
    sent.push(done);
  };
  const slice = index.slice;
  for (let i = 0; i < changes.remove.length; i += slice * 10) post({ upsert: [], remove: changes.remove.slice(i, i + slice * 10) });
  for (let i = 0; i < changes.upsert.length; i += slice) {
    if (sent.length > 0) await nextTurn();
    post({ upsert: changes.upsert.slice(i, i + slice), remove: [] });
  }
  for (let i = 0; i < more.length; i += slice) {
    if (sent.length > 0) await nextTurn();
    post({ upsert: more.slice(i, i + slice).map(indexDoc), remove: [] });
  }
  await Promise.all(sent);
}
