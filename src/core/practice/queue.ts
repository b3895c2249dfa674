import type { Question } from '../../bank/types.js';
import type { BoardEntry } from '../../store/store.js';
import { type UserRef, workspaceOf } from '../refs.js';
import type { ResolvedDeck } from './deck.js';
import { dueOfScore } from './due-index.js';
import { practiceKeys } from './keys.js';
import type { PracticeDeps } from './service.js';
import type { SummaryRecord } from './types.js';

export interface Picked {
  question: Question;
  isNew: boolean;
  wasDue: boolean;
}

/** Board pages grow by this factor: the next due card is usually in the first page of 16. */
const FIRST_PAGE = 16;
const GROWTH = 8;
/** Most-missed cards a weak deck weighs at once. */
const WEAK_CANDIDATES = 200;
/** A weak deck, past its missed cards, draws from this many weakest categories. */
const WEAK_CATEGORIES = 3;

/**
 * Walks a board from the top in growing pages, handing each entry to `visit` once, until `visit` says
 * stop (returns false) or the board ends. The common case reads one small page; the worst case reads
 * the board once more than necessary in total (each page re-reads the previous one).
 */
export async function walkBoard(deps: PracticeDeps, board: string, visit: (entry: BoardEntry) => boolean): Promise<void> {
  let seen = 0;
  for (let limit = FIRST_PAGE; ; limit *= GROWTH) {
    const page = await deps.world.store.boardTop(board, limit);
    for (const entry of page.slice(seen)) if (!visit(entry)) return;
    if (page.length < limit) return;
    seen = page.length;
  }
}

/** The earliest-due card in the deck that is due at `now`, whose question is still in the bank. */
export async function nextDue(deps: PracticeDeps, user: UserRef, deck: ResolvedDeck, now: Date, skip: ReadonlySet<string> = new Set()): Promise<Question | null> {
  let found: Question | null = null;
  await walkBoard(deps, practiceKeys.due(workspaceOf(user), user.userId), (entry) => {
    if (dueOfScore(entry.score) > now.getTime()) return false;
    const q = deps.bank.get(entry.member);
    if (q && deck.accepts(q) && !skip.has(q.id)) found = q;
    return found === null;
  });
  return found;
}

/** The first question of the deck, in bank order, the person holds no card for. */
export async function nextNew(deps: PracticeDeps, user: UserRef, deck: ResolvedDeck): Promise<Question | null> {
  const [found] = await unseen(deps, user, deck, 1);
  return found ?? null;
}

/**
 * Up to `max` questions of the deck without a card, in bank order. Every card is on the due index, so
 * its members (ids only, one read) say which questions are cards: cheaper than a get per question
 * once a person holds more than a few dozen cards.
 */
export async function unseen(deps: PracticeDeps, user: UserRef, deck: ResolvedDeck, max: number): Promise<Question[]> {
  if (max <= 0) return [];
  const board = practiceKeys.due(workspaceOf(user), user.userId);
  const size = await deps.world.store.boardSize(board);
  const held = new Set(size === 0 ? [] : (await deps.world.store.boardTop(board, size)).map((e) => e.member));
  const out: Question[] = [];
  for (const q of deps.bank.all()) {
    if (out.length >= max) break;
    if (deck.accepts(q) && !held.has(q.id)) out.push(q);
  }
  return out;
}

/**
 * A weak deck's next card: the most-missed cards not yet seen in this session, most misses first and,
 * among equals, the category the person misses most; then nothing (the caller moves on to the weakest
 * categories' due and new cards).
 */
export async function nextWeak(deps: PracticeDeps, user: UserRef, summary: SummaryRecord | undefined, skip: ReadonlySet<string>): Promise<Question | null> {
  const candidates: { q: Question; misses: number }[] = [];
  await walkBoard(deps, practiceKeys.misses(workspaceOf(user), user.userId), (entry) => {
    if (entry.score <= 0) return false;
    const q = deps.bank.get(entry.member);
    if (q && q.answer !== null && !skip.has(q.id)) candidates.push({ q, misses: entry.score });
    return candidates.length < WEAK_CANDIDATES;
  });
  const rate = (category: string | null): number => missRate(summary, category);
  candidates.sort((a, b) => b.misses - a.misses || rate(b.q.category) - rate(a.q.category) || a.q.id.localeCompare(b.q.id));
  return candidates[0]?.q ?? null;
}

/** Categories by share of reviews missed, worst first; only categories with a review. */
export function weakestCategories(summary: SummaryRecord | undefined, n = WEAK_CATEGORIES): string[] {
  if (!summary) return [];
  return Object.entries(summary.categories)
    .filter(([, c]) => c.reviews > 0)
    .sort(([a, x], [b, y]) => y.misses / y.reviews - x.misses / x.reviews || y.misses - x.misses || a.localeCompare(b))
    .slice(0, n)
    .map(([name]) => name);
}

function missRate(summary: SummaryRecord | undefined, category: string | null): number {
  const c = category === null ? undefined : summary?.categories[category];
  return c && c.reviews > 0 ? c.misses / c.reviews : 0;
}
