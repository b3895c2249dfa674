import type { BoardPicture, BoardPictureRow } from '../core/images.js';

/** A satori element: what JSX would make, written out (no JSX in this project). */
export interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: Node | string | (Node | string)[] };
}

/**
 * 800 px wide, text at 26–34 px: a phone shows the picture at about half size, which keeps names at
 * 13 px and up. The card is opaque and dark with a lighter rim, so it reads the same in a dark client
 * and a light one (a transparent picture would put light text on white).
 */
export const LAYOUT = { width: 800, padding: 32, header: 118, headerWithSubtitle: 156, row: 72, gap: 8, empty: 96 } as const;

const THEME = {
  background: '#161b22',
  rim: '#3d444d',
  text: '#f0f6fc',
  muted: '#9198a1',
  own: '#233047',
  ownRim: '#4f8ff7',
  track: '#262c36',
  up: '#3fb950',
  down: '#f85149',
} as const;

/** The card's rim, in px. */
const RIM = 3;

export const MEDALS = ['🥇', '🥈', '🥉'];

export function pictureHeight(board: BoardPicture): number {
  const header = board.subtitle ? LAYOUT.headerWithSubtitle : LAYOUT.header;
  const body = board.rows.length === 0 ? LAYOUT.empty : board.rows.length * (LAYOUT.row + LAYOUT.gap);
  return header + body + LAYOUT.padding;
}

export function boardNode(board: BoardPicture): Node {
  const top = Math.max(0, ...board.rows.map((r) => r.points));
  // The rim is the outer card's colour showing around the inner one: a CSS border with rounded corners
  // comes out of satori as a stroke under a clip path, which costs resvg a layer the size of the picture.
  return div(
    {
      boxSizing: 'border-box',
      width: LAYOUT.width,
      height: pictureHeight(board),
      display: 'flex',
      flexDirection: 'column',
      padding: RIM,
      backgroundColor: THEME.rim,
      borderRadius: 28,
    },
    [
      div(
        {
          flexGrow: 1,
          display: 'flex',
          flexDirection: 'column',
          padding: LAYOUT.padding - RIM,
          backgroundColor: THEME.background,
          borderRadius: 28 - RIM,
          color: THEME.text,
        },
        [
          div(
            { fontSize: 34, fontWeight: 700, lineHeight: 1.25, marginBottom: board.subtitle ? 4 : 20, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
            board.title,
          ),
          ...(board.subtitle
            ? [div({ fontSize: 24, color: THEME.muted, marginBottom: 20, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }, board.subtitle)]
            : []),
          ...(board.rows.length === 0
            ? [div({ fontSize: 26, color: THEME.muted, display: 'flex', alignItems: 'center', height: LAYOUT.empty }, board.empty)]
            : board.rows.map((r) => rowNode(r, top))),
        ],
      ),
    ],
  );
}

function rowNode(row: BoardPictureRow, top: number): Node {
  // Every bar shows a little colour, so a row with 0 points still shows its team.
  const share = top > 0 ? Math.max(0.02, row.points / top) : 0.02;
  return div(
    {
      display: 'flex',
      alignItems: 'center',
      height: LAYOUT.row,
      marginBottom: LAYOUT.gap,
      // Only the asker's row has a rim and a fill: a transparent one would still cost resvg a mask per row.
      ...(row.own ? { padding: '0 14px', borderRadius: 16, backgroundColor: THEME.own, border: `2px solid ${THEME.ownRim}` } : { padding: '0 16px' }),
    },
    [
      div(
        { width: 64, flexShrink: 0, display: 'flex', justifyContent: 'center', fontSize: row.rank <= 3 ? 38 : 28, fontWeight: 700, color: THEME.muted },
        MEDALS[row.rank - 1] ?? `${row.rank}`,
      ),
      div({ flexGrow: 1, flexShrink: 1, minWidth: 0, display: 'flex', flexDirection: 'column', margin: '0 16px' }, [
        div({ display: 'flex', alignItems: 'baseline', minWidth: 0 }, [
          div(
            {
              fontSize: 28,
              fontWeight: 700,
              lineHeight: 1.2,
              flexShrink: 1,
              minWidth: 0,
              whiteSpace: 'nowrap',
              ...cutIfLong(row.name, 28, NAME_WIDTH - (row.detail ? DETAIL_WIDTH : 0)),
            },
            row.name,
          ),
          ...(row.detail
            ? [
                div(
                  {
                    fontSize: 20,
                    color: THEME.muted,
                    marginLeft: 12,
                    flexShrink: 0,
                    maxWidth: DETAIL_WIDTH - 12,
                    whiteSpace: 'nowrap',
                    ...cutIfLong(row.detail, 20, DETAIL_WIDTH - 12),
                  },
                  row.detail,
                ),
              ]
            : []),
        ]),
        div({ display: 'flex', height: 12, marginTop: 6, borderRadius: 6, backgroundColor: THEME.track }, [
          div({ width: `${(share * 100).toFixed(1)}%`, height: 12, borderRadius: 6, backgroundColor: row.colour }, ''),
        ]),
      ]),
      div({ width: 136, flexShrink: 0, display: 'flex', flexDirection: 'column', alignItems: 'flex-end' }, [
        div({ fontSize: 30, fontWeight: 700, lineHeight: 1.1, whiteSpace: 'nowrap' }, formatPoints(row.points)),
        div({ fontSize: 20, color: movementColour(row.movement), lineHeight: 1.2 }, movementText(row.movement)),
      ]),
    ],
  );
}

/**
 * The name column's width: the card less rim and padding (2 × 32), the row's padding (2 × 16), rank (64),
 * the column's margins (2 × 16) and the points (136); a detail takes up to DETAIL_WIDTH of it.
 */
export const NAME_WIDTH = LAYOUT.width - 64 - 32 - 64 - 32 - 136;
export const DETAIL_WIDTH = 212;
const SEGMENTER = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * The ellipsis only where a text may not fit. satori needs `overflow: hidden` for it, which costs resvg
 * a clip and a mask per text; a text short enough that even 1.2 em per grapheme fits (no glyph in the
 * bundled fonts or Twemoji is wider) needs neither and is drawn the same.
 */
export function cutIfLong(text: string, fontSize: number, width: number): Record<string, string> {
  const graphemes = [...SEGMENTER.segment(text)].length;
  return graphemes * fontSize * 1.2 <= width ? {} : { overflow: 'hidden', textOverflow: 'ellipsis' };
}

function formatPoints(n: number): string {
  return Number.isInteger(n) ? `${n} pts` : `${n.toFixed(1)} pts`;
}

/** ▲2 up two places, ▼1 down one, = unchanged, `new` when the row was not on the board before. */
export function movementText(movement: number | undefined): string {
  if (movement === undefined) return '';
  if (movement > 0) return `▲${movement}`;
  if (movement < 0) return `▼${-movement}`;
  return '=';
}

function movementColour(movement: number | undefined): string {
  if (movement === undefined || movement === 0) return THEME.muted;
  return movement > 0 ? THEME.up : THEME.down;
}

function div(style: Record<string, string | number>, children: Node['props']['children']): Node {
  return { type: 'div', props: { style, children } };
}
