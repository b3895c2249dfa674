import type { Glyph } from 'fontkit';
import { isEmoji } from './emoji.js';
import type { FontBook, LoadedFace, Weight } from './fonts.js';

export interface TextStyle {
  /** px */
  size: number;
  weight: Weight;
}

/** A glyph of a line, in px from the line's start along its baseline. */
interface PlacedGlyph {
  face: LoadedFace;
  id: number;
  x: number;
  y: number;
}

/** A glyph as shaping placed it, in font units: its advance and its offset from the pen. */
interface Shaped {
  id: number;
  advance: number;
  dx: number;
  dy: number;
}

/** One line of text, shaped: where each glyph (or emoji picture, 1 em square) goes, and how wide it is. */
export interface Line {
  /** What it says, as drawn (a cut line ends in `…`). */
  text: string;
  style: TextStyle;
  width: number;
  glyphs: PlacedGlyph[];
  emoji: { grapheme: string; x: number }[];
  /** The glyphs' outlines from the line's start, written the first time the line is drawn. */
  path?: Outline | null;
}

/**
 * Outlines as path data that can go anywhere: the first point (in tenths of a px from the origin), then
 * relative commands only, and where they leave the pen, so the next outline can be joined with a move.
 */
interface Outline {
  x: number;
  y: number;
  rest: string;
  endX: number;
  endY: number;
}

const ELLIPSIS = '…';
/**
 * Past this many entries a cache is emptied and starts again: names are user data, and a bot may see
 * many. A line holds its path data (1–2 KB for a name), so lines are kept fewer: 5,000 is some twenty
 * boards of new names, about 10 MB.
 */
const LIMIT = { lines: 5_000, words: 20_000, outlines: 20_000 } as const;

/**
 * Lays out single lines of text and turns them into SVG path data, the work satori did for the board
 * in a general CSS engine: measured at ~27 µs a glyph, most of a 50-row board's time went there. Here a
 * run of text is shaped once per font with fontkit (kerning, ligatures, marks) and each glyph's outline
 * is written once per size, then reused: a board is mostly names and numbers seen before.
 * Fonts must be read first (`FontBook.need`), so laying out a line never waits.
 */
export class Typesetter {
  private shaped = new Map<string, Shaped[]>();
  private outlines = new Map<number, Outline | null>();
  /** Lines by size, weight and text: a board is mostly lines drawn before, and a line drawn before costs a look-up. */
  private lines = new Map<string, Line>();
  /** Per weight, from a line's middle to its baseline, in em. */
  private baselines = new Map<Weight, number>();

  constructor(private readonly fonts: FontBook) {}

  line(text: string, style: TextStyle): Line {
    const key = `${style.size}|${style.weight}|${text}`;
    let line = this.lines.get(key);
    if (!line) {
      line = this.lay(text, style);
      remember(this.lines, key, line, LIMIT.lines);
    }
    return line;
  }

  private lay(text: string, style: TextStyle): Line {
    const glyphs: PlacedGlyph[] = [];
    const emoji: Line['emoji'] = [];
    let x = 0;
    for (const run of this.runs(text, style.weight)) {
      if (run.face === 'emoji') {
        emoji.push({ grapheme: run.text, x });
        x += style.size;
        continue;
      }
      if (!run.face) continue;
      const scale = style.size / run.face.font.unitsPerEm;
      for (const g of this.shape(run.face, run.text)) {
        glyphs.push({ face: run.face, id: g.id, x: x + g.dx * scale, y: -g.dy * scale });
        x += g.advance * scale;
      }
    }
    return { text, style, width: x, glyphs, emoji };
  }

