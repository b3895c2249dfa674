import type { BoardPicture } from '../core/images.js';

/**
 * 800 px wide, text at 20–34 px: a phone shows the picture at about half size, which keeps names at
 * 13 px and up. Rows are 72 px apart from 8, under a header with the title (and the asker's line).
 */
export const LAYOUT = { width: 800, padding: 32, header: 96, headerWithSubtitle: 132, row: 72, gap: 8, empty: 96 } as const;

/**
 * Longer boards come in two columns of compact rows (names at 22 px, no team name: the bar's colour
 * says it). One column of 50 full rows was 800 × 4,188 px, and on a small VM every pixel costs (the
 * picture's memory is faulted in page by page, then packed): two compact columns are a quarter of that.
 * No board the bot posts today is this long (leaderboards and season ends show 10, a digest 5).
 */
export const COMPACT = { from: 13, columns: 2, gutter: 24, row: 40, gap: 4 } as const;

/** The card's rim, in px, and its corner radius. */
export const RIM = 3;
export const RADIUS = 28;

/** Where one row goes: its box, and which of the two row styles it is drawn in. */
export interface Slot {
  x: number;
  y: number;
  width: number;
  height: number;
  compact: boolean;
}

export function isCompact(board: BoardPicture): boolean {
  return board.rows.length >= COMPACT.from;
}

export function headerHeight(board: BoardPicture): number {
  return board.subtitle ? LAYOUT.headerWithSubtitle : LAYOUT.header;
}

/** Rows in the first column (the second has the rest). */
export function columnLength(board: BoardPicture): number {
  return isCompact(board) ? Math.ceil(board.rows.length / COMPACT.columns) : board.rows.length;
}

/** The distance from one row's top to the next one's. */
export function pitch(board: BoardPicture): number {
  return isCompact(board) ? COMPACT.row + COMPACT.gap : LAYOUT.row + LAYOUT.gap;
}

export function pictureHeight(board: BoardPicture): number {
  const body = board.rows.length === 0 ? LAYOUT.empty : columnLength(board) * pitch(board);
  return headerHeight(board) + body + LAYOUT.padding;
}

/** The width inside the card's padding. */
export const INNER_WIDTH = LAYOUT.width - 2 * LAYOUT.padding;
export const COMPACT_WIDTH = (INNER_WIDTH - (COMPACT.columns - 1) * COMPACT.gutter) / COMPACT.columns;

export function slots(board: BoardPicture): Slot[] {
  const compact = isCompact(board);
  const perColumn = columnLength(board);
  return board.rows.map((_, i) => {
    const column = compact ? Math.floor(i / perColumn) : 0;
    const line = i - column * perColumn;
    const width = compact ? COMPACT_WIDTH : INNER_WIDTH;
    return {
      x: LAYOUT.padding + column * (width + COMPACT.gutter),
      y: headerHeight(board) + line * pitch(board),
      width,
      height: compact ? COMPACT.row : LAYOUT.row,
      compact,
    };
  });
}

/**
 * Where the words of a row go, from its box's left edge and top: the middle of each text's line. The
 * bar sits under the name, the points on the right with the movement under them (compact: beside them).
 */
export const FULL = {
  rank: { left: 16, width: 64, middle: 36, size: 28, medal: 38 },
  name: { left: 96, width: 472, middle: 27, size: 28 },
  /** A team's or a size's small print, at the name column's right end (the bar's end), on the name's baseline. */
  detail: { width: 212, middle: 30, size: 20 },
  bar: { top: 50, height: 12 },
  points: { right: 16, width: 136, middle: 24, size: 30 },
  movement: { right: 16, width: 136, middle: 52, size: 20 },
} as const;

export const SMALL = {
  rank: { left: 0, width: 44, middle: 16, size: 20, medal: 26 },
  name: { left: 48, width: COMPACT_WIDTH - 48 - 132, middle: 15, size: 22 },
  bar: { top: 30, height: 6 },
  points: { right: 0, width: 92, middle: 15, size: 22 },
  movement: { right: 96, width: 36, middle: 16, size: 16 },
} as const;

/** The name column's width in a full row, and the part of it a detail may take. */
export const NAME_WIDTH = FULL.name.width;
export const DETAIL_WIDTH = FULL.detail.width;
