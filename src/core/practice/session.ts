import type { Question } from '../../bank/types.js';
import type { ActionInvocation } from '../actions.js';
import { type UserRef, workspaceOf } from '../refs.js';
import type { Reply } from '../reply.js';
import { parsePracticeAction } from './action-ids.js';
import { applyReview } from './cards.js';
import { type ResolvedDeck, resolveDeck, resolveStoredDeck } from './deck.js';
import { endOfLocalDay, localDay } from './day.js';
import { emptyState, previewDues } from './fsrs.js';
import { dueOfScore } from './due-index.js';
import { practiceKeys } from './keys.js';
import { type Picked, nextDue, nextNew, nextWeak, walkBoard, weakestCategories } from './queue.js';
import { answerView, asPress, goneView, gradeNote, questionView, summaryView } from './replies.js';
import type { PracticeDeck, PracticeDeps, PracticeRating } from './service.js';
import { settingsOf, timezoneOf } from './settings.js';
import { liveStreak, newCountOn } from './summary.js';
import type { CardRecord, SessionRecord, SummaryRecord } from './types.js';

/** Question ids a session remembers as done; a weak session longer than this may show a card twice. */
const DONE_KEPT = 500;

export async function startSession(deps: PracticeDeps, user: UserRef, deck: PracticeDeck): Promise<Reply> {
  const resolved = resolveDeck(deps, deck);
  const now = deps.world.clock.now();
  const session: SessionRecord = {
    id: sessionId(deps),
    user: { platform: user.platform, workspaceId: user.workspaceId, userId: user.userId, ...(user.name ? { name: user.name } : {}) },
    deck,
    startedAt: now.getTime(),
    n: 1,
    current: null,
    graded: false,
    ended: false,
    reviewed: 0,
    correct: 0,
    note: null,
    lastRating: null,
    done: [],
  };
  const picked = await pickNext(deps, session, resolved, now);
  const opened: SessionRecord = picked ? { ...session, current: cardOf(picked) } : { ...session, ended: true };
  // A plain write: the session is the person's own, and a newer `practice` is meant to replace the old one.
  await deps.world.store.set(practiceKeys.session(workspaceOf(user), user.userId), opened);
  return render(deps, opened, now);
}

export async function handlePracticeAction(deps: PracticeDeps, inv: ActionInvocation): Promise<Reply> {
  const action = parsePracticeAction(inv.action);
  if (!action) {
    deps.world.logger.warn({ action: inv.action }, 'practice: a button this service does not know');
    return asPress(goneView());
  }
  const now = deps.world.clock.now();
  const key = practiceKeys.session(workspaceOf(inv.user), inv.user.userId);
  const session = await deps.world.store.get<SessionRecord>(key);
  if (!session || session.id !== action.sessionId) return asPress(goneView());
  switch (action.kind) {
    case 'stop': {
      const stopped = await deps.world.store.update<SessionRecord>(key, (s) => (s && s.id === session.id ? { ...s, ended: true } : (s as SessionRecord)));
      return asPress(await render(deps, stopped.id === session.id ? stopped : session, now));
    }
    case 'show': {
      const question = session.current ? deps.bank.get(session.current.questionId) : undefined;
      if (session.n !== action.n || session.graded || session.ended || !question) return asPress(await render(deps, session, now));
      const card = await deps.world.store.get<CardRecord>(practiceKeys.card(workspaceOf(inv.user), inv.user.userId, question.id));
      return asPress(answerView(session, question, previewDues(card?.fsrs ?? emptyState(now), now), now));
    }
    case 'grade':
      return asPress(await grade(deps, inv, session, action.n, action.rating, now));
  }
}

/** Records the grade once (a second press finds the session moved on), then brings the next card. */
async function grade(deps: PracticeDeps, inv: ActionInvocation, session: SessionRecord, n: number, rating: PracticeRating, now: Date): Promise<Reply> {
  const current = session.current;
  const question = current ? deps.bank.get(current.questionId) : undefined;
  if (!current || !question || session.n !== n || session.graded || session.ended) return render(deps, session, now);
  const outcome = await applyReview(deps, {
    user: session.user,
    questionId: question.id,
    category: question.category,
    rating,
    at: now,
    source: `practice:${session.id}:${n}`,
    timezone: await timezoneOf(deps, session.user),
    session: {
      introducedNew: current.isNew,
      advance(s, after) {
        if (!s || s.id !== session.id || s.n !== n || s.graded || s.ended) return null;
        return {
          ...s,
          graded: true,
          reviewed: s.reviewed + 1,
          correct: s.correct + (rating === 'again' ? 0 : 1),
          note: gradeNote(rating, after.fsrs.due - now.getTime()),
          lastRating: rating,
          done: [...s.done, question.id].slice(-DONE_KEPT),
        };
      },
    },
  });
  if (outcome.kind === 'applied' && deps.config.practicePoints && current.wasDue && (rating === 'good' || rating === 'easy')) {
    await deps.scoring.grade({
      kind: 'quiz',
      postId: `practice:${session.id}:${n}`,
      user: inv.user,
      channel: inv.channel,
      questionId: question.id,
      category: question.category,
      grade: 'got',
      postedAt: now,
      closesAt: new Date(now.getTime() + 60_000),
      at: now,
    });
  }
  const latest = await deps.world.store.get<SessionRecord>(practiceKeys.session(workspaceOf(session.user), session.user.userId));
  return render(deps, latest && latest.id === session.id ? latest : session, now);
}

