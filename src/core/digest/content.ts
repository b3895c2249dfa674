import type { BankService } from '../bank-service.js';
import { lastPostKey } from '../daily/keys.js';
import type { PracticeService } from '../practice/service.js';
import { type ChannelRef, type UserRef, type WorkspaceRef, workspaceOf } from '../refs.js';
import { boardName, scoringKeys } from '../scoring/keys.js';
import type { ScoringService } from '../scoring/service.js';
import type { StatsRecord } from '../scoring/stats-record.js';
import type { World } from '../world.js';
import type { DigestContent, DigestRow, MostMissed, Movement, PracticeFigures, StreakRow } from './types.js';
import { type DigestWeek, weekJustEnded } from './week.js';

export const TOP_PEOPLE = 5;
export const TOP_TEAMS = 5;
export const TOP_STREAKS = 3;
/** People whose streak is read: the top of this week's and last week's boards (a stats read each). */
const STREAK_CANDIDATES = 200;
/** Team boards hold at most MAX_TEAMS live teams plus removed ones at 0, as scoring reads them. */
const TEAM_BOARD_READ = 1000;
/** People whose practice stats are summed; a larger workspace shows the figures of its first ones. */
const PRACTICE_PEOPLE = 500;

export interface ContentDeps {
  world: World;
  bank: BankService;
  scoring: Pick<ScoringService, 'listTeams'>;
  practice?: Pick<PracticeService, 'people' | 'stats'> | undefined;
}

/** The digest of the week that ended at `at` in `timeZone`, for one channel, from what the store holds. */
export async function digestContent(deps: ContentDeps, channel: ChannelRef, at: Date, timeZone: string): Promise<DigestContent> {
  const ws = workspaceOf(channel);
  const week = weekJustEnded(at, timeZone);
  const [people, teams, participation, streaks, mostMissed, practice] = await Promise.all([
    topPeople(deps, ws, week),
    topTeams(deps, ws, week),
    participationOf(deps, ws, week),
    longestStreaks(deps, channel, week, at),
    mostMissedOf(deps, ws, week),
    practiceFigures(deps, ws, at),
  ]);
  return { weekId: week.id, weekLabel: week.label, people, teams, streaks, participation, mostMissed, practice };
}

const weekBoard = (ws: WorkspaceRef, kind: 'people' | 'teams', id: string): string => boardName(ws, kind, { period: 'week', id });

function movement(rank: number, before: number | undefined): Movement {
  return before === undefined ? { kind: 'new' } : { kind: 'moved', by: before - rank };
}

async function topPeople(deps: ContentDeps, ws: WorkspaceRef, week: DigestWeek): Promise<DigestRow[]> {
  const { store } = deps.world;
  const rows = await store.boardTop(weekBoard(ws, 'people', week.id), TOP_PEOPLE);
  const before = weekBoard(ws, 'people', week.previousId);
  const [earlier, names] = await Promise.all([
    Promise.all(rows.map((r) => store.boardRank(before, r.member))),
    namesOf(
      deps,
      ws,
      rows.map((r) => r.member),
    ),
  ]);
  return rows.map((r, i) => ({ rank: i + 1, id: r.member, name: names.get(r.member) ?? r.member, points: r.score, movement: movement(i + 1, earlier[i]?.rank) }));
}

/** Teams ranked among live teams only, as the leaderboard ranks them, so a removed team leaves no gap. */
async function topTeams(deps: ContentDeps, ws: WorkspaceRef, week: DigestWeek): Promise<DigestRow[]> {
  const { store } = deps.world;
  const [now, then, teams] = await Promise.all([
    store.boardTop(weekBoard(ws, 'teams', week.id), TEAM_BOARD_READ),
    store.boardTop(weekBoard(ws, 'teams', week.previousId), TEAM_BOARD_READ),
    deps.scoring.listTeams(ws),
  ]);
  const names = new Map(teams.map((t) => [t.id, t.name]));
  const live = (entries: typeof now) => entries.filter((e) => names.has(e.member));
  const earlier = new Map(live(then).map((e, i) => [e.member, i + 1]));
  return live(now)
    .slice(0, TOP_TEAMS)
    .map((e, i) => ({ rank: i + 1, id: e.member, name: names.get(e.member) ?? e.member, points: e.score, movement: movement(i + 1, earlier.get(e.member)) }));
}

