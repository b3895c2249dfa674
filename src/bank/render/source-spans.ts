import { scanLines } from './fences.js';

/** TeX between `$…$` (inline) or `$$…$$` (display). */
export interface MathSpan {
  kind: 'math';
  start: number;
  end: number;
  tex: string;
  display: boolean;
}

/** `[text](https://… with a space)`: CommonMark reads no link there, and the text came out half escaped, half linked. */
export interface SpacedLinkSpan {
  kind: 'spacedLink';
  start: number;
  end: number;
  label: string;
  url: string;
}

export type SourceSpan = MathSpan | SpacedLinkSpan;

/** No real inline formula is longer; it bounds the search for a closing `$` on hostile lines. */
const MAX_INLINE_MATH = 1000;
const MAX_DISPLAY_MATH = 10_000;
const MAX_CODE_SPAN = 10_000;
// A destination with a space in it, not followed by a quoted title (which would make it a real link).
const SPACED_LINK = /^\[([^[\]\n]{1,500})\]\(([^\s<>()]{1,2000}) +([^\s"'(][^()\n"']{0,500})\)/;

/**
 * Math and spaced links in Markdown source, outside code fences and code spans, in one pass. Math
 * follows Pandoc's rule so prices stay prices: the opening `$` has no space after it, the closing one
 * none before it and no digit after it ("$5 and $10" is not math); `\$` is a dollar sign. Every search
 * is bounded, so a hostile line costs time in proportion to its length.
 */
export function findSourceSpans(markdown: string): SourceSpan[] {
  if (!markdown.includes('$') && !markdown.includes('](')) return [];
  return new Scanner(markdown).scan();
}

class Scanner {
  private readonly spans: SourceSpan[] = [];
  /** Backtick runs by length, each list ascending: where a code span of that length could close. */
  private readonly runs = new Map<number, number[]>();
  private readonly doubleDollars: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '`') {
        let end = i;
        while (text[end] === '`') end++;
        const list = this.runs.get(end - i) ?? [];
        list.push(i);
        this.runs.set(end - i, list);
        i = end - 1;
      } else if (text[i] === '$' && text[i + 1] === '$') {
        this.doubleDollars.push(i);
        i++;
      }
    }
  }

  scan(): SourceSpan[] {
    let reached = 0;
    for (const line of scanLines(this.text, true)) {
      if (line.kind !== 'text' || line.fenceBefore !== null || line.end <= reached) continue;
      reached = this.scanLine(Math.max(line.start, reached), line.end);
    }
    return this.spans;
  }

  /** Returns where scanning got to: past the line, when a code span or formula runs on. */
  private scanLine(from: number, lineEnd: number): number {
    const text = this.text;
    let i = from;
    while (i < lineEnd) {
      const c = text[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        i = this.skipCodeSpan(i);
      } else if (c === '$') {
        const double = text[i + 1] === '$';
        const span = double ? this.displayMath(i) : inlineMath(text, i, lineEnd);
        if (span) {
          this.spans.push(span);
          i = span.end;
        } else i += double ? 2 : 1;
      } else if ((c === ']' && text[i + 1] === '(') || (c === '<' && /^<[A-Za-z][\w+.-]{1,31}:/.test(text.slice(i, i + 34)))) {
        // A link's address (or an autolink) is never math: `$` is a legal URL character.
        i = skipAddress(text, i + 1, lineEnd);
      } else if (c === '[') {
        const match = SPACED_LINK.exec(text.slice(i, Math.min(lineEnd, i + 3100)));
        if (match?.[1] !== undefined && match[2] !== undefined && match[3] !== undefined) {
          this.spans.push({ kind: 'spacedLink', start: i, end: i + match[0].length, label: match[1], url: `${match[2]} ${match[3].trim()}` });
          i += match[0].length;
        } else i++;
      } else i++;
    }
    return i;
  }

  /** A code span ends at the next run of exactly as many backticks; without one the run is literal. */
  private skipCodeSpan(at: number): number {
    let end = at;
    while (this.text[end] === '`') end++;
    const close = firstAfter(this.runs.get(end - at) ?? [], at);
    if (close === undefined || close - end > MAX_CODE_SPAN) return end;
    return close + (end - at);
  }

  /** `$$…$$`, on one line or over several of one paragraph. */
  private displayMath(at: number): MathSpan | null {
    const close = firstAfter(this.doubleDollars, at + 1);
    if (close === undefined || close - at > MAX_DISPLAY_MATH) return null;
    const inner = this.text.slice(at + 2, close);
    if (inner.trim() === '' || /\n[ \t>]*\n/.test(inner)) return null;
    return { kind: 'math', start: at, end: close + 2, tex: inner.replace(/\n[ \t>]*/g, ' ').trim(), display: true };
  }
}

/** Past the address that starts at `at`: at its closing bracket, or at the first space or line end. */
function skipAddress(text: string, at: number, lineEnd: number): number {
  let i = at + 1;
  while (i < lineEnd && text[i] !== ')' && text[i] !== '>' && text[i] !== ' ') i++;
  return i;
}

/** The first position in an ascending list greater than `after`. */
function firstAfter(sorted: readonly number[], after: number): number | undefined {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? 0) <= after) low = middle + 1;
    else high = middle;
  }
  return sorted[low];
}

function inlineMath(text: string, at: number, lineEnd: number): MathSpan | null {
  const first = text[at + 1];
  if (first === undefined || /\s/.test(first) || at + 1 >= lineEnd) return null;
  const limit = Math.min(lineEnd, at + 1 + MAX_INLINE_MATH);
  for (let i = at + 1; i < limit; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '$') continue;
    // The first `$` decides: scanning on would make a line of dollars cost its length squared.
    if (/\s/.test(text[i - 1] ?? '') || /\d/.test(text[i + 1] ?? '')) return null;
    return { kind: 'math', start: at, end: i + 1, tex: text.slice(at + 1, i), display: false };
  }
  return null;
}

/** Rebuilds the text with each span replaced. */
export function replaceSpans(markdown: string, spans: readonly SourceSpan[], replace: (span: SourceSpan) => string): string {
  if (spans.length === 0) return markdown;
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += markdown.slice(at, span.start) + replace(span);
    at = span.end;
  }
  return out + markdown.slice(at);
}

/** Backslash-escapes every ASCII punctuation mark, so the text reads back as exactly these characters. */
export function escapeMarkdownText(value: string): string {
  return value.replace(/[!-/:-@[-`{-~]/g, '\\$&');
}