/**
 * What the session shows now. A graded card whose successor is not picked yet (the press that graded
 * it is still running, or crashed) is moved on here, once: the write only lands while still graded.
 */
async function render(deps: PracticeDeps, session: SessionRecord, now: Date): Promise<Reply> {
  let s = session;
  if (s.graded && !s.ended) s = await advance(deps, s, now);
  const question = s.current ? deps.bank.get(s.current.questionId) : undefined;
  if (s.ended || !question) return summaryView(s, await summaryFigures(deps, s, now));
  return questionView(s, question);
}

async function advance(deps: PracticeDeps, session: SessionRecord, now: Date): Promise<SessionRecord> {
  const picked = await pickNext(deps, session, resolveStoredDeck(deps, session.deck), now);
  const key = practiceKeys.session(workspaceOf(session.user), session.user.userId);
  const next = await deps.world.store.update<SessionRecord>(key, (s) => {
    if (!s || s.id !== session.id || s.n !== session.n || !s.graded) return s as SessionRecord;
    return picked ? { ...s, n: s.n + 1, current: cardOf(picked), graded: false } : { ...s, ended: true, graded: false };
  });
  return next && next.id === session.id ? next : session;
}

function cardOf(picked: Picked): SessionRecord['current'] {
  return { questionId: picked.question.id, isNew: picked.isNew, wasDue: picked.wasDue };
}

/** Due cards first, then new ones while today's allowance lasts; a weak deck puts most-missed cards before both. */
async function pickNext(deps: PracticeDeps, session: SessionRecord, deck: ResolvedDeck, now: Date): Promise<Picked | null> {
  const user = session.user;
  const ws = workspaceOf(user);
  let effective = deck;
  const skip = new Set(session.done);
  if (deck.deck.kind === 'weak') {
    const summary = await deps.world.store.get<SummaryRecord>(practiceKeys.summary(ws, user.userId));
    const weak = await nextWeak(deps, user, summary, skip);
    if (weak) {
      const card = await deps.world.store.get<CardRecord>(practiceKeys.card(ws, user.userId, weak.id));
      return { question: weak, isNew: false, wasDue: card !== undefined && card.fsrs.due <= now.getTime() };
    }
    const categories = new Set(weakestCategories(summary));
    if (categories.size > 0) effective = { deck: deck.deck, accepts: (q: Question) => deck.accepts(q) && q.category !== null && categories.has(q.category) };
  }
  const due = await nextDue(deps, user, effective, now, deck.deck.kind === 'weak' ? skip : new Set());
  if (due) return { question: due, isNew: false, wasDue: true };
  if ((await newAllowance(deps, user, now)) <= 0) return null;
  const fresh = await nextNew(deps, user, effective);
  return fresh ? { question: fresh, isNew: true, wasDue: false } : null;
}

/** New cards a session may still introduce today, in the person's zone. */
export async function newAllowance(deps: PracticeDeps, user: UserRef, now: Date): Promise<number> {
  const [settings, summary, zone] = await Promise.all([
    settingsOf(deps, user),
    deps.world.store.get<SummaryRecord>(practiceKeys.summary(workspaceOf(user), user.userId)),
    timezoneOf(deps, user),
  ]);
  return Math.max(0, settings.newPerDay - newCountOn(summary, localDay(now, zone)));
}

async function summaryFigures(deps: PracticeDeps, session: SessionRecord, now: Date) {
  const user = session.user;
  const ws = workspaceOf(user);
  const [zone, settings, summary] = await Promise.all([timezoneOf(deps, user), settingsOf(deps, user), deps.world.store.get<SummaryRecord>(practiceKeys.summary(ws, user.userId))]);
  const deck = resolveStoredDeck(deps, session.deck);
  const tomorrowEnds = endOfLocalDay(now, zone, 1);
  let dueTomorrow = 0;
  let nextDueInMs: number | null = null;
  await walkBoard(deps, practiceKeys.due(ws, user.userId), (entry) => {
    const due = dueOfScore(entry.score);
    if (due > tomorrowEnds && nextDueInMs !== null) return false;
    const q = deps.bank.get(entry.member);
    if (!q || !deck.accepts(q)) return true;
    if (nextDueInMs === null && due > now.getTime()) nextDueInMs = due - now.getTime();
    if (due <= tomorrowEnds) dueTomorrow++;
    return true;
  });
  const today = localDay(now, zone);
  const limitReached = newCountOn(summary, today) >= settings.newPerDay ? settings.newPerDay : null;
  return { dueTomorrow, nextDueInMs, newLimitReached: limitReached, streak: summary ? liveStreak(summary, today) : 0 };
}

function sessionId(deps: PracticeDeps): string {
  let id = '';
  for (let i = 0; i < 10; i++) id += Math.floor(deps.world.random.next() * 36).toString(36);
  return id;
}