  /** The line, or as much of it as fits in `width` followed by an ellipsis. */
  fit(text: string, style: TextStyle, width: number): Line {
    const whole = this.line(text, style);
    if (whole.width <= width) return whole;
    const parts = [...graphemes(text)];
    const cut = (n: number) => this.line(`${parts.slice(0, n).join('').trimEnd()}${ELLIPSIS}`, style);
    // Start where the average grapheme says the cut falls, then step: one or two lines shaped, not a
    // binary search's five or six (a new name is shaped anew for each try).
    const room = width - this.line(ELLIPSIS, style).width;
    let n = Math.max(0, Math.min(parts.length - 1, Math.floor((parts.length * room) / whole.width)));
    while (n > 0 && cut(n).width > width) n--;
    while (n + 1 < parts.length && cut(n + 1).width <= width) n++;
    return cut(n);
  }

  /** The line's glyphs as SVG path data, its start at `x` and its baseline at `baseline`. */
  outline(line: Line, x: number, baseline: number): string {
    if (line.path === undefined) line.path = this.join(line);
    const p = line.path;
    return p ? `M${numbers([Math.round(x * 10) + p.x, Math.round(baseline * 10) + p.y], false)}${p.rest}` : '';
  }

  /** The outlines of a line's glyphs joined into one, from the line's origin: each next glyph is a relative move from where the last left the pen. */
  private join(line: Line): Outline | null {
    let first: { x: number; y: number } | undefined;
    const parts: string[] = [];
    let endX = 0;
    let endY = 0;
    for (const g of line.glyphs) {
      const o = this.outlineOf(g.face, g.id, line.style.size);
      if (!o) continue;
      const gx = Math.round(g.x * 10);
      const gy = Math.round(g.y * 10);
      if (!first) first = { x: gx + o.x, y: gy + o.y };
      else parts.push(`m${numbers([gx + o.x - endX, gy + o.y - endY], false)}`);
      parts.push(o.rest);
      endX = gx + o.endX;
      endY = gy + o.endY;
    }
    return first ? { ...first, rest: parts.join(''), endX, endY } : null;
  }

  /** From the middle of a line to its baseline: the line box is centred on the middle, as CSS centres a line's content. */
  baselineOffset(style: TextStyle): number {
    let k = this.baselines.get(style.weight);
    if (k === undefined) {
      const { font } = this.fonts.primary(style.weight);
      k = (font.ascent + font.descent) / 2 / font.unitsPerEm;
      this.baselines.set(style.weight, k);
    }
    return k * style.size;
  }

  /** Runs of graphemes drawn by the same face (null: none has them), emoji on their own. */
  private *runs(text: string, weight: Weight): Iterable<{ face: LoadedFace | null | 'emoji'; text: string }> {
    let face: LoadedFace | null | 'emoji' | undefined;
    let run = '';
    for (const segment of graphemes(text)) {
      const next = isEmoji(segment) ? 'emoji' : this.fonts.fontFor(segment.codePointAt(0) ?? 0, weight);
      if (next === 'emoji' || next !== face) {
        if (face !== undefined && run) yield { face, text: run };
        face = next;
        run = '';
      }
      run += segment;
    }
    if (face !== undefined && run) yield { face, text: run };
  }

  /**
   * A run shaped word by word (spaces on their own): names share words, scores share ` pts`, so a new
   * line is mostly words shaped before. Kerning across a space is all that is lost, and no bundled font has any.
   */
  private shape(face: LoadedFace, text: string): Shaped[] {
    if (!text.includes(' ')) return this.shapeWord(face, text);
    return text.split(/( )/).flatMap((word) => (word ? this.shapeWord(face, word) : []));
  }

  private shapeWord(face: LoadedFace, text: string): Shaped[] {
    const key = `${face.index}|${text}`;
    let glyphs = this.shaped.get(key);
    if (!glyphs) {
      const run = face.font.layout(text);
      glyphs = run.glyphs.map((g, i) => {
        const p = run.positions[i];
        return { id: g.id, advance: p?.xAdvance ?? g.advanceWidth, dx: p?.xOffset ?? 0, dy: p?.yOffset ?? 0 };
      });
      remember(this.shaped, key, glyphs, LIMIT.words);
    }
    return glyphs;
  }

