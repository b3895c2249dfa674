import type { WorkspaceRef } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { namesOf } from './profiles.js';
import { loadTeamSizes, loadTeams } from './teams.js';
import type { LeaderboardRow, StandingRow } from './types.js';

/**
 * Team boards are read whole: there are at most MAX_TEAMS live teams, and removed ones sit at 0 at the
 * bottom. Reading them whole is what lets removed teams be skipped without leaving gaps in the ranks.
 */
const TEAM_BOARD_READ = 1000;

export async function topPeople(deps: ScoringDeps, ws: WorkspaceRef, board: string, n: number): Promise<StandingRow[]> {
  const entries = await deps.world.store.boardTop(board, n);
  const names = await namesOf(
    deps,
    ws,
    entries.map((e) => e.member),
  );
  return entries.map((e, i) => ({ rank: i + 1, id: e.member, name: names.get(e.member) ?? e.member, points: e.score }));
}

/** Live teams in board order, ranked among themselves, with their current size. */
export async function rankedTeams(deps: ScoringDeps, ws: WorkspaceRef, board: string): Promise<LeaderboardRow[]> {
  const [entries, index, sizes] = await Promise.all([deps.world.store.boardTop(board, TEAM_BOARD_READ), loadTeams(deps, ws), loadTeamSizes(deps, ws)]);
  const live = new Map(index.teams.map((t) => [t.id, t]));
  const rows: LeaderboardRow[] = [];
  for (const entry of entries) {
    const team = live.get(entry.member);
    if (!team) continue;
    const members = Math.max(0, sizes.get(team.id) ?? 0);
    rows.push({
      rank: rows.length + 1,
      id: team.id,
      name: team.name,
      points: entry.score,
      members,
      ...(members > 0 ? { average: entry.score / members } : {}),
    });
  }
  return rows;
}
