/** An open code fence, as needed to close it at the end of a chunk and reopen it in the next one. */
export interface Fence {
  /** The opening line as written, e.g. "```python" or "> ```js". */
  opener: string;
  /** A line that closes it: same prefix, same marker. */
  closer: string;
  /** The run of backticks or tildes that opened it; a closer needs at least as many. */
  marker: string;
  /** Offset of the end of the opening line (its newline). */
  openerEnd: number;
}

export interface Line {
  start: number;
  /** Offset of the line's newline, or of the end of the text. */
  end: number;
  kind: 'opener' | 'closer' | 'text';
  fenceBefore: Fence | null;
  fenceAfter: Fence | null;
}

// Any mix of indentation and `>` may precede a fence: code blocks nest in list items and quotes.
const OPENER = /^([ \t>]*)(`{3,}|~{3,})(.*)$/;
const CLOSER = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/;

/** Splits `text` into lines, recording which code fence (if any) is open around each. */
export function scanLines(text: string, trackFences: boolean): Line[] {
  const lines: Line[] = [];
  let open: Fence | null = null;
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const content = text.slice(start, end);
    const before: Fence | null = open;
    let kind: Line['kind'] = 'text';

    if (trackFences && open === null) {
      const opened = openFence(content, end);
      if (opened) {
        open = opened;
        kind = 'opener';
      }
    } else if (trackFences && open !== null && closesFence(content, open)) {
      open = null;
      kind = 'closer';
    }

    lines.push({ start, end, kind, fenceBefore: before, fenceAfter: open });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/** The line containing `position`; a newline belongs to the line it ends. */
export function lineAt(lines: Line[], position: number): Line {
  let low = 0;
  let high = lines.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const line = lines[middle];
    if (line && line.start <= position) low = middle;
    else high = middle - 1;
  }
  const line = lines[low];
  if (!line) throw new Error('lineAt: no lines were scanned');
  return line;
}

function openFence(content: string, end: number): Fence | null {
  const match = OPENER.exec(content);
  const prefix = match?.[1];
  const marker = match?.[2];
  const info = match?.[3] ?? '';
  if (prefix === undefined || marker === undefined) return null;
  // A backtick fence's info string cannot contain backticks (that would be inline code).
  if (marker.startsWith('`') && info.includes('`')) return null;
  return { opener: content.trimEnd(), closer: prefix + marker, marker, openerEnd: end };
}

function closesFence(content: string, fence: Fence): boolean {
  const marker = CLOSER.exec(content)?.[1];
  return marker !== undefined && marker[0] === fence.marker[0] && marker.length >= fence.marker.length;
}
