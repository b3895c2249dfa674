import type { ParsedFile } from '../parse/parse-file.js';
import type { BankWarning } from '../types.js';
import { type AnkiNote, noteToRow, splitAnkiTags } from './anki-note.js';
import { readDelimited } from './delimited.js';
import { rowsToParsed } from './rows.js';

/** Header lines Anki writes at the top of a "Notes in Plain Text" export (2.1.55 and later). */
const HEADER = /^#(separator|html|tags|columns|notetype|deck|notetype column|deck column|tags column|guid column|if matches):(.*)$/i;

const SEPARATORS: Record<string, string> = { tab: '\t', comma: ',', semicolon: ';', space: ' ', pipe: '|', colon: ':' };

/** A `.txt` whose first line is one of Anki's header lines is an Anki export, not a Markdown/text bank. */
export function isAnkiText(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  return HEADER.test(first.trim());
}

interface Header {
  separator: string | null;
  html: boolean | null;
  tags: string[];
  deck: string | null;
  columns: string[] | null;
  /** 0-based positions of the special columns. */
  deckColumn: number | null;
  tagsColumn: number | null;
  guidColumn: number | null;
  notetypeColumn: number | null;
}

/**
 * Anki's text export: `#separator:`, `#html:`, `#tags:`, `#columns:`, `#deck:`, `#… column:` header lines,
 * then one note per row (quoted like CSV when a field holds the separator, a quote or a line break).
 * Fields are the columns that are not the deck, tags, GUID or note type: the first is the question,
 * the second the answer, unless `#columns:` names them (`Front`/`Question`/`Text`, `Back`/`Answer`).
 */
export function parseAnkiText(path: string, text: string): ParsedFile {
  const warnings: BankWarning[] = [];
  const lines = text.split('\n');
  const header: Header = { separator: null, html: null, tags: [], deck: null, columns: null, deckColumn: null, tagsColumn: null, guidColumn: null, notetypeColumn: null };
  let n = 0;
  for (; n < lines.length; n++) {
    const m = HEADER.exec((lines[n] ?? '').replace(/^\uFEFF/, '').trimEnd());
    if (!m) break;
    const problem = readHeaderLine(header, (m[1] ?? '').toLowerCase(), (m[2] ?? '').trim());
    if (problem) warnings.push({ file: path, line: n + 1, message: problem });
  }
  const body = lines.slice(n).join('\n');
  const separator = header.separator ?? sniff(body);
  const columns = header.columns?.length ? header.columns : null;
  const { records, problems } = readDelimited(body, separator, n + 1);
  warnings.push(...problems.map((p) => ({ file: path, ...p })));
  const special = new Set([header.deckColumn, header.tagsColumn, header.guidColumn, header.notetypeColumn].filter((c): c is number => c !== null));
  const width = Math.max(columns?.length ?? 0, ...records.map((r) => r.fields.length));
  const fieldColumns = Array.from({ length: width }, (_, i) => i).filter((i) => !special.has(i));
  const [questionAt, answerAt] = namedFields(columns, fieldColumns);
  const media = { count: 0 };
  const rows = records
    .filter((r) => r.fields.some((f) => f.trim() !== ''))
    .map((r) => {
      const at = (i: number | null): string => (i === null ? '' : (r.fields[i] ?? ''));
      const note: AnkiNote = {
        at: r.line,
        fields: [at(questionAt), at(answerAt)],
        tags: [...splitAnkiTags(at(header.tagsColumn)), ...header.tags],
        deck: at(header.deckColumn) || header.deck,
        guid: at(header.guidColumn) || null,
        html: header.html,
      };
      return noteToRow(note, media);
    });
  if (media.count > 0) warnings.push(mediaWarning(path, 1, media.count));
  return rowsToParsed(path, rows, 'note', warnings);
}

function readHeaderLine(h: Header, key: string, value: string): string | null {
  const column = (): number | null => {
    const c = Number.parseInt(value, 10);
    return Number.isInteger(c) && c >= 1 && c <= 1000 ? c - 1 : null;
  };
  switch (key) {
    case 'separator': {
      const sep = SEPARATORS[value.toLowerCase()] ?? (value.length === 1 ? value : null);
      if (sep === null)
        return `\`#separator:${value}\` is not a separator Anki writes (Tab, Comma, Semicolon, Space, Pipe, Colon or one character); the rows' own separator is used`;
      h.separator = sep;
      return null;
    }
    case 'html':
      h.html = value.toLowerCase() === 'true';
      return null;
    case 'tags':
      h.tags = splitAnkiTags(value);
      return null;
    case 'deck':
      h.deck = value || null;
      return null;
    case 'columns':
      // Read once the separator is known: Anki writes `#separator:` first.
      h.columns = value.split(h.separator ?? (value.includes('\t') ? '\t' : ',')).map((c) => c.trim());
      return null;
    case 'notetype':
    case 'if matches':
      return null;
    default: {
      const c = column();
      if (c === null) return `\`#${key}:${value}\` does not name a column (1, 2, …); ignored`;
      if (key === 'deck column') h.deckColumn = c;
      else if (key === 'tags column') h.tagsColumn = c;
      else if (key === 'guid column') h.guidColumn = c;
      else h.notetypeColumn = c;
      return null;
    }
  }
}

/** Field columns named in `#columns:` win; otherwise the first two fields are front and back. */
function namedFields(columns: string[] | null, fieldColumns: number[]): [number | null, number | null] {
  const named = (names: RegExp): number | null => fieldColumns.find((i) => names.test(columns?.[i] ?? '')) ?? null;
  const question = named(/^(front|question|text)$/i) ?? fieldColumns[0] ?? null;
  const answer = named(/^(back|answer)$/i) ?? named(/^(back extra|extra)$/i) ?? fieldColumns.find((i) => i !== question) ?? null;
  return [question, answer];
}

function sniff(body: string): string {
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return first.includes(',') ? ',' : '\t';
}

export function mediaWarning(file: string, line: number, count: number): BankWarning {
  return {
    file,
    line,
    message: `${count} picture${count === 1 ? '' : 's'} or sound${count === 1 ? '' : 's'} in the notes cannot be posted; each is shown as its file name, e.g. [image: diagram.png]`,
  };
}