/** Everyone who graded a question of the week is on its people board, even with 0 points. */
async function participationOf(deps: ContentDeps, ws: WorkspaceRef, week: DigestWeek): Promise<DigestContent['participation']> {
  const { store } = deps.world;
  const [thisWeek, weekBefore] = await Promise.all([store.boardSize(weekBoard(ws, 'people', week.id)), store.boardSize(weekBoard(ws, 'people', week.previousId))]);
  return { thisWeek, weekBefore };
}

/**
 * Streaks of this channel's daily question still running: the person graded the latest post, or the
 * one before while the latest still takes grades. A streak only moves when its owner grades, so one
 * that stopped keeps its number in the stats; this is what tells it apart.
 */
async function longestStreaks(deps: ContentDeps, channel: ChannelRef, week: DigestWeek, at: Date): Promise<StreakRow[]> {
  const { store } = deps.world;
  const latest = await store.get<{ dailySeq: number; closesAt: string }>(lastPostKey(channel));
  if (!latest) return [];
  const ws = workspaceOf(channel);
  const [now, then] = await Promise.all([
    store.boardTop(weekBoard(ws, 'people', week.id), STREAK_CANDIDATES),
    store.boardTop(weekBoard(ws, 'people', week.previousId), STREAK_CANDIDATES),
  ]);
  const ids = [...new Set([...now, ...then].map((e) => e.member))];
  const stats = await Promise.all(ids.map((id) => store.get<StatsRecord>(scoringKeys.stats(ws, id))));
  const open = Date.parse(latest.closesAt) > at.getTime();
  const running: { userId: string; streak: number }[] = [];
  ids.forEach((userId, i) => {
    const mine = stats[i]?.channels[channel.channelId];
    if (!mine || mine.streak < 2) return;
    if (mine.lastSeq === latest.dailySeq || (open && mine.lastSeq === latest.dailySeq - 1)) running.push({ userId, streak: mine.streak });
  });
  running.sort((a, b) => b.streak - a.streak || (a.userId < b.userId ? -1 : 1));
  const top = running.slice(0, TOP_STREAKS);
  const names = await namesOf(
    deps,
    ws,
    top.map((r) => r.userId),
  );
  return top.map((r) => ({ ...r, name: names.get(r.userId) ?? r.userId }));
}

/** The question most often graded "missed" among the week's; a tie goes to the smaller id (board order). */
async function mostMissedOf(deps: ContentDeps, ws: WorkspaceRef, week: DigestWeek): Promise<MostMissed | null> {
  const { store } = deps.world;
  // A few rows, in case the top ones have left the bank or lost their answer since.
  const top = await store.boardTop(scoringKeys.questionTally(ws, week.id, 'missed'), 5);
  for (const row of top) {
    if (row.score <= 0) break;
    const question = deps.bank.get(row.member);
    if (!question?.answer) continue;
    const graded = await store.boardRank(scoringKeys.questionTally(ws, week.id, 'graded'), row.member);
    return { questionId: question.id, question: question.question, answer: question.answer, missed: row.score, graded: Math.max(graded?.score ?? 0, row.score) };
  }
  return null;
}

async function practiceFigures(deps: ContentDeps, ws: WorkspaceRef, at: Date): Promise<PracticeFigures | null> {
  const { practice } = deps;
  if (!practice) return null;
  try {
    const ids = (await practice.people(ws)).slice(0, PRACTICE_PEOPLE);
    if (ids.length === 0) return null;
    const all = await Promise.all(ids.map((userId) => practice.stats({ ...ws, userId } satisfies UserRef, at)));
    const figures: PracticeFigures = { people: 0, cards: 0, reviews30: 0, onStreak: 0 };
    for (const s of all) {
      if (s.learned > 0) figures.people += 1;
      figures.cards += s.learned;
      figures.reviews30 += s.reviews30;
      if (s.streak > 0) figures.onStreak += 1;
    }
    return figures.people > 0 ? figures : null;
  } catch (err) {
    // Practice is extra: a digest without its figures beats no digest.
    deps.world.logger.warn({ err, workspace: ws }, 'digest: practice figures unavailable; posting without them');
    return null;
  }
}

async function namesOf(deps: ContentDeps, ws: WorkspaceRef, ids: readonly string[]): Promise<Map<string, string>> {
  const profiles = await Promise.all(ids.map((id) => deps.world.store.get<{ name: string }>(scoringKeys.profile(ws, id))));
  return new Map(ids.map((id, i) => [id, profiles[i]?.name ?? id]));
}
