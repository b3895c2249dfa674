import { type BoardPicture, type BoardPictureRow, NO_TEAM_COLOUR, imageBlock, teamColour } from './images.js';
import { type UserRef, type WorkspaceRef, workspaceOf } from './refs.js';
import type { ImageBlock } from './reply.js';
import type { BoardKind, BoardPeriod, Leaderboard, ScoringService, TeamInfo } from './scoring/index.js';
import type { Services } from './services.js';

const IN_PERIOD: Record<BoardPeriod, string> = { week: 'this week', month: 'this month', season: 'this season', all: 'yet' };

export interface BoardQuery {
  workspace: WorkspaceRef;
  kind: BoardKind;
  period: BoardPeriod;
  /** Whose row (or team's row) to highlight and name in the subtitle. */
  user?: UserRef;
  at: Date;
}

/**
 * A leaderboard as a picture: the same board the text shows, with each person's bar in their team's
 * colour. Throws the scoring service's UserError when the board does not exist (no season running).
 */
export async function leaderboardImage(services: Pick<Services, 'scoring'> & { images: NonNullable<Services['images']> }, query: BoardQuery): Promise<ImageBlock> {
  const picture = await boardPicture(services.scoring, query);
  const png = await services.images.leaderboard(picture);
  return imageBlock(png, picture, `leaderboard-${query.kind}-${query.period}.png`);
}

export async function boardPicture(scoring: ScoringService, query: BoardQuery): Promise<BoardPicture> {
  const { kind, period, user } = query;
  const [board, ownTeam] = await Promise.all([
    scoring.leaderboard({ workspace: workspaceOf(query.workspace), kind, period, at: query.at, ...(user ? { user } : {}) }),
    kind === 'teams' && user ? scoring.teamOf(user) : null,
  ]);
  const rows = kind === 'people' ? await peopleRows(scoring, query.workspace, board, user) : teamRows(board, ownTeam);
  const subtitle = ownLine(board, kind, period, ownTeam, user !== undefined);
  return {
    title: `${kind === 'people' ? 'People' : 'Teams'} · ${board.periodLabel}`,
    ...(subtitle ? { subtitle } : {}),
    rows,
    empty: `Nobody has points ${IN_PERIOD[period]}.`,
  };
}

/** Ten team look-ups for ten rows: small, and it is what gives each bar its team's colour. */
async function peopleRows(scoring: ScoringService, ws: WorkspaceRef, board: Leaderboard, user: UserRef | undefined): Promise<BoardPictureRow[]> {
  const teams = await Promise.all(board.rows.map((r) => scoring.teamOf({ ...workspaceOf(ws), userId: r.id })));
  return board.rows.map((r, i) => {
    const team = teams[i];
    return {
      rank: r.rank,
      name: r.name,
      points: r.points,
      colour: team ? teamColour(team.id) : NO_TEAM_COLOUR,
      ...(team ? { detail: team.name } : {}),
      ...(user && r.id === user.userId ? { own: true } : {}),
    };
  });
}

function teamRows(board: Leaderboard, ownTeam: TeamInfo | null): BoardPictureRow[] {
  return board.rows.map((r) => ({
    rank: r.rank,
    name: r.name,
    points: r.points,
    colour: teamColour(r.id),
    ...(r.members !== undefined ? { detail: `${r.members} ${r.members === 1 ? 'member' : 'members'}` } : {}),
    ...(ownTeam && r.id === ownTeam.id ? { own: true } : {}),
  }));
}

function ownLine(board: Leaderboard, kind: BoardKind, period: BoardPeriod, ownTeam: TeamInfo | null, asked: boolean): string | undefined {
  if (!asked || board.own === undefined) return undefined;
  const pts = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} ${n === 1 ? 'point' : 'points'}`;
  if (kind === 'people') return board.own ? `You: #${board.own.rank} with ${pts(board.own.points)}` : `You have no points ${IN_PERIOD[period]}.`;
  if (!ownTeam) return 'You are not in a team.';
  return board.own ? `Your team ${ownTeam.name}: #${board.own.rank} with ${pts(board.own.points)}` : `Your team ${ownTeam.name} has no points ${IN_PERIOD[period]}.`;
}
