import type { Store } from '../../store/store.js';
import type { Grade } from './grades.js';

/**
 * One person's grade on one post, as stored. Where its points go (team, week, month, season) is fixed
 * by the FIRST grade, so a later change moves points on exactly the boards that received them.
 */
export interface GradeRecord {
  grade: Grade;
  /**
   * Points the grade holds on its boards now (0 when the latest grade was late). A streak bonus is not
   * kept here: it goes onto the boards once, with the first grade, and no later change touches it.
   */
  points: number;
  late: boolean;
  kind: 'daily' | 'quiz';
  category: string | null;
  channelId: string;
  dailySeq: number | null;
  placement: Placement;
  firstAt: string;
  at: string;
}

/** Points boards never go below 0: a subtraction from a board that lacks the points stops there. */
export const POINTS_FLOOR = 0;

export interface Placement {
  teamId: string | null;
  week: string;
  month: string;
  season: string | null;
}

export interface TeamEntry {
  id: string;
  name: string;
  createdAt: string;
  createdBy: string;
}

/** All teams of a workspace in one record, so a name check and the write that claims it are one atomic step. */
export interface TeamsIndex {
  nextId: number;
  teams: TeamEntry[];
}

export const EMPTY_TEAMS: TeamsIndex = { nextId: 1, teams: [] };

export interface MemberRecord {
  teamId: string | null;
}

export interface SeasonRecord {
  id: string;
  name: string;
  startedAt: string;
}

export interface ProfileRecord {
  name: string;
  /** Set once the name is in the person-name index; older profiles lack it and are indexed on the next visit. */
  indexed?: true;
}

/**
 * `store.update` that also reports what the committed write decided. `decide` may run several times
 * (a lost compare-and-swap reruns it), so it must be pure; only the LAST run's input is what got
 * committed, which is why its outcome, and no earlier one, is returned.
 */
export async function updateDeciding<T, R>(store: Store, key: string, decide: (current: T | undefined) => { next: T; outcome: R }): Promise<{ value: T; outcome: R }> {
  // A holder rather than a `let`: TypeScript does not see assignments made inside the callback.
  const last: { run?: { outcome: R } } = {};
  const value = await store.update<T>(key, (current) => {
    const { next, outcome } = decide(current);
    last.run = { outcome };
    return next;
  });
  if (last.run === undefined) throw new Error(`store.update of ${key} committed without calling its update function`);
  return { value, outcome: last.run.outcome };
}
