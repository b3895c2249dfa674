import type { TransactionPlan, TransactionSnapshot } from '../../store/store.js';
import { type UserRef, workspaceOf } from '../refs.js';
import { localDay } from './day.js';
import { emptyState, isMastered, review } from './fsrs.js';
import { dueScore } from './due-index.js';
import { practiceKeys } from './keys.js';
import type { PracticeDeps, PracticeRating } from './service.js';
import { applyToSummary, emptySummary } from './summary.js';
import type { CardRecord, SessionRecord, SummaryRecord } from './types.js';

/** How many applied sources a card remembers: far more than a redelivery can be late by. */
const RECENT_SOURCES = 16;

export interface ReviewInput {
  user: UserRef;
  questionId: string;
  category: string | null;
  rating: PracticeRating;
  at: Date;
  /** Unique per grade event; the same source twice records once. */
  source: string;
  timezone: string;
  /**
   * A practice session's review: the session is read in the same transaction and `advance` says what
   * it becomes, or null when the press is stale (another press got there first): then nothing is written.
   */
  session?: { advance(current: SessionRecord | undefined, after: CardRecord): SessionRecord | null; introducedNew: boolean };
}

export type ReviewOutcome = { kind: 'applied'; before: CardRecord | undefined; after: CardRecord } | { kind: 'repeat' };

/**
 * One review of one card: the card, the person's due index and miss count, their summary and (for a
 * practice press) their session land in one store transaction, so a crash leaves all or none, and a
 * repeat of the same source finds it on the card and writes nothing.
 */
export async function applyReview(deps: PracticeDeps, input: ReviewInput): Promise<ReviewOutcome> {
  const ws = workspaceOf(input.user);
  const { userId } = input.user;
  const keys = {
    card: practiceKeys.card(ws, userId, input.questionId),
    summary: practiceKeys.summary(ws, userId),
    session: practiceKeys.session(ws, userId),
    due: practiceKeys.due(ws, userId),
    misses: practiceKeys.misses(ws, userId),
    people: practiceKeys.people(ws),
  };
  const read = {
    keys: input.session ? [keys.card, keys.summary, keys.session] : [keys.card, keys.summary],
    scores: [{ board: keys.due, member: input.questionId }],
  };
  return deps.world.store.transact(read, (snapshot) => decide(input, keys, snapshot));
}

function decide(
  input: ReviewInput,
  keys: { card: string; summary: string; session: string; due: string; misses: string; people: string },
  snapshot: TransactionSnapshot,
): TransactionPlan<ReviewOutcome> {
  const before = snapshot.value<CardRecord>(keys.card);
  if (before?.recent.includes(input.source)) return { result: { kind: 'repeat' } };
  const fsrs = review(before?.fsrs ?? emptyState(input.at), input.rating, input.at);
  const missed = input.rating === 'again';
  const after: CardRecord = {
    questionId: input.questionId,
    category: input.category,
    fsrs,
    misses: (before?.misses ?? 0) + (missed ? 1 : 0),
    recent: [...(before?.recent ?? []), input.source].slice(-RECENT_SOURCES),
  };
  const set = new Map<string, unknown>([[keys.card, after]]);
  if (input.session) {
    const session = input.session.advance(snapshot.value<SessionRecord>(keys.session), after);
    if (!session) return { result: { kind: 'repeat' } };
    set.set(keys.session, session);
  }
  const summary = applyToSummary(snapshot.value<SummaryRecord>(keys.summary) ?? emptySummary(), {
    created: before === undefined,
    fromCategory: before?.category ?? null,
    toCategory: input.category,
    wasMastered: before !== undefined && isMastered(before.fsrs),
    isMastered: isMastered(fsrs),
    missed,
    day: localDay(input.at, input.timezone),
    practice: input.session ? { introducedNew: input.session.introducedNew && before === undefined } : null,
  });
  set.set(keys.summary, summary);
  const boardAdds = [{ board: keys.due, member: input.questionId, delta: dueScore(fsrs.due) - (snapshot.score(keys.due, input.questionId) ?? 0) }];
  if (missed) boardAdds.push({ board: keys.misses, member: input.questionId, delta: 1 });
  // Delta 0 only puts the person on the board: the list of practising people a reminder walks.
  if (before === undefined) boardAdds.push({ board: keys.people, member: input.user.userId, delta: 0 });
  return { set, boardAdds, result: { kind: 'applied', before, after } };
}
