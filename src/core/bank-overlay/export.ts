import { normalizeQuestionText } from '../../bank/ids.js';
import { loadBank } from '../../bank/load.js';
import type { Question } from '../../bank/types.js';
import type { BankEntry } from './types.js';

/** One file the export writes: a name in the export folder and its Markdown. */
export interface ExportedFile {
  name: string;
  text: string;
  /** The ids written to it. */
  ids: string[];
}

export interface ExportResult {
  files: ExportedFile[];
  /** Questions that cannot be written in the canonical format so that they read back the same. */
  left: { id: string; reason: string }[];
  /** Edited file questions: where the original is, which the team replaces with the exported copy. */
  replaces: { id: string; file: string; line: number }[];
}

export const SUGGESTED_FILE = 'suggested.md';
export const EDITED_FILE = 'edited.md';

/**
 * The overlay as canonical Markdown (questions/README.md), each question with its `Id:` line so the
 * files carry the ids the store keys everything by. Additions go to suggested.md: once committed and
 * loaded, each file question takes the place of its addition (same id). Edited file questions go to
 * edited.md, as they are served: the team replaces each original with it (the export lists where); until
 * then the overlay serves the copy once (see Layer.shadowed). Every file is read back before it is
 * returned, and a question that would not come back the same (a multi-line question, an answer holding
 * a `---` rule or a section heading) is left out and named, never written wrong.
 */
export function exportOverlay(entries: readonly BankEntry[]): ExportResult {
  const added = entries.filter((e) => e.added !== null && !e.hidden).map((e) => e.question);
  const edited = entries.filter((e) => e.added === null && e.override !== null && !e.hidden && e.original !== null);
  const left: ExportResult['left'] = [];
  const files: ExportedFile[] = [];
  for (const [name, title, questions] of [
    [SUGGESTED_FILE, 'Suggested questions, approved', added],
    [EDITED_FILE, 'Edited questions: each replaces the original named in `bank export`', edited.map((e) => e.question)],
  ] as const) {
    if (questions.length === 0) continue;
    const { file, refused } = writeVerified(name, title, questions);
    left.push(...refused);
    if (file) files.push(file);
  }
  const written = new Set(files.flatMap((f) => f.ids));
  const replaces = edited.flatMap((e) => {
    const at = e.original?.sources[0];
    return at && written.has(e.question.id) ? [{ id: e.question.id, file: at.file, line: at.line }] : [];
  });
  return { files, left, replaces };
}

/** Writes, reads back, and writes again without the questions that did not survive the trip. */
function writeVerified(name: string, title: string, questions: readonly Question[]): { file: ExportedFile | null; refused: ExportResult['left'] } {
  const refused: ExportResult['left'] = [];
  let keep = questions.filter((q) => {
    if (!q.question.includes('\n')) return true;
    refused.push({ id: q.id, reason: 'the question spans several lines; a heading holds one' });
    return false;
  });
  for (let attempt = 0; attempt < 3 && keep.length > 0; attempt++) {
    const text = markdownFor(title, keep);
    const back = new Map(loadBank([{ path: name, bytes: new TextEncoder().encode(text) }]).questions.map((q) => [q.id, q]));
    const bad = keep.flatMap((q) => {
      const reason = difference(q, back.get(q.id));
      return reason ? [{ id: q.id, reason }] : [];
    });
    if (bad.length === 0) return { file: { name, text, ids: keep.map((q) => q.id) }, refused };
    refused.push(...bad);
    const gone = new Set(bad.map((b) => b.id));
    keep = keep.filter((q) => !gone.has(q.id));
  }
  return { file: null, refused };
}

function difference(want: Question, got: Question | undefined): string | null {
  if (!got) return 'it did not read back as a question';
  if (normalizeQuestionText(got.question) !== normalizeQuestionText(want.question)) return `it read back as "${got.question}"`;
  if ((got.answer ?? '').trim() !== (want.answer ?? '').trim()) return 'its answer read back differently (a `---` rule or a section heading inside it?)';
  if (got.category !== want.category) return `its category read back as ${got.category ?? 'none'}`;
  if (got.difficulty !== want.difficulty) return `its difficulty read back as ${got.difficulty ?? 'none'}`;
  const tags = (q: Question) => [...new Set(q.tags.map((t) => t.toLowerCase()))].sort().join(',');
  if (tags(got) !== tags(want)) return `its tags read back as ${got.tags.join(', ') || 'none'}`;
  const by = (q: Question) => q.suggestedBy?.replace(/\s+/g, ' ').trim() ?? null;
  if (by(got) !== by(want)) return `its "suggested by" read back as ${got.suggestedBy ?? 'none'}`;
  const list = (xs: readonly string[] | undefined) => JSON.stringify(xs ?? []);
  if (list(got.choices) !== list(want.choices) || got.correct !== want.correct) return 'its options or right option read back differently';
  if (list(got.accept) !== list(want.accept)) return `its accepted answers read back as ${got.accept?.join(', ') || 'none'}`;
  return null;
}

/** Front matter names no category (a `# title` would become one); each category is a `##` section. */
function markdownFor(title: string, questions: readonly Question[]): string {
  const byCategory = new Map<string | null, Question[]>();
  for (const q of questions) byCategory.set(q.category, [...(byCategory.get(q.category) ?? []), q]);
  const out: string[] = [`<!-- ${title}. Written by \`npm run bank -- export\`. -->`, ''];
  const groups = [...byCategory].sort(([a], [b]) => (a === null ? -1 : b === null ? 1 : a.localeCompare(b)));
  for (const [category, qs] of groups) {
    if (category !== null) out.push(`## ${category}`, '');
    for (const q of qs) out.push(...questionLines(q), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function questionLines(q: Question): string[] {
  const text = q.question.trim();
  const lines = [`### ${text.endsWith('?') ? text : `Q: ${text}`}`, `Id: ${q.id}`];
  if (q.tags.length > 0) lines.push(`Tags: ${q.tags.join(', ')}`);
  // The credit stays with the question once the file is committed: the loader reads the line back.
  if (q.suggestedBy) lines.push(`Suggested-by: ${q.suggestedBy.replace(/\s+/g, ' ').trim()}`);
  for (const hint of q.hints) lines.push(`Hint: ${hint}`);
  if (q.choices && q.correct !== undefined) lines.push(...choiceLines(q.choices, q.correct, q.answer));
  else if (q.answer !== null) lines.push('', '**Answer:**', q.answer.trim());
  if (q.accept && q.accept.length > 0) lines.push(`Accept: ${q.accept.join(', ')}`);
  return lines;
}

const LETTERS = 'ABCDEFGH';

/**
 * A bank's own multiple choice as the canonical format writes it: lettered options, the key, then the
 * explanation. The loader makes the served answer `**B.** Paris` plus the explanation, so that first
 * paragraph is its own and not written again. (The read-back check refuses anything that would not
 * come back the same, e.g. options holding a comma-separated key of their own.)
 */
function choiceLines(choices: readonly string[], correct: number, answer: string | null): string[] {
  const letter = LETTERS[correct] ?? 'A';
  const keyParagraph = `**${letter}.** ${choices[correct] ?? ''}`;
  const explanation = (answer ?? '').trim().startsWith(keyParagraph) ? (answer ?? '').trim().slice(keyParagraph.length).trim() : '';
  return ['', ...choices.map((c, i) => `${LETTERS[i] ?? '?'}) ${c}`), '', `Answer: ${letter}`, ...(explanation ? ['', explanation] : [])];
}
