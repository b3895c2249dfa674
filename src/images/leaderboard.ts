import { type BoardPicture, NO_TEAM_COLOUR } from '../core/images.js';
import { FULL, INNER_WIDTH, LAYOUT, RADIUS, RIM, SMALL, type Slot, headerHeight, pictureHeight, slots } from './layout.js';
import type { Line, TextStyle, Typesetter } from './typeset.js';

export { COMPACT, DETAIL_WIDTH, LAYOUT, NAME_WIDTH, pictureHeight } from './layout.js';

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

/** A line of text placed on the picture: its left end, the middle of its line box, its colour. */
export interface PlacedLine {
  line: Line;
  x: number;
  middle: number;
  colour: string;
}

type Align = 'left' | 'right' | 'center';
interface Box {
  left: number;
  width: number;
  middle: number;
}

/**
 * Every text of the board, laid out and cut to its box: the title, the asker's line (or the empty
 * board's message), then each row's rank (a medal for the top three), name, detail, points and movement.
 */
export function boardWords(board: BoardPicture, ts: Typesetter): PlacedLine[] {
  const out: PlacedLine[] = [];
  const put = (text: string, style: TextStyle, box: Box, colour: string, align: Align = 'left'): Line | null => {
    if (!text) return null;
    const line = ts.fit(text, style, box.width);
    const x = align === 'left' ? box.left : align === 'right' ? box.left + box.width - line.width : box.left + (box.width - line.width) / 2;
    out.push({ line, x, middle: box.middle, colour });
    return line;
  };
  const header = { left: LAYOUT.padding, width: INNER_WIDTH };
  put(oneLine(board.title), { size: 34, weight: 700 }, { ...header, middle: LAYOUT.padding + 21 }, THEME.text);
  if (board.subtitle) put(oneLine(board.subtitle), { size: 24, weight: 400 }, { ...header, middle: 93 }, THEME.muted);
  if (board.rows.length === 0) put(oneLine(board.empty), { size: 26, weight: 400 }, { ...header, middle: headerHeight(board) + LAYOUT.empty / 2 }, THEME.muted);
  const placed = slots(board);
  board.rows.forEach((row, i) => {
    const slot = placed[i] as Slot;
    const spec = slot.compact ? SMALL : FULL;
    const rankBox = { left: slot.x + spec.rank.left, width: spec.rank.width, middle: slot.y + spec.rank.middle };
    const medal = MEDALS[row.rank - 1];
    if (medal) put(medal, { size: spec.rank.medal, weight: 400 }, rankBox, THEME.text, 'center');
    else put(String(row.rank), { size: spec.rank.size, weight: 700 }, rankBox, THEME.muted, 'center');
    let nameWidth = spec.name.width;
    if (spec === FULL && row.detail) {
      // Small print at the name column's right end, on the name's line: the name gets what it leaves.
      const { detail, name } = FULL;
      const room = detail.width - DETAIL_GAP;
      const drawn = put(
        oneLine(row.detail),
        { size: detail.size, weight: 400 },
        { left: slot.x + name.left + name.width - room, width: room, middle: slot.y + detail.middle },
        THEME.muted,
        'right',
      );
      if (drawn) nameWidth -= drawn.width + DETAIL_GAP;
    }
    put(oneLine(row.name), { size: spec.name.size, weight: 700 }, { left: slot.x + spec.name.left, width: nameWidth, middle: slot.y + spec.name.middle }, THEME.text);
    const fromRight = (at: { right: number; width: number; middle: number }): Box => ({
      left: slot.x + slot.width - at.right - at.width,
      width: at.width,
      middle: slot.y + at.middle,
    });
    put(formatPoints(row.points), { size: spec.points.size, weight: 700 }, fromRight(spec.points), THEME.text, 'right');
    put(movementText(row.movement), { size: spec.movement.size, weight: 400 }, fromRight(spec.movement), movementColour(row.movement), 'right');
  });
  return out;
}

/** Between a name and the detail beside it. */
const DETAIL_GAP = 12;

/**
 * The words as SVG, to go over the shapes: one path per colour holding every glyph of that colour (resvg
 * fills a path in one pass; a path per glyph cost it a fill each), then the emoji as pictures.
 * `textAsText` writes each line as a `<text>` instead, for tests that look for the words.
 */
export function wordsSvg(words: readonly PlacedLine[], ts: Typesetter, emoji: Readonly<Record<string, string>>, opts: { textAsText?: boolean } = {}): string {
  const byColour = new Map<string, string[]>();
  const texts: string[] = [];
  const images: string[] = [];
  for (const w of words) {
    const { size } = w.line.style;
    const baseline = round(w.middle + ts.baselineOffset(w.line.style));
    if (opts.textAsText)
      texts.push(`<text x="${round(w.x)}" y="${baseline}" font-size="${size}" font-weight="${w.line.style.weight}" fill="${w.colour}">${escapeXml(w.line.text)}</text>`);
    else {
      const d = byColour.get(w.colour) ?? [];
      d.push(ts.outline(w.line, w.x, baseline));
      byColour.set(w.colour, d);
    }
    for (const e of w.line.emoji) {
      const href = emoji[e.grapheme];
      if (href) images.push(`<image href="${href}" x="${round(w.x + e.x)}" y="${round(w.middle - size / 2)}" width="${size}" height="${size}"/>`);
    }
  }
  const paths = [...byColour].flatMap(([colour, parts]) => {
    const d = parts.join('');
    return d ? [`<path fill="${colour}" d="${d}"/>`] : [];
  });
  return [...paths, ...texts, ...images].join('');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** The card, its rim, the bars and the asker's row, as SVG rectangles to go under the words. */
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
