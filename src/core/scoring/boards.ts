import type { BoardIncrement } from '../../store/store.js';
import type { WorkspaceRef } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { type BoardSlot, boardName } from './keys.js';
import { POINTS_FLOOR, type Placement } from './store.js';
import { registerTeamBoards } from './team-boards.js';
import { loadTeams } from './teams.js';

/** The week, month, season (if one was running) and all-time slots a grade's points belong to. */
export function slotsOf(placement: Placement): BoardSlot[] {
  return [
    { period: 'week', id: placement.week },
    { period: 'month', id: placement.month },
    ...(placement.season ? [{ period: 'season' as const, id: placement.season }] : []),
    { period: 'all' },
  ];
}

/**
 * The increments that move a grade's points on every board it belongs to: the person's, and their
 * team's (`teamBoards`, empty when the placement has no live team). `appear` puts a person on the
 * boards even with 0 points (a first "missed" still shows them as taking part).
 */
export function pointIncrements(ws: WorkspaceRef, userId: string, placement: Placement, teamBoards: readonly string[], delta: number, appear: boolean): BoardIncrement[] {
  if (delta === 0 && !appear) return [];
  const teamId = placement.teamId;
  return [
    ...slotsOf(placement).map((slot) => ({ board: boardName(ws, 'people', slot), member: userId, delta, floor: POINTS_FLOOR })),
    ...(teamId === null ? [] : teamBoards.map((board) => ({ board, member: teamId, delta, floor: POINTS_FLOOR }))),
  ];
}

/**
 * The team boards a placement's points go to, registered (so a removed team can be cleared from them)
 * before any point lands there. None when the team was removed: its rows were cleared and must not
 * grow back.
 */
export async function liveTeamBoards(deps: ScoringDeps, ws: WorkspaceRef, placement: Placement): Promise<string[]> {
  if (placement.teamId === null) return [];
  const { teams } = await loadTeams(deps, ws);
  if (!teams.some((t) => t.id === placement.teamId)) return [];
  const boards = slotsOf(placement).map((slot) => boardName(ws, 'teams', slot));
  await registerTeamBoards(deps, ws, boards);
  return boards;
}
