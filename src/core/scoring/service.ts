import type { EngineConfig } from '../engine-config.js';
import type { UserRef, WorkspaceRef } from '../refs.js';
import type { World } from '../world.js';
import type {
  ArchivedSeason,
  GradeRequest,
  GradeResult,
  HeldGrade,
  JoinResult,
  Leaderboard,
  LeaderboardQuery,
  SeasonInfo,
  SeasonSummary,
  SettleReport,
  TeamInfo,
  UserStats,
} from './types.js';

/**
 * Grades, streaks, teams, leaderboards, seasons and stats. `grade` is idempotent per (post, user): the
 * same grade twice counts once and a changed grade replaces the earlier one.
 *
 * Everything a person can get wrong (an unknown team, a taken name, a second season) is a UserError
 * whose message says how to fix it.
 */
export interface ScoringService {
  grade(req: GradeRequest): Promise<GradeResult>;
  /** This person's grade on a post (a daily post id, or `<round>:<n>` of a quiz), or null before they graded it. */
  gradeOn(user: UserRef, postId: string): Promise<HeldGrade | null>;

  /** Top 10 of one board plus the asking person's (or their team's) own row. */
  leaderboard(query: LeaderboardQuery): Promise<Leaderboard>;

  createTeam(ws: WorkspaceRef, name: string, by: UserRef): Promise<TeamInfo>;
  renameTeam(ws: WorkspaceRef, oldName: string, newName: string): Promise<TeamInfo>;
  /** Members become teamless and the team leaves every board. */
  removeTeam(ws: WorkspaceRef, name: string): Promise<TeamInfo>;
  /** Moving from another team is allowed; it counts for grades from now on. */
  joinTeam(user: UserRef, name: string): Promise<JoinResult>;
  /** The team left. */
  leaveTeam(user: UserRef): Promise<TeamInfo>;
  teamOf(user: UserRef): Promise<TeamInfo | null>;
  /** Sorted by name. */
  listTeams(ws: WorkspaceRef): Promise<TeamInfo[]>;

  startSeason(ws: WorkspaceRef, name: string, at: Date): Promise<SeasonInfo>;
  /** Freezes the season's standings under its name; grades then go to no season until the next starts. */
  endSeason(ws: WorkspaceRef, at: Date): Promise<ArchivedSeason>;
  currentSeason(ws: WorkspaceRef): Promise<SeasonInfo | null>;
  /** Ended seasons, oldest first. */
  seasonArchive(ws: WorkspaceRef): Promise<SeasonSummary[]>;
  archivedStandings(ws: WorkspaceRef, name: string): Promise<ArchivedSeason>;

  stats(user: UserRef): Promise<UserStats>;

  /** Keeps the name a platform sent for a person, so boards show it and commands can find them by it. */
  rememberName(user: UserRef): Promise<void>;
  /** The id of the person a command names (an id, a mention, a display name in any case), or null when nobody here goes by it. */
  findPerson(ws: WorkspaceRef, typed: string): Promise<string | null>;

  /** Validates an IANA name and returns its canonical spelling. Weeks and months of new grades use it. */
  setTimezone(ws: WorkspaceRef, timezone: string): Promise<string>;
  timezoneOf(ws: WorkspaceRef): Promise<string>;

  /**
   * Once per store, at start: raises board rows an older version's torn grades left short (see
   * repair.ts for what it can and cannot settle). Logs what it did; never throws.
   */
  settleOldGrades(): Promise<SettleReport>;
}

export interface ScoringOptions {
  world: World;
  config: EngineConfig;
}

/** What every part of scoring shares: the world, the rules, and this process's small caches. */
export interface ScoringDeps extends ScoringOptions {
  /**
   * Team boards this process has registered or is registering. The registry only grows, so caching
   * "done" is safe, and sharing the in-flight write keeps a burst of grades from queueing on its key.
   */
  teamBoardRegistrations: Map<string, Promise<void>>;
  /**
   * While the start-up pass over an older version's grades runs (in this process or another), the pass
   * it waits for; grades wait for it too, since a grade landing on a row the pass has not reached yet
   * would hide that row's missing points from it (see repair.ts).
   */
  settling: { pass: Promise<unknown> | undefined };
}

export function scoringDeps(options: ScoringOptions): ScoringDeps {
  return { ...options, teamBoardRegistrations: new Map(), settling: { pass: undefined } };
}
