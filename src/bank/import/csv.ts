import type { ParsedFile } from '../parse/parse-file.js';
import { splitTags } from '../parse/shape-checks.js';
import type { BankWarning } from '../types.js';
import { readDelimited } from './delimited.js';
import { type ImportedRow, rowsToParsed } from './rows.js';

/** Header names (any case) → the field they fill; `front`/`back` are what flash-card tools call them. */
const COLUMNS: Record<string, keyof Omit<ImportedRow, 'line' | 'tags'> | 'tags'> = {
  question: 'question',
  front: 'question',
  answer: 'answer',
  back: 'answer',
  category: 'category',
  tags: 'tags',
  difficulty: 'difficulty',
  hint: 'hint',
  id: 'id',
};

/**
 * A spreadsheet of questions: a header row naming the columns (`question,answer,category,tags,difficulty`,
 * any order, any case; `hint` and `id` too; other columns ignored), then one question per row. `.tsv`
 * is split on tabs; a `.csv` on commas, or on the semicolons or tabs its header uses instead (Excel
 * writes semicolons where the decimal mark is a comma).
 */
export function parseCsv(path: string, text: string, tabs: boolean): ParsedFile {
  const warnings: BankWarning[] = [];
  const delimiter = tabs ? '\t' : sniffDelimiter(text);
  const { records, problems } = readDelimited(text, delimiter);
  warnings.push(...problems.map((p) => ({ file: path, ...p })));
  const header = records[0];
  const columns = header ? header.fields.map((name) => COLUMNS[name.trim().toLowerCase()] ?? null) : [];
  if (!header || !columns.includes('question')) {
    const first = header ? `the first row is \`${header.fields.join(delimiter === '\t' ? '⇥' : delimiter).slice(0, 80)}\`` : 'the file has no rows';
    warnings.push({
      file: path,
      line: header?.line ?? 1,
      message: `needs a header row naming a \`question\` column (e.g. \`question${delimiter}answer${delimiter}category${delimiter}tags${delimiter}difficulty\`); ${first}; skipped`,
    });
    return { questions: [], warnings };
  }
  const rows: ImportedRow[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.every((f) => f.trim() === '')) continue;
    if (record.fields.length > columns.length && record.fields.slice(columns.length).some((f) => f.trim() !== '')) {
      const sep = delimiter === '\t' ? 'tab' : `\`${delimiter}\``;
      warnings.push({
        file: path,
        line: record.line,
        message: `row has ${record.fields.length} cells but the header ${columns.length}; the extra cells are ignored (a ${sep} inside a cell needs the cell in double quotes)`,
      });
    }
    const row: ImportedRow = { line: record.line, question: '', answer: '', category: '', tags: [] };
    columns.forEach((column, i) => {
      const value = record.fields[i] ?? '';
      if (column === null || value.trim() === '') return;
      if (column === 'tags') row.tags.push(...splitTags(value));
      // The first column of a name wins: a second `answer` column is ignored like any unknown one.
      else if (columns.indexOf(column) === i) row[column] = value;
    });
    rows.push(row);
  }
  return rowsToParsed(path, rows, 'row', warnings);
}

function sniffDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  if (count(',') > 0) return ',';
  if (count(';') > 0) return ';';
  if (count('\t') > 0) return '\t';
  return ',';
}
