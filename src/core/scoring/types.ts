import type { ChannelRef, UserRef, WorkspaceRef } from '../refs.js';
import type { Grade } from './grades.js';

/** One person's grade on one posted question (a daily post, or one question of a quiz round). */
export interface GradeRequest {
  /** The core's id of the graded post; with the user it is the idempotency key. */
  postId: string;
  kind: 'daily' | 'quiz';
  user: UserRef;
  channel: ChannelRef;
  questionId: string;
  category: string | null;
  grade: Grade;
  /** When the question was posted: its week/month/season decide which boards the points go to. */
  postedAt: Date;
  /** After this instant the grade still counts for stats but scores nothing. */
  closesAt: Date;
  /** When the grade was given (the world clock at the time). */
  at: Date;
  /** Points for this grade when not the configured self-grade points (a quiz choice with its speed bonus). */
  points?: number;
  /** Daily posts carry their sequence number in the channel, so streaks can see consecutive posts. */
  dailySeq?: number;
}

export interface GradeResult {
  grade: Grade;
  /** Points this grade now holds on the boards (0 when late). */
  points: number;
  /** Bonus awarded for the streak with this grade (only on a first, on-time daily grade). */
  bonus: number;
  /** The grade this one replaced, if the person had graded before. */
  previous: Grade | null;
  /** False when the same grade was delivered again (a retry): nothing changed. */
  changed: boolean;
  late: boolean;
  /** The person's streak in this channel after this grade (daily only). */
  streak?: number;
}

/** A person's grade on one post as it stands now. */
export interface HeldGrade {
  grade: Grade;
  /** What it holds on the boards (0 when late). */
  points: number;
  late: boolean;
}

export type BoardKind = 'people' | 'teams';
export type BoardPeriod = 'week' | 'month' | 'season' | 'all';
export const BOARD_KINDS: readonly BoardKind[] = ['people', 'teams'];
export const BOARD_PERIODS: readonly BoardPeriod[] = ['week', 'month', 'season', 'all'];

export interface LeaderboardQuery {
  workspace: WorkspaceRef;
  kind: BoardKind;
  period: BoardPeriod;
  /** Whose own rank to add (their team's, on a team board). */
  user?: UserRef;
  /** The week or month shown is the one containing this instant, in the workspace's timezone. */
  at: Date;
}

export interface LeaderboardRow {
  rank: number;
  /** A user id on people boards, a team id on team boards. */
  id: string;
  name: string;
  points: number;
  /** Team rows: current member count, and points per current member (absent with no members). */
  members?: number;
  average?: number;
}

export interface Leaderboard {
  rows: LeaderboardRow[];
  /** Absent when no user was asked about; null when they (or their team) have no row on this board. */
  own?: { rank: number; points: number } | null;
  /** `week 48, 2026 (23 Nov – 29 Nov)`, `November 2026`, `season Autumn`, `all time`. */
  periodLabel: string;
}

export interface TeamInfo {
  /** Stable across renames, so boards keep a renamed team's points. */
  id: string;
  name: string;
  members: number;
}

export interface JoinResult {
  team: TeamInfo;
  /** The team the person left by joining (null when they had none). */
  previous: TeamInfo | null;
  /** False when they were already in the team. */
  changed: boolean;
}

export interface SeasonInfo {
  id: string;
  name: string;
  startedAt: string;
}

export interface SeasonSummary extends SeasonInfo {
  endedAt: string;
}

export interface StandingRow {
  rank: number;
  id: string;
  name: string;
  points: number;
}

/** A season's final standings, frozen when it ended. */
export interface ArchivedSeason {
  season: SeasonSummary;
  people: StandingRow[];
  teams: StandingRow[];
}

export interface CategoryStat {
  category: string;
  graded: number;
  got: number;
  /** got / graded, 0–1. */
  rate: number;
}

export interface UserStats {
  userId: string;
  name: string;
  graded: number;
  got: number;
  partly: number;
  missed: number;
  /** Discussion questions taken part in: graded, but neither right nor wrong. */
  discussed: number;
  /** got / self-graded (graded minus discussed), 0–1; null before the first self-grade. */
  gotRate: number | null;
  /** Streak after the person's most recent newly graded daily post. */
  currentStreak: number;
  bestStreak: number;
  /** Best and worst got-it rate among categories with at least two grades (weakest is null when only one qualifies). */
  strongest: CategoryStat | null;
  weakest: CategoryStat | null;
  /** Grades given after their post closed: counted above, scored nothing. */
  late: number;
}

/** What the start-up pass over an older version's grades did (see repair.ts). */
export interface SettleReport {
  /** False when it had run before, or another process holds the lease. */
  ran: boolean;
  records: number;
  /** Board rows raised, and the points added to them. */
  rows: number;
  points: number;
}
