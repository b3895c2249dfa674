import type { Store } from '../../store/store.js';
import type { WorkspaceRef } from '../refs.js';
import { suggestionBookKey, suggestionSettingsKey } from './keys.js';
import type { Suggestion, SuggestionBook, SuggestionSettings } from './types.js';

/** Decided suggestions kept per workspace (for `suggest mine` and the dashboard); counts outlive them. */
const KEEP_DECIDED = 2_000;

export const emptyBook = (): SuggestionBook => ({ seq: 0, items: [], contributed: {} });

export async function readBook(store: Store, ws: WorkspaceRef): Promise<SuggestionBook> {
  return (await store.get<SuggestionBook>(suggestionBookKey(ws))) ?? emptyBook();
}

/**
 * Changes the book atomically. `fn` may run more than once (a conflict with another process), so it
 * is pure and says what it did through its return value, read after the write.
 */
export async function changeBook<R>(store: Store, ws: WorkspaceRef, fn: (book: SuggestionBook) => { book: SuggestionBook; result: R }): Promise<R> {
  let result: R | undefined;
  await store.update<SuggestionBook>(suggestionBookKey(ws), (current) => {
    const out = fn(structuredClone(current ?? emptyBook()));
    result = out.result;
    return prune(out.book);
  });
  return result as R;
}

function prune(book: SuggestionBook): SuggestionBook {
  const decided = book.items.filter((s) => s.state !== 'pending');
  if (decided.length <= KEEP_DECIDED) return book;
  const drop = new Set(decided.slice(0, decided.length - KEEP_DECIDED).map((s) => s.id));
  return { ...book, items: book.items.filter((s) => !drop.has(s.id)) };
}

export function findSuggestion(book: SuggestionBook, id: string): Suggestion | undefined {
  return book.items.find((s) => s.id === id);
}

export async function readSettings(store: Store, ws: WorkspaceRef): Promise<SuggestionSettings> {
  return (await store.get<SuggestionSettings>(suggestionSettingsKey(ws))) ?? { modChannel: null };
}

export async function saveSettings(store: Store, ws: WorkspaceRef, settings: SuggestionSettings): Promise<void> {
  await store.set(suggestionSettingsKey(ws), settings);
}
