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
/** Recent pictures by board, so the digest channels of one workspace draw their shared board once. */
export type PictureMemo = Map<string, Promise<ImageBlock | undefined>>;

/** Drawing is slow (fonts, layout, rasterising): a weekly wake can ask for the same board many times. */
const MEMO_SIZE = 64;

export function boardImage(ctx: DigestContext, channel: ChannelRef, title: string, rows: readonly PictureRow[], filename: string): Promise<ImageBlock | undefined> {
  const key = JSON.stringify([channel.platform, channel.workspaceId, title, rows, filename]);
  const memo = ctx.pictures;
  const known = memo.get(key);
  if (known) return known;
  const drawing = drawBoard(ctx, channel, title, rows, filename).then((block) => {
    // A failed drawing is not kept: the next digest asking for it tries again.
    if (!block) memo.delete(key);
    return block;
  });
  memo.set(key, drawing);
  // Oldest first out: a Map iterates in insertion order.
  if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value ?? key);
  return drawing;
}

async function drawBoard(ctx: DigestContext, channel: ChannelRef, title: string, rows: readonly PictureRow[], filename: string): Promise<ImageBlock | undefined> {
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
