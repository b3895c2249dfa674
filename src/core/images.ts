import type { ImageBlock } from './reply.js';

/**
 * Pictures the core asks for and cannot draw itself (drawing needs fonts from disk): main.ts hands the
 * engine an implementation (src/images), tests may hand a fake. A leaderboard image is described here in
 * words and numbers; how it looks is the implementation's business.
 */
export interface BoardImages {
  /** A PNG of the board. */
  leaderboard(board: BoardPicture): Promise<Uint8Array>;
}

export interface BoardPicture {
  /** `People · week 48, 2026 (23 Nov – 29 Nov)`. */
  title: string;
  /** The asker's own line (`You: #12 with 30 points`), or nothing. */
  subtitle?: string;
  rows: BoardPictureRow[];
  /** Shown instead of bars when there are no rows. */
  empty: string;
}

export interface BoardPictureRow {
  rank: number;
  name: string;
  points: number;
  /** The bar's colour (`#rrggbb`): the team's; people without a team get a neutral one. */
  colour: string;
  /** Small print under the name: a person's team, a team's size. */
  detail?: string;
  /** Places moved since the period before: positive is up, 0 unchanged, absent when not known (new). */
  movement?: number;
  /** The asker's row, or their team's: drawn highlighted. */
  own?: boolean;
}

/**
 * Team colours: distinct on both a dark and a light background, and bright enough for white text beside
 * them. Teams get them in the order they were made, so the first ten never share one.
 */
export const TEAM_COLOURS = ['#4f8ff7', '#f2994a', '#3fb950', '#e5534b', '#a371f7', '#2bb6c4', '#e0b92c', '#ec6cb9', '#8a9a5b', '#c97b5a'] as const;
/** People with no team. */
export const NO_TEAM_COLOUR = '#8b949e';

export function teamColour(teamId: string): string {
  // Scoring numbers teams `t1`, `t2`…; any other id still gets a stable colour from its hash.
  const n = /^t(\d+)$/.exec(teamId);
  let index: number;
  if (n) index = Number(n[1]) - 1;
  else {
    index = 0;
    for (const ch of teamId) index = (index * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  }
  return TEAM_COLOURS[index % TEAM_COLOURS.length] ?? NO_TEAM_COLOUR;
}

/** The board's words, for where the picture cannot go: one line per row. */
export function boardAlt(board: BoardPicture): string {
  const rows = board.rows.length === 0 ? [board.empty] : board.rows.map((r) => `${r.rank}. ${r.name} ${r.points}`);
  return [board.title, ...rows].join('; ');
}

export function imageBlock(png: Uint8Array, board: BoardPicture, filename: string): ImageBlock {
  return { type: 'image', png, alt: boardAlt(board), filename };
}
