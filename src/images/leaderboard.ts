import { type BoardPicture, type BoardPictureRow, NO_TEAM_COLOUR } from '../core/images.js';
import { FULL, INNER_WIDTH, LAYOUT, RADIUS, RIM, SMALL, type Slot, headerHeight, pictureHeight, pitch, slots } from './layout.js';

export { COMPACT, DETAIL_WIDTH, LAYOUT, NAME_WIDTH, pictureHeight } from './layout.js';

/** A satori element: what JSX would make, written out (no JSX in this project). */
export interface Node {
  type: string;
  props: { style?: Record<string, string | number>; children?: Node | string | (Node | string)[] };
}

/**
 * The card is opaque and dark with a lighter rim, so it reads the same in a dark client and a light one
 * (a transparent picture would put light text on white).
 */
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

export const MEDALS = ['🥇', '🥈', '🥉'];

/**
 * The board in two layers. The shapes (card, bars, the asker's row) are plain SVG rectangles, written
 * here. The words are satori's: it lays them out and turns them into glyph outlines. A board is a table,
 * so its words go by column: one text element holds a column's ranks (or names, points…) for every row,
 * a line each, the lines exactly a row apart. satori's time goes per element (style resolution, layout,
 * SVG), and a row drawn as boxes was eleven of them; a board is now about a dozen in all, however long.
 */
export function boardNode(board: BoardPicture): Node {
  const height = pictureHeight(board);
  const words: Node[] = [
    text(
      { left: LAYOUT.padding, top: LAYOUT.padding, width: INNER_WIDTH, fontSize: 34, fontWeight: 700, lineHeight: '42px', ...cutIfLong(board.title, 34, INNER_WIDTH) },
      oneLine(board.title),
    ),
  ];
  if (board.subtitle) {
    words.push(
      text(
        { left: LAYOUT.padding, top: 78, width: INNER_WIDTH, fontSize: 24, color: THEME.muted, lineHeight: '30px', ...cutIfLong(board.subtitle, 24, INNER_WIDTH) },
        oneLine(board.subtitle),
      ),
    );
  }
  if (board.rows.length === 0) {
    words.push(
      text({ left: LAYOUT.padding, top: headerHeight(board), width: INNER_WIDTH, fontSize: 26, color: THEME.muted, lineHeight: `${LAYOUT.empty}px` }, oneLine(board.empty)),
    );
  }
  const placed = slots(board);
  for (const column of new Set(placed.map((s) => s.column))) {
    const rows = board.rows.map((row, i) => ({ row, slot: placed[i] as Slot })).filter((r) => r.slot.column === column);
    words.push(...columnWords(board, rows));
  }
  return { type: 'div', props: { style: { display: 'flex', position: 'relative', width: LAYOUT.width, height, color: THEME.text }, children: words } };
}

type Placed = { row: BoardPictureRow; slot: Slot };

function columnWords(board: BoardPicture, rows: readonly Placed[]): Node[] {
  const first = rows[0]?.slot;
  if (!first) return [];
  const spec = first.compact ? SMALL : FULL;
  const lineHeight = pitch(board);
  // A column's text element: its first line's middle is the first row's, and each line is one row further.
  const column = (middle: number, style: Record<string, string | number>, lines: (string | null)[]): Node[] =>
    lines.some((l) => l)
      ? // No empty line at the end: satori would shift the line before it by a space's width.
        [
          text(
            { top: first.y + middle - lineHeight / 2, lineHeight: `${lineHeight}px`, ...style },
            lines
              .map((l) => l ?? '')
              .join('\n')
              .replace(/\n+$/, ''),
          ),
        ]
      : [];
  const right = (at: { right: number; width: number }) => ({ left: first.x + first.width - at.right - at.width, width: at.width, textAlign: 'right', justifyContent: 'flex-end' });
  const rank = { left: first.x + spec.rank.left, width: spec.rank.width, textAlign: 'center', justifyContent: 'center', fontWeight: 700, color: THEME.muted };
  const nameWidth = (row: BoardPictureRow) => spec.name.width - (spec === FULL ? detailRoom(row) : 0);
  const nameFits = (row: BoardPictureRow) => Object.keys(cutIfLong(oneLine(row.name), spec.name.size, nameWidth(row))).length === 0;
  const out = [
    ...column(
      spec.rank.middle,
      { ...rank, fontSize: spec.rank.size },
      rows.map(({ row }) => (MEDALS[row.rank - 1] ? null : `${row.rank}`)),
    ),
    ...column(
      spec.rank.middle,
      { ...rank, fontSize: spec.rank.medal },
      rows.map(({ row }) => MEDALS[row.rank - 1] ?? null),
    ),
    ...column(
      spec.name.middle,
      { left: first.x + spec.name.left, width: spec.name.width, fontSize: spec.name.size, fontWeight: 700 },
      rows.map(({ row }) => (nameFits(row) ? oneLine(row.name) : null)),
    ),
    // A name that may not fit gets an element of its own, cut with an ellipsis: satori needs `overflow:
    // hidden` for that, which is a clip and a mask in the SVG, so only where it may be needed.
    ...rows
      .filter(({ row }) => !nameFits(row))
      .map(({ row, slot }) =>
        text(
          {
            left: slot.x + spec.name.left,
            top: slot.y + spec.name.middle - lineHeight / 2,
            width: nameWidth(row),
            lineHeight: `${lineHeight}px`,
            fontSize: spec.name.size,
            fontWeight: 700,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
          },
          oneLine(row.name),
        ),
      ),
    ...column(
      spec.points.middle,
      { ...right(spec.points), fontSize: spec.points.size, fontWeight: 700 },
      rows.map(({ row }) => formatPoints(row.points)),
    ),
    ...[THEME.up, THEME.down, THEME.muted].flatMap((colour) =>
      column(
        spec.movement.middle,
        { ...right(spec.movement), fontSize: spec.movement.size, color: colour },
        rows.map(({ row }) => (movementColour(row.movement) === colour ? movementText(row.movement) : null)),
      ),
    ),
  ];
  if (spec === FULL) out.push(...detailWords(rows, lineHeight, column));
  return out;
}

