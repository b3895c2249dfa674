import { isUserError } from '../../../core/errors.js';
import { type WorkspaceRef, workspaceKey } from '../../../core/refs.js';
import { BOARD_KINDS, BOARD_PERIODS, type BoardKind, type Leaderboard } from '../../../core/scoring/index.js';
import { weekId } from '../../../core/scoring/periods.js';
import { badRequest } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { WEB_WORKSPACE } from '../refs.js';
import { boardImageRoute } from './board-image.js';
import type { ApiDeps } from './deps.js';
import { choice, integer, userOf } from './input.js';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Lines on the chart: the leaders over the weeks shown, plus the person asking. */
const CHART_SERIES = 5;

/** Leaderboards, points per week, teams and the season archive, for the playground or any workspace with a daily channel. */
export function boardRoutes(deps: ApiDeps): Route[] {
  const { scoring, daily } = deps.engine.services;

  /** The playground plus every workspace that has a daily channel; `?workspace=` picks one of them. */
  async function workspaces(): Promise<WorkspaceRef[]> {
    const found = new Map<string, WorkspaceRef>([[workspaceKey(WEB_WORKSPACE), WEB_WORKSPACE]]);
    for (const s of await daily.listChannels()) found.set(workspaceKey(s.channel), { platform: s.channel.platform, workspaceId: s.channel.workspaceId });
    return [...found.values()];
  }

  async function workspaceOf(url: URL): Promise<WorkspaceRef> {
    const wanted = url.searchParams.get('workspace');
    if (wanted === null || wanted === '') return WEB_WORKSPACE;
    const hit = (await workspaces()).find((w) => workspaceKey(w) === wanted);
    if (!hit) throw badRequest('`workspace` must be one of those /api/workspaces lists.');
    return hit;
  }

  const optionalUser = (url: URL) => (url.searchParams.get('user') ? userOf(url.searchParams.get('user')) : undefined);

  return [
    boardImageRoute(deps, { workspaceOf, optionalUser }),
    {
      method: 'GET',
      path: '/api/workspaces',
      handler: async () => ({ json: { workspaces: (await workspaces()).map((w) => ({ id: workspaceKey(w), platform: w.platform, workspaceId: w.workspaceId })) } }),
    },
    {
      method: 'GET',
      path: '/api/leaderboard',
      async handler(ctx) {
        const kind = choice(ctx.url, 'kind', BOARD_KINDS, 'people');
        const period = choice(ctx.url, 'period', BOARD_PERIODS, 'week');
        const workspace = await workspaceOf(ctx.url);
        const user = optionalUser(ctx.url);
        const who = user && workspaceKey(workspace) === workspaceKey(WEB_WORKSPACE) ? { user } : {};
        try {
          const board = await scoring.leaderboard({ workspace, kind, period, at: deps.now(), ...who });
          return { json: { kind, period, ...board, notice: null } };
        } catch (err) {
          // No season running is not an error of the request: the page says so where the board would be.
          if (isUserError(err)) return { json: { kind, period, rows: [], periodLabel: period, notice: err.message } };
          throw err;
        }
      },
    },
    {
      method: 'GET',
      path: '/api/history',
      async handler(ctx) {
        const kind = choice<BoardKind>(ctx.url, 'kind', BOARD_KINDS, 'people');
        const count = integer(ctx.url, 'weeks', 1, 26, 8);
        const workspace = await workspaceOf(ctx.url);
        const user = workspaceKey(workspace) === workspaceKey(WEB_WORKSPACE) ? optionalUser(ctx.url) : undefined;
        const tz = await scoring.timezoneOf(workspace);
        const now = deps.now().getTime();
        const instants = Array.from({ length: count }, (_, i) => new Date(now - (count - 1 - i) * WEEK_MS));
        const boards: Leaderboard[] = await Promise.all(
          instants.map((at) => scoring.leaderboard({ workspace, kind, period: 'week', at, ...(user && kind === 'people' ? { user } : {}) })),
        );
        return { json: { kind, weeks: instants.map((at) => weekId(at, tz)), series: weeklySeries(boards, user?.userId, user?.name) } };
      },
    },
    {
      method: 'GET',
      path: '/api/teams',
      handler: async (ctx) => ({ json: { teams: await scoring.listTeams(await workspaceOf(ctx.url)) } }),
    },
    {
      method: 'GET',
      path: '/api/seasons',
      async handler(ctx) {
        const workspace = await workspaceOf(ctx.url);
        const [current, archive] = await Promise.all([scoring.currentSeason(workspace), scoring.seasonArchive(workspace)]);
        const standings = await Promise.all([...archive].reverse().map((s) => scoring.archivedStandings(workspace, s.name)));
        return { json: { current, archive: standings } };
      },
    },
  ];
}

export interface Series {
  id: string;
  name: string;
  points: number[];
  you: boolean;
}

/** The leaders by points summed over the weeks, each with its points per week; the asking person is always in. */
export function weeklySeries(boards: readonly Leaderboard[], youId?: string, youName?: string): Series[] {
  const byId = new Map<string, Series>();
  boards.forEach((board, week) => {
    for (const row of board.rows) {
      const series = byId.get(row.id) ?? { id: row.id, name: row.name, points: boards.map(() => 0), you: row.id === youId };
      series.points[week] = row.points;
      byId.set(row.id, series);
    }
  });
  const total = (s: Series) => s.points.reduce((a, b) => a + b, 0);
  const leaders = [...byId.values()].sort((a, b) => total(b) - total(a) || a.name.localeCompare(b.name)).slice(0, CHART_SERIES);
  if (youId && !leaders.some((s) => s.id === youId)) {
    const mine = byId.get(youId) ?? { id: youId, name: youName ?? youId, points: boards.map(() => 0), you: true };
    // Outside a week's top rows, the person's own rank still knows their points.
    boards.forEach((board, week) => {
      if (board.own) mine.points[week] = board.own.points;
    });
    if (mine.points.some((p) => p > 0)) leaders.push(mine);
  }
  return leaders;
}
