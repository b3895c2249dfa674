import { type BoardPicture, NO_TEAM_COLOUR, imageBlock, teamColour } from '../images.js';
import { type ChannelRef, workspaceOf } from '../refs.js';
import type { ImageBlock } from '../reply.js';
import { scoringKeys } from '../scoring/keys.js';
import type { DigestContext } from './service.js';
import type { DigestRow } from './types.js';

/** A digest row, or a season's standing row (no movement). */
type PictureRow = Omit<DigestRow, 'movement'> & Partial<Pick<DigestRow, 'movement'>>;

/**
 * The people board as a picture for a digest or a season end, coloured by each person's current team.
 * Undefined without images or rows, or when drawing fails: the post then goes out as text (logged).
 */
export async function boardImage(ctx: DigestContext, channel: ChannelRef, title: string, rows: readonly PictureRow[], filename: string): Promise<ImageBlock | undefined> {
  const { images, world } = ctx;
  if (!images || rows.length === 0) return undefined;
  try {
    const ws = workspaceOf(channel);
    const [members, teams] = await Promise.all([Promise.all(rows.map((r) => world.store.get<{ teamId: string | null }>(scoringKeys.member(ws, r.id)))), ctx.scoring.listTeams(ws)]);
    const teamName = new Map(teams.map((t) => [t.id, t.name]));
    const board: BoardPicture = {
      title,
      empty: 'Nobody graded a question.',
      rows: rows.map((r, i) => {
        const teamId = members[i]?.teamId ?? null;
        const team = teamId === null ? undefined : teamName.get(teamId);
        return {
          rank: r.rank,
          name: r.name,
          points: r.points,
          colour: team !== undefined && teamId !== null ? teamColour(teamId) : NO_TEAM_COLOUR,
          ...(team !== undefined ? { detail: team } : {}),
          ...(r.movement?.kind === 'moved' ? { movement: r.movement.by } : {}),
        };
      }),
    };
    return imageBlock(await images.leaderboard(board), board, filename);
  } catch (err) {
    world.logger.warn({ err, channel }, 'digest: the board image could not be made; posting the text alone');
    return undefined;
  }
}
