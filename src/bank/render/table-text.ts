import type { AlignType, Code, PhrasingContent, Table } from 'mdast';
import { displayWidth } from './text-width.js';

const COLUMN_GAP = ' | ';
const RULE_GAP = '-+-';

/**
 * Lays out a GFM table as aligned monospace text:
 *
 *     Name | Score
 *     -----+------
 *     Ann  |    10
 *
 * Cells are rendered by `cellText` (plain text, no Markdown marks); column alignment from the
 * delimiter row is honoured; trailing spaces are trimmed from each line.
 */
export function tableToText(table: Table, cellText: (cell: PhrasingContent[]) => string): string {
  const rows = table.children.map((row) => row.children.map((cell) => cellText(cell.children).replace(/\s+/g, ' ').trim()));
  return formatColumns(rows, table.align ?? []);
}

/** Chat clients cannot draw tables, but they all draw code blocks in a monospace font. */
export function tableToCode(table: Table, cellText: (cell: PhrasingContent[]) => string): Code {
  return { type: 'code', lang: null, meta: null, value: tableToText(table, cellText) };
}

/** First row is the header; rows shorter than the widest are padded with empty cells. */
export function formatColumns(rows: string[][], align: AlignType[] = []): string {
  const columnCount = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columnCount }, (_, column) => Math.max(1, ...rows.map((row) => displayWidth(row[column] ?? ''))));

  const line = (row: string[]): string =>
    widths
      .map((width, column) => pad(row[column] ?? '', width, align[column] ?? null))
      .join(COLUMN_GAP)
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join(RULE_GAP);

  const [header, ...body] = rows;
  if (!header) return '';
  return [line(header), rule, ...body.map(line)].join('\n');
}

function pad(value: string, width: number, align: AlignType): string {
  const room = width - displayWidth(value);
  if (align === 'right') return ' '.repeat(room) + value;
  if (align === 'center') {
    const left = Math.floor(room / 2);
    return ' '.repeat(left) + value + ' '.repeat(room - left);
  }
  return value + ' '.repeat(room);
}
