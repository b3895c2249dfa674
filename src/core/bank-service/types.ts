import type { SearchIndexOpener } from '../../bank/search-index.js';
import type { BankWarning, Difficulty, Question } from '../../bank/types.js';
import type { BankEdits } from '../bank-overlay/edits.js';
import type { BankEntry, OverlayRecord } from '../bank-overlay/types.js';
import type { CoreLogger } from '../logger.js';

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
   * Full-text search (src/bank/search-index.ts): the best matches first. The index is built at start or
   * on the first search (see BankServiceOptions.search), a slice at a time, and brought up to date after
   * each reload and overlay change; a search made meanwhile waits for it.
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
  search?: {
    /** Where the index lives: in this thread unless given (the bot gives a worker thread, src/io/search-worker-client.ts). */
    open?: SearchIndexOpener;
    /** Build it in the background once the bank is served, rather than on the first search. */
    atStart?: boolean;
  };
}