  private outlineOf(face: LoadedFace, id: number, size: number): Outline | null {
    // A number, not a string: this runs for every glyph of every new line (glyph ids are 16-bit, sizes whole px under 1,024).
    const key = (face.index * 65_536 + id) * 1_024 + size;
    let o = this.outlines.get(key);
    if (o === undefined) {
      o = writeOutline(face.font.getGlyph(id), size / face.font.unitsPerEm);
      remember(this.outlines, key, o, LIMIT.outlines);
    }
    return o;
  }
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V, limit: number): void {
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
}

/**
 * A glyph's outline, scaled and flipped (font y points up, SVG's down), on a 0.1 px grid. Every point is
 * rounded where it lies and the commands are the differences between rounded points, so relative
 * commands never drift; only the first point is placed per use. Written short, as the SVG grammar
 * allows (a repeated command letter left out, no space before a minus sign, `.5` for `0.5`): resvg's
 * time to read a board's path data goes with its length.
 */
function writeOutline(glyph: Glyph, k: number): Outline | null {
  const commands = glyph.path.commands;
  if (commands.length === 0) return null;
  let first: [number, number] | undefined;
  let cx = 0;
  let cy = 0;
  let sx = 0;
  let sy = 0;
  let rest = '';
  let last = '';
  const put = (letter: string, args: number[]): void => {
    const values: number[] = [];
    let lx = cx;
    let ly = cy;
    for (let i = 0; i < args.length; i += 2) {
      lx = Math.round((args[i] ?? 0) * k * 10);
      ly = Math.round(-(args[i + 1] ?? 0) * k * 10);
      values.push(lx - cx, ly - cy);
    }
    // The same command again goes without its letter (a relative move is never repeated: more pairs after `m` would be lines).
    rest += letter === last && letter !== 'm' ? numbers(values, true) : letter + numbers(values, false);
    last = letter;
    cx = lx;
    cy = ly;
  };
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo': {
        const x = Math.round((args[0] ?? 0) * k * 10);
        const y = Math.round(-(args[1] ?? 0) * k * 10);
        if (first) put('m', args);
        else first = [x, y];
        cx = sx = x;
        cy = sy = y;
        break;
      }
      case 'lineTo':
        put('l', args);
        break;
      case 'quadraticCurveTo':
        put('q', args);
        break;
      case 'bezierCurveTo':
        put('c', args);
        break;
      case 'closePath':
        rest += 'z';
        last = 'z';
        cx = sx;
        cy = sy;
        break;
    }
  }
  return first ? { x: first[0], y: first[1], rest, endX: cx, endY: cy } : null;
}

/** Numbers (in tenths) as path data: a space between them, none before a minus sign; `after` when they follow other numbers. */
function numbers(values: readonly number[], after: boolean): string {
  let out = '';
  values.forEach((v, i) => {
    const t = tenths(v);
    out += (i > 0 || after) && t[0] !== '-' ? ` ${t}` : t;
  });
  return out;
}

/** An integer count of tenths as the shortest decimal: 13 → "1.3", -5 → "-.5", 120 → "12" (integer parts: several times quicker than `String(n / 10)`). */
function tenths(n: number): string {
  const abs = n < 0 ? -n : n;
  const whole = Math.floor(abs / 10);
  const tenth = abs - whole * 10;
  const digits = tenth === 0 ? `${whole}` : whole === 0 ? `.${tenth}` : `${whole}.${tenth}`;
  return n < 0 ? `-${digits}` : digits;
}

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Characters that make a grapheme of more than one code point, or an emoji: marks, joiners, variation
 * selectors, keycaps, regional indicators, Hangul jamo. A text without any is split by code point,
 * several times quicker than the segmenter.
 */
const CLUSTERS = /\p{M}|\p{Extended_Pictographic}|\p{Regional_Indicator}|\u200c|\u200d|\u20e3|[\u1100-\u11ff\ud7b0-\ud7ff]/u;

function graphemes(text: string): Iterable<string> {
  return CLUSTERS.test(text) ? [...SEGMENTER.segment(text)].map((s) => s.segment) : text;
}
