import type { BankLoadResult, Question } from '../bank/types.js';
import type { Store } from '../store/store.js';
import { type IdKeeper, createIdKeeper } from './bank-ids/keeper.js';
import { createBankEdits } from './bank-overlay/edits.js';
import { type OverlaySource, memoryOverlaySource, storeOverlaySource } from './bank-overlay/source.js';
import { categoryCounts, matches, resolveCategories } from './bank-service/filter.js';
import { followOverlay } from './bank-service/overlay-follow.js';
import { mapReloaded } from './bank-service/reload.js';
import { type SearchFollower, followSearch } from './bank-service/search.js';
import type { BankService, BankServiceOptions } from './bank-service/types.js';
import { createBankView } from './bank-service/view.js';
import { type CoreLogger, silentLogger } from './logger.js';

export type { BankService, BankServiceOptions, QuestionFilter, ReloadSummary } from './bank-service/types.js';

/**
 * The bank service of a running Recall: the ids edited questions kept are read from and written to the
 * store, so they survive a restart (files edited while it was down, or a Recall whose id scheme changed)
 * and are the same in every process sharing the store; so is the overlay.
 */
export async function openBankService(initial: BankLoadResult, load: () => Promise<BankLoadResult>, options: BankServiceOptions & { store: Store }): Promise<BankService> {
  const logger = options.logger ?? silentLogger;
  const keeper = createIdKeeper(logger, options.store);
  const settled = await keeper.settle(initial);
  // The id map in slices: for 100,000 questions in one piece it held the loop ~100 ms at start.
  const { byId } = await mapReloaded(new Map(), settled.questions);
  const { service, searching } = serviceOver(settled, load, keeper, storeOverlaySource(options.store), logger, options, byId);
  await service.refresh();
  // After the overlay is in, so the index is built over what is served, not built and then updated.
  if (options.search?.atStart) searching.start();
  return service;
}

/**
 * A bank service without the id record (tests, tools): edited questions keep their ids across reloads
 * only. With a store the overlay lives in it (read on the first refresh); without one, in memory.
 */
export function createBankService(initial: BankLoadResult, load: () => Promise<BankLoadResult>, options: BankServiceOptions & { store?: Store } = {}): BankService {
  const logger = options.logger ?? silentLogger;
  const source = options.store ? storeOverlaySource(options.store) : memoryOverlaySource();
  const { service, searching } = serviceOver(initial, load, createIdKeeper(logger, undefined, initial.questions), source, logger, options);
  if (options.search?.atStart) searching.start();
  return service;
}

/**
 * Puts the parts together (bank-service/): the served view, the overlay kept in step with the store,
 * the search index following both, and reloads.
 */
function serviceOver(
  initial: BankLoadResult,
  load: () => Promise<BankLoadResult>,
  keeper: IdKeeper,
  source: OverlaySource,
  logger: CoreLogger,
  options: BankServiceOptions,
  initialById?: Map<string, Question>,
): { service: BankService; searching: SearchFollower } {
  const view = createBankView(initial, initialById);
  let version = 1;
  const searching = followSearch(view.questions, view.get, logger, options.search?.open);
  const overlay = followOverlay(
    source,
    () => view.overlay().generation,
    (record) => {
      if (!view.setOverlay(record)) return false;
      version++;
      searching.followChange();
      return true;
    },
    logger,
  );

  const service: BankService = {
    version: () => version,
    all: () => view.questions(),
    get: view.get,
    find: view.find,
    filter: (f) => view.questions().filter((q) => matches(q, f)),
    search: (text, f = {}, limit = 10) => searching.search('search', text, f, limit),
    suggest: (text, f = {}, limit = 10) => searching.search('suggest', text, f, limit),
    categories: () => categoryCounts(view.questions()),
    resolveCategories: (input) => resolveCategories(view.questions(), input),
    warnings: () => view.loaded().warnings,
    async reload() {
      const next = await keeper.settle(await load());
      const { byId, added, removed } = await mapReloaded(view.byId(), next.questions);
      view.setBank(next, byId);
      version++;
      await service.refresh();
      searching.followChange();
      return { total: next.questions.length, added, removed, warnings: next.warnings.length };
    },
    refresh: overlay.refresh,
    lookup: view.lookup,
    overlayEntries: view.overlayEntries,
    overlay: view.overlay,
    edits: createBankEdits({ source, lookup: view.lookup, install: overlay.install }),
  };
  return { service, searching };
}
