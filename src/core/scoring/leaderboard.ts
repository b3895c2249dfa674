import { UserError } from '../errors.js';
import { type WorkspaceRef, workspaceOf } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { type BoardSlot, boardName } from './keys.js';
import { monthId, monthLabel, weekId, weekLabel } from './periods.js';
import { currentSeason } from './seasons.js';
import { timezoneOf } from './settings.js';
import { rankedTeams, topPeople } from './standings.js';
import { teamIdOf } from './teams.js';
import type { BoardPeriod, Leaderboard, LeaderboardQuery } from './types.js';

export const LEADERBOARD_SIZE = 10;

export async function leaderboard(deps: ScoringDeps, query: LeaderboardQuery): Promise<Leaderboard> {
  const ws = workspaceOf(query.workspace);
  const { slot, label } = await resolvePeriod(deps, ws, query.period, query.at);
  const board = boardName(ws, query.kind, slot);
  return query.kind === 'people' ? peopleBoard(deps, ws, board, label, query) : teamBoard(deps, ws, board, label, query);
}

/** People boards can hold 100,000 rows: only the top rows and one indexed rank are ever read. */
async function peopleBoard(deps: ScoringDeps, ws: WorkspaceRef, board: string, periodLabel: string, query: LeaderboardQuery): Promise<Leaderboard> {
  const [rows, own] = await Promise.all([topPeople(deps, ws, board, LEADERBOARD_SIZE), query.user ? deps.world.store.boardRank(board, query.user.userId) : undefined]);
  return { rows, periodLabel, ...(own === undefined ? {} : { own: own && { rank: own.rank, points: own.score } }) };
}

async function teamBoard(deps: ScoringDeps, ws: WorkspaceRef, board: string, periodLabel: string, query: LeaderboardQuery): Promise<Leaderboard> {
  const [ranked, ownTeam] = await Promise.all([rankedTeams(deps, ws, board), query.user ? teamIdOf(deps, query.user) : undefined]);
  const rows = ranked.slice(0, LEADERBOARD_SIZE);
  if (ownTeam === undefined) return { rows, periodLabel };
  const mine = ranked.find((r) => r.id === ownTeam);
  return { rows, periodLabel, own: mine ? { rank: mine.rank, points: mine.points } : null };
}

async function resolvePeriod(deps: ScoringDeps, ws: WorkspaceRef, period: BoardPeriod, at: Date): Promise<{ slot: BoardSlot; label: string }> {
  switch (period) {
    case 'week': {
      const tz = await timezoneOf(deps, ws);
      return { slot: { period, id: weekId(at, tz) }, label: weekLabel(at, tz) };
    }
    case 'month': {
      const tz = await timezoneOf(deps, ws);
      return { slot: { period, id: monthId(at, tz) }, label: monthLabel(at, tz) };
    }
    case 'season': {
      const season = await currentSeason(deps, ws);
      if (!season) {
        throw new UserError(
          'not-found',
          'No season is running, so there is no season board. An admin can start one with `season start <name>`; `season archive` shows past seasons.',
        );
      }
      return { slot: { period, id: season.id }, label: `season ${season.name}` };
    }
    case 'all':
      return { slot: { period }, label: 'all time' };
  }
}