/**
 * What a row's detail may take of the name column, the gap before it included: its width at 1.2 em a
 * grapheme (an upper bound, see `cutIfLong`), at most DETAIL_WIDTH, where a longer one is cut.
 */
function detailRoom(row: BoardPictureRow): number {
  if (!row.detail) return 0;
  return Math.min(FULL.detail.width, 12 + Math.ceil([...SEGMENTER.segment(oneLine(row.detail))].length * FULL.detail.size * 1.2));
}

/** Small print at the name column's right end; one too long for its room is cut like a long name. */
function detailWords(rows: readonly Placed[], lineHeight: number, column: (middle: number, style: Record<string, string | number>, lines: (string | null)[]) => Node[]): Node[] {
  const first = rows[0]?.slot;
  if (!first) return [];
  const { detail, name } = FULL;
  const room = detail.width - 12;
  const fits = (d: string) => Object.keys(cutIfLong(d, detail.size, room)).length === 0;
  const left = first.x + name.left + name.width - room;
  const style = { left, width: room, textAlign: 'right', justifyContent: 'flex-end', fontSize: detail.size, color: THEME.muted };
  return [
    ...column(
      detail.middle,
      style,
      rows.map(({ row }) => (row.detail && fits(oneLine(row.detail)) ? oneLine(row.detail) : null)),
    ),
    ...rows
      .filter(({ row }) => row.detail && !fits(oneLine(row.detail)))
      .map(({ row, slot }) =>
        text({ ...style, top: slot.y + detail.middle - lineHeight / 2, lineHeight: `${lineHeight}px`, overflow: 'hidden', textOverflow: 'ellipsis' }, oneLine(row.detail ?? '')),
      ),
  ];
}

/** The card, its rim, the bars and the asker's row, as SVG to go under satori's words. */
export function boardShapes(board: BoardPicture): string {
  const height = pictureHeight(board);
  // The rim is the outer card's colour showing around the inner one: a stroke or a CSS border with
  // rounded corners costs resvg a clip path and a layer the size of the picture.
  const out = [
    rect({ width: LAYOUT.width, height, rx: RADIUS, fill: THEME.rim }),
    rect({ x: RIM, y: RIM, width: LAYOUT.width - 2 * RIM, height: height - 2 * RIM, rx: RADIUS - RIM, fill: THEME.background }),
  ];
  const top = Math.max(0, ...board.rows.map((r) => r.points));
  const placed = slots(board);
  board.rows.forEach((row, i) => {
    const slot = placed[i] as Slot;
    const spec = slot.compact ? SMALL : FULL;
    if (row.own) {
      const inset = slot.compact ? 4 : 0;
      out.push(
        rect({
          x: slot.x - inset + 1,
          y: slot.y + 1,
          width: slot.width + 2 * inset - 2,
          height: slot.height - 2,
          rx: slot.compact ? 8 : 16,
          fill: THEME.own,
          stroke: THEME.ownRim,
          'stroke-width': 2,
        }),
      );
    }
    // Every bar shows a little colour, so a row with 0 points still shows its team.
    const share = top > 0 ? Math.max(0.02, row.points / top) : 0.02;
    const bar = { x: slot.x + spec.name.left, y: slot.y + spec.bar.top, height: spec.bar.height, rx: spec.bar.height / 2 };
    out.push(rect({ ...bar, width: spec.name.width, fill: THEME.track }), rect({ ...bar, width: round(share * spec.name.width), fill: safeColour(row.colour) }));
  });
  return out.join('');
}

/**
 * The ellipsis only where a text may not fit. satori needs `overflow: hidden` for it, which costs resvg
 * a clip and a mask per text; a text short enough that even 1.2 em per grapheme fits (no glyph in the
 * bundled fonts or Twemoji is wider) needs neither and is drawn the same.
 */
export function cutIfLong(text: string, fontSize: number, width: number): Record<string, string> {
  const graphemes = [...SEGMENTER.segment(text)].length;
  return graphemes * fontSize * 1.2 <= width ? {} : { overflow: 'hidden', textOverflow: 'ellipsis' };
}

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** A name on one line: a line break in it would shift every row under it in a column's text. */
export function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
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

/** Only `#rgb`…`#rrggbbaa` reaches the SVG: a colour is written into it as it is. */
function safeColour(colour: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(colour) ? colour : NO_TEAM_COLOUR;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function rect(attrs: Record<string, string | number>): string {
  return `<rect ${Object.entries(attrs)
    .map(([k, v]) => `${k}="${v}"`)
    .join(' ')}/>`;
}

/** A text placed on the picture: one line, or a column's lines (`\n` apart, kept as they are). */
function text(style: Record<string, string | number>, children: string): Node {
  return { type: 'div', props: { style: { position: 'absolute', display: 'flex', whiteSpace: 'pre', ...style }, children } };
}
