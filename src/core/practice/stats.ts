import { type UserRef, workspaceOf } from '../refs.js';
import { resolveDeck } from './deck.js';
import { addDays, endOfLocalDay, localDay } from './day.js';
import { dueOfScore } from './due-index.js';
import { practiceKeys } from './keys.js';
import { unseen, walkBoard } from './queue.js';
import { newAllowance } from './session.js';
import type { CategoryMastery, DueSummary, PracticeDeps, PracticeStats } from './service.js';
import { timezoneOf } from './settings.js';
import { liveStreak } from './summary.js';
import { RETENTION_DAYS, type SummaryRecord } from './types.js';

const FORECAST_DAYS = 7;

/** Due now and new still available: the due index up to now, and the bank only when few questions are left unseen. */
export async function dueSummary(deps: PracticeDeps, user: UserRef, now: Date): Promise<DueSummary> {
  const ws = workspaceOf(user);
  const all = resolveDeck(deps, { kind: 'all' });
  let due = 0;
  await walkBoard(deps, practiceKeys.due(ws, user.userId), (entry) => {
    if (dueOfScore(entry.score) > now.getTime()) return false;
    const q = deps.bank.get(entry.member);
    if (q && all.accepts(q)) due++;
    return true;
  });
  const [allowance, summary, timezone] = await Promise.all([
    newAllowance(deps, user, now),
    deps.world.store.get<SummaryRecord>(practiceKeys.summary(ws, user.userId)),
    timezoneOf(deps, user),
  ]);
  // Cards of questions gone from the bank make this a lower bound of the unseen, which is all it needs to be.
  const surelyUnseen = deps.bank.all().filter((q) => all.accepts(q)).length - (summary?.cards ?? 0);
  const newAvailable = surelyUnseen >= allowance ? allowance : (await unseen(deps, user, all, allowance)).length;
  return { due, newAvailable, timezone };
}

export async function practiceStats(deps: PracticeDeps, user: UserRef, now: Date): Promise<PracticeStats> {
  const ws = workspaceOf(user);
  const [timezone, summary] = await Promise.all([timezoneOf(deps, user), deps.world.store.get<SummaryRecord>(practiceKeys.summary(ws, user.userId))]);
  const all = resolveDeck(deps, { kind: 'all' });
  const dayEnds = Array.from({ length: FORECAST_DAYS }, (_, i) => endOfLocalDay(now, timezone, i));
  const forecast = dayEnds.map(() => 0);
  let learned = 0;
  // The whole index, once: stats are asked for rarely, and "learned" counts only questions still in the bank.
  await walkBoard(deps, practiceKeys.due(ws, user.userId), (entry) => {
    const q = deps.bank.get(entry.member);
    if (!q || !all.accepts(q)) return true;
    learned++;
    const day = dayEnds.findIndex((end) => dueOfScore(entry.score) <= end);
    if (day >= 0) forecast[day] = (forecast[day] ?? 0) + 1;
    return true;
  });
  const today = localDay(now, timezone);
  const since = addDays(today, -RETENTION_DAYS);
  let reviews30 = 0;
  let kept = 0;
  for (const [day, [reviews, notAgain]] of Object.entries(summary?.days ?? {})) {
    if (day <= since) continue;
    reviews30 += reviews;
    kept += notAgain;
  }
  return {
    learned,
    dueToday: forecast[0] ?? 0,
    dueWeek: forecast.reduce((a, b) => a + b, 0),
    forecast,
    retention: reviews30 === 0 ? null : kept / reviews30,
    reviews30,
    streak: summary ? liveStreak(summary, today) : 0,
    bestStreak: summary?.bestStreak ?? 0,
    mastery: mastery(deps, summary),
  };
}

/** Per bank category with an answered question: the person's cards and mastered cards against its size. */
function mastery(deps: PracticeDeps, summary: SummaryRecord | undefined): CategoryMastery[] {
  return deps.bank
    .categories()
    .filter((c) => c.answered > 0)
    .map((c) => {
      const counts = summary?.categories[c.name];
      // Counts include cards of questions that left the category, so they are held to its size.
      const cards = Math.min(counts?.cards ?? 0, c.answered);
      const mastered = Math.min(counts?.mastered ?? 0, cards);
      return { category: c.name, questions: c.answered, cards, mastered, share: mastered / c.answered };
    });
}
