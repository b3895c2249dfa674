import { type Fence, type Line, lineAt, scanLines } from './fences.js';

export interface SplitOptions {
  /**
   * Close a ``` fence at the end of a chunk and reopen it (same info string) at the start of the
   * next. On by default; turn it off for text that has no fences, such as plain renders.
   */
  fences?: boolean;
  /**
   * Single-line spans (links, entities) that word and hard cuts stay out of unless nothing else
   * fits. Needs the `g` flag.
   */
  keepTogether?: RegExp;
}

interface Cut {
  chunk: string;
  /** Where the next chunk starts. */
  next: number;
}

interface Level {
  /** Candidate cut offsets in (from, to], best (largest) first. */
  candidates: (from: number, to: number) => Iterable<number>;
  respectKeepTogether: boolean;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Splits rendered text into chunks of at most `limit` UTF-16 code units. Cuts prefer, in order:
 * a blank line, a line end, a space, a grapheme boundary, a code point boundary (emoji and other
 * surrogate pairs are never halved). A chunk that ends inside a fenced code block gets a closing
 * fence and the next one reopens it; those fence lines count towards the limit. Whitespace at
 * chunk edges is dropped and no chunk is empty. Fences are only repaired when the limit can hold
 * the fence lines plus some content.
 */
export function splitMessage(text: string, limit: number, options: SplitOptions = {}): string[] {
  if (!Number.isInteger(limit) || limit < 2) {
    throw new RangeError(`splitMessage: limit must be an integer of at least 2, got ${limit}`);
  }
  const source = text.replace(/\r\n?/g, '\n').trimEnd();
  return new Splitter(source, limit, options).split();
}

class Splitter {
  private readonly text: string;
  private readonly limit: number;
  private readonly lines: Line[];
  private readonly fences: boolean;
  private readonly protectedAt: Uint8Array;
  private readonly levels: Level[];

  constructor(text: string, limit: number, options: SplitOptions) {
    this.text = text;
    this.limit = limit;
    this.fences = options.fences ?? true;
    this.lines = scanLines(text, this.fences);
    this.protectedAt = protectSpans(text, options.keepTogether);

    this.levels = [
      { candidates: (from, to) => this.newlines(from, to, true), respectKeepTogether: true },
      { candidates: (from, to) => this.newlines(from, to, false), respectKeepTogether: true },
      { candidates: (from, to) => this.spaces(from, to), respectKeepTogether: true },
      { candidates: (from, to) => this.graphemeBoundaries(from, to), respectKeepTogether: true },
      { candidates: (from, to) => this.graphemeBoundaries(from, to), respectKeepTogether: false },
      { candidates: (from, to) => this.codePointBoundaries(from, to), respectKeepTogether: false },
    ];
  }

  split(): string[] {
    const chunks: string[] = [];
    let position = this.skipBlank(0);
    while (position < this.text.length) {
      const cut = this.bestCut(position) ?? this.bareCut(position);
      if (cut.chunk.trim().length > 0) chunks.push(cut.chunk);
      position = cut.next;
    }
    return chunks;
  }

  private bestCut(position: number): Cut | null {
    const reopened = this.fences ? this.fenceAtStart(position) : null;
    const prefix = reopened ? `${reopened.opener}\n` : '';
    const furthest = Math.min(this.text.length, position + this.limit - prefix.length);

    if (furthest === this.text.length) {
      const rest = this.tryCut(position, this.text.length, this.text.length, prefix);
      if (rest) return rest;
    }
    for (const level of this.levels) {
      for (const at of level.candidates(position, furthest)) {
        if (level.respectKeepTogether && this.protectedAt[at] === 1) continue;
        const cut = this.tryCut(position, at, this.skipBlank(at), prefix);
        if (cut) return cut;
      }
    }
    return null;
  }

  /** Used only when the limit is too small for fence lines: a plain cut that still keeps code points whole. */
  private bareCut(position: number): Cut {
    for (const at of this.codePointBoundaries(position, Math.min(this.text.length, position + this.limit))) {
      return { chunk: this.text.slice(position, at).trimEnd(), next: this.skipBlank(at) };
    }
    throw new Error('splitMessage: no code point boundary fits the limit');
  }

