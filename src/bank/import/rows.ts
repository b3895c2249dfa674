import { levelOf, DEFAULT_LEGEND } from '../parse/difficulty.js';
import { newDraft, type RawQuestion } from '../parse/draft.js';
import { finishDraft } from '../parse/finish.js';
import { cleanCategory } from '../parse/headings.js';
import type { ParsedFile } from '../parse/parse-file.js';
import type { BankWarning } from '../types.js';

/** One question as an import format hands it over: Markdown text, already taken out of its columns or fields. */
export interface ImportedRow {
  /** Where it was read: a line, or a note's place in an Anki collection (1 for the first note). */
  line: number;
  /** What warnings call it when not "row"/"note" (`note 1700000000002`, its Anki note id). */
  label?: string;
  question: string;
  answer: string;
  category: string;
  tags: string[];
  hint?: string;
  difficulty?: string;
  id?: string;
}

/**
 * No field of a spreadsheet row or a note is this long: such a field is a broken export (a quote that
 * swallowed the rest of the file), and would stall the Markdown parser downstream.
 */
export const MAX_FIELD_CHARS = 20_000;

/**
 * Rows become questions through the same finishing step as Markdown files (markers off the text, the
 * question's length, the `Id:` check, levels among the tags), so an imported question is held to the
 * same rules as a written one. `from` says what a row is called in warnings ("row", "note").
 */
export function rowsToParsed(path: string, rows: Iterable<ImportedRow>, from: string, warnings: BankWarning[]): ParsedFile {
  const questions: RawQuestion[] = [];
  for (const row of rows) {
    const what = row.label ?? from;
    const long = (['question', 'answer', 'hint'] as const).find((k) => (row[k]?.length ?? 0) > MAX_FIELD_CHARS);
    if (long) {
      warnings.push({
        file: path,
        line: row.line,
        message: `${what} has ${long === 'answer' ? 'an' : 'a'} ${long} of ${row[long]?.length.toLocaleString('en')} characters (limit ${MAX_FIELD_CHARS.toLocaleString('en')}); skipped`,
        skipped: true,
      });
      continue;
    }
    if (row.question.trim() === '') {
      warnings.push({ file: path, line: row.line, message: `${what} has no question; skipped`, skipped: true });
      continue;
    }
    const category = row.category.trim() === '' ? null : cleanCategory(row.category) || null;
    const d = newDraft(row.question.trim(), row.line, category);
    d.answer = row.answer.trim();
    if (row.hint?.trim()) d.hints.push(row.hint.trim());
    d.tags.push(...row.tags);
    const difficulty = row.difficulty?.trim() ?? '';
    if (difficulty !== '') {
      d.difficulty = levelOf(difficulty);
      if (!d.difficulty) {
        warnings.push({ file: path, line: row.line, message: `difficulty \`${difficulty}\` is not a level (easy, medium, hard or a word for one); kept as a tag` });
        d.tags.push(difficulty);
      }
    }
    if (row.id?.trim()) d.id = row.id.trim();
    const finished = finishDraft(d, { legend: DEFAULT_LEGEND, tags: [], difficulty: null });
    warnings.push(...finished.warnings.map((w) => ({ file: path, ...w })));
    if (finished.question) questions.push(finished.question);
    else if (finished.warnings.length === 0)
      warnings.push({ file: path, line: row.line, message: `${what} has no question text once its formatting is taken off; skipped`, skipped: true });
  }
  if (questions.length === 0) warnings.push({ file: path, line: 1, message: 'no questions found (questions/README.md lists the formats Recall reads)' });
  // In file order, as a Markdown file's are (a row's own checks come before the finishing step's).
  warnings.sort((a, b) => a.line - b.line);
  return { questions, warnings };
}
