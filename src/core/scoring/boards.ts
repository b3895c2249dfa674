import type { WorkspaceRef } from '../refs.js';
import type { ScoringDeps } from './deps.js';
import { type BoardSlot, boardName } from './keys.js';
import type { Placement } from './records.js';
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
 * Moves a grade's points on every board it belongs to. `boardAdd` is atomic and adds commute, so
 * concurrent grades and changes cannot lose each other's points. `appear` puts a person on the
 * boards even with 0 points (a first "missed" still shows them as taking part).
 */
export async function addToBoards(
  deps: ScoringDeps,
  ws: WorkspaceRef,
  userId: string,
  placement: Placement,
  delta: number,
  appear: boolean,
): Promise<void> {
  if (delta === 0 && !appear) return;
  const { store } = deps.world;
  const slots = slotsOf(placement);
  const teamRows = placement.teamId ? await liveTeamRows(deps, ws, placement.teamId, slots) : [];
  await Promise.all([
    ...slots.map((slot) => store.boardAdd(boardName(ws, 'people', slot), userId, delta)),
    ...teamRows.map((row) => store.boardAdd(row.board, row.teamId, delta)),
  ]);
}

/** A removed team earns nothing more: its rows were cleared and must not grow back. */
async function liveTeamRows(deps: ScoringDeps, ws: WorkspaceRef, teamId: string, slots: BoardSlot[]): Promise<{ board: string; teamId: string }[]> {
  const { teams } = await loadTeams(deps, ws);
  if (!teams.some((t) => t.id === teamId)) return [];
  const boards = slots.map((slot) => boardName(ws, 'teams', slot));
  await registerTeamBoards(deps, ws, boards);
  return boards.map((board) => ({ board, teamId }));
}