  private tryCut(position: number, at: number, next: number, prefix: string): Cut | null {
    const body = this.text.slice(position, at).trimEnd();
    if (body.trim().length === 0) return null;

    let suffix = '';
    if (this.fences) {
      const state = this.fenceAtCut(at);
      if (state === 'inside-fence-line') return null;
      if (state) {
        // Closing right after the opening line (or right before the real closing line) would leave an empty block behind.
        if (position + body.length <= state.openerEnd) return null;
        if (next < this.text.length && this.isCloserOf(next, state)) return null;
        suffix = `\n${state.closer}`;
      }
    }

    const chunk = prefix + body + suffix;
    return chunk.length <= this.limit ? { chunk, next } : null;
  }

  /** The fence a chunk starting at `position` has to reopen. */
  private fenceAtStart(position: number): Fence | null {
    const line = lineAt(this.lines, position);
    if (position === line.start || line.kind === 'text') return line.fenceBefore;
    return null;
  }

  /** The fence still open at a cut, or a refusal when the cut would split a fence line itself. */
  private fenceAtCut(at: number): Fence | null | 'inside-fence-line' {
    const line = lineAt(this.lines, at);
    if (at === line.end) return line.fenceAfter;
    if (at === line.start) return line.fenceBefore;
    return line.kind === 'text' ? line.fenceBefore : 'inside-fence-line';
  }

  private isCloserOf(position: number, fence: Fence): boolean {
    const line = lineAt(this.lines, position);
    return line.kind === 'closer' && line.fenceBefore === fence;
  }

  /** Line ends in (from, to]; with `blankLineAfter`, only those that end a paragraph. */
  private *newlines(from: number, to: number, blankLineAfter: boolean): Iterable<number> {
    let at = this.text.lastIndexOf('\n', to);
    while (at > from) {
      if (!blankLineAfter || this.isBlankLine(at + 1)) yield at;
      at = this.text.lastIndexOf('\n', at - 1);
    }
  }

  private isBlankLine(start: number): boolean {
    const end = this.text.indexOf('\n', start);
    return this.text.slice(start, end === -1 ? this.text.length : end).trim().length === 0;
  }

  private *spaces(from: number, to: number): Iterable<number> {
    for (let at = Math.min(to, this.text.length - 1); at > from; at--) {
      const character = this.text[at];
      if (character === ' ' || character === '\t') yield at;
    }
  }

  private *graphemeBoundaries(from: number, to: number): Iterable<number> {
    // A boundary depends only on the text before it and the character right after it, so one
    // character past `to` is enough context.
    const starts = [...graphemes.segment(this.text.slice(from, to + 1))].map(({ index }) => from + index);
    for (let index = starts.length - 1; index >= 0; index--) {
      const at = starts[index];
      if (at !== undefined && at > from && at <= to) yield at;
    }
  }

  private *codePointBoundaries(from: number, to: number): Iterable<number> {
    for (let at = to; at > from; at--) {
      if (!(isLowSurrogate(this.text.charCodeAt(at)) && isHighSurrogate(this.text.charCodeAt(at - 1)))) yield at;
    }
  }

  /** Skips trailing spaces and blank lines, keeping the indentation of the next non-blank line. */
  private skipBlank(at: number): number {
    let lineStart = at;
    for (;;) {
      let index = lineStart;
      while (this.text[index] === ' ' || this.text[index] === '\t') index++;
      if (index >= this.text.length) return this.text.length;
      if (this.text[index] !== '\n') {
        return lineStart === 0 || this.text[lineStart - 1] === '\n' ? lineStart : index;
      }
      lineStart = index + 1;
    }
  }
}

/** Marks offsets strictly inside a `keepTogether` match, where cutting would break the span. */
function protectSpans(text: string, pattern: RegExp | undefined): Uint8Array {
  const protectedAt = new Uint8Array(text.length + 1);
  if (!pattern) return protectedAt;
  const global = pattern.flags.includes('g') ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  for (const match of text.matchAll(global)) {
    const start = match.index;
    for (let at = start + 1; at < start + match[0].length; at++) protectedAt[at] = 1;
  }
  return protectedAt;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
