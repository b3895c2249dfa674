import { type WorkspaceRef, workspaceKey } from '../refs.js';
import type { BoardKind } from './types.js';

/**
 * Every key scoring writes, in one place. All start with the workspace key so two workspaces never
 * meet. Ids that come from outside (post ids, user ids) are URI-encoded: they may contain `:`, and
 * `post a:b` + `user c` must not collide with `post a` + `user b:c`.
 */
const part = (id: string): string => encodeURIComponent(id);

export const scoringKeys = {
  grade: (ws: WorkspaceRef, postId: string, userId: string) => `${workspaceKey(ws)}:grade:${part(postId)}:${part(userId)}`,
  stats: (ws: WorkspaceRef, userId: string) => `${workspaceKey(ws)}:stats:${part(userId)}`,
  profile: (ws: WorkspaceRef, userId: string) => `${workspaceKey(ws)}:profile:${part(userId)}`,
  /** The ids of everyone whose display name is this `nameKey` (one, or more when people share a name). */
  personName: (ws: WorkspaceRef, key: string) => `${workspaceKey(ws)}:person-name:${part(key)}`,
  member: (ws: WorkspaceRef, userId: string) => `${workspaceKey(ws)}:member:${part(userId)}`,
  teams: (ws: WorkspaceRef) => `${workspaceKey(ws)}:teams`,
  /** A board, not a value: member = team id, score = member count, so joins and leaves are atomic increments. */
  teamSizes: (ws: WorkspaceRef) => `${workspaceKey(ws)}:team-sizes`,
  /** Every team board ever written to, so a removed team can be taken off all of them. */
  teamBoards: (ws: WorkspaceRef) => `${workspaceKey(ws)}:team-boards`,
  currentSeason: (ws: WorkspaceRef) => `${workspaceKey(ws)}:season:current`,
  seasonArchive: (ws: WorkspaceRef) => `${workspaceKey(ws)}:season:archive`,
  seasonStandings: (ws: WorkspaceRef, seasonId: string) => `${workspaceKey(ws)}:season:standings:${part(seasonId)}`,
  timezone: (ws: WorkspaceRef) => `${workspaceKey(ws)}:settings:timezone`,
  /**
   * Boards of question ids per week (of the grade's placement): how many grades each question got, and
   * how many of them are "missed" now. Moved in the grade's own transaction, for the weekly digest.
   */
  questionTally: (ws: WorkspaceRef, week: string, tally: 'graded' | 'missed') => `${workspaceKey(ws)}:board:questions-${tally}:week:${week}`,
};

/** `discord:g1:board:people:week:2026-W48`, `…:board:teams:month:2026-11`, `…:board:people:all`. */
export function boardName(ws: WorkspaceRef, kind: BoardKind, period: BoardSlot): string {
  const base = `${workspaceKey(ws)}:board:${kind}`;
  return period.period === 'all' ? `${base}:all` : `${base}:${period.period}:${period.id}`;
}

/** One concrete board period: a week, a month, a season (by id) or all time. */
export type BoardSlot = { period: 'week'; id: string } | { period: 'month'; id: string } | { period: 'season'; id: string } | { period: 'all' };
