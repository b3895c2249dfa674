import { EXPLICIT_ID } from '../ids.js';
import type { Difficulty } from '../types.js';
import { linesToMarkdown } from './code-lines.js';
import type { DifficultyLegend } from './difficulty.js';
import { levelOf } from './difficulty.js';
import type { Draft, RawQuestion } from './draft.js';
import { readChoices } from './choices.js';
import { boldOnly, plainInline } from './lines.js';
import { splitQuestionMarkers } from './markers.js';

export interface ExtractWarning {
  line: number;
  message: string;
  skipped?: true;
}

export interface FinishContext {
  legend: DifficultyLegend;
  tags: readonly string[];
  difficulty: Difficulty | null;
}

export const MAX_QUESTION_CHARS = 1500;

/** A draft as the question it asks: markers off its text, difficulty and id settled. */
export function finishDraft(d: Draft, ctx: FinishContext): { question: RawQuestion | null; warnings: ExtractWarning[] } {
  const warnings: ExtractWarning[] = [];
  const { text, notes, difficulty: marked } = questionText(linesToMarkdown(d.questionLines), ctx.legend);
  if (plainInline(text) === '') return { question: null, warnings };
  if (text.length > MAX_QUESTION_CHARS) {
    const message = `question is ${text.length.toLocaleString('en')} characters long, skipped (is a line break or a numbering missing?)`;
    return { question: null, warnings: [{ line: d.line, message, skipped: true }] };
  }
  const tags = [...notes, ...d.tags, ...ctx.tags];
  const difficulty = marked ?? d.difficulty ?? firstLevel(tags) ?? ctx.difficulty;
  const answer = d.answer.trim();
  const question: RawQuestion = {
    question: text,
    answer: answer === '' ? null : answer,
    hints: d.hints,
    tags: withLevel(tags, difficulty),
    difficulty,
    id: explicitId(d, warnings),
    category: d.category,
    line: d.line,
  };
  if (d.accept.length > 0) question.accept = [...new Set(d.accept)];
  if (d.suggestedBy !== null) question.suggestedBy = d.suggestedBy;
  const choices = readChoices(text, answer);
  if (choices.kind === 'warning') warnings.push({ line: d.line, message: `options under this question: ${choices.message}` });
  if (choices.kind === 'choices') {
    const { reading } = choices;
    Object.assign(question, { question: reading.question, answer: reading.answer, choices: reading.choices, correct: reading.correct });
  }
  return { question, warnings };
}

/** Bold and markers come off in turns: `**RAG or fine-tuning? 👶**` and `**RAG or fine-tuning?** 👶` alike. */
function questionText(joined: string, legend: DifficultyLegend): { text: string; notes: string[]; difficulty: Difficulty | null } {
  let text = joined;
  let notes: string[] = [];
  let difficulty: Difficulty | null = null;
  for (let turn = 0; turn < 3; turn++) {
    const m = splitQuestionMarkers(boldOnly(text) ?? text, legend);
    difficulty ??= m.difficulty;
    notes = [...m.tags.filter((t) => t !== m.difficulty), ...notes];
    if (m.text === text) break;
    text = m.text;
  }
  // `Q10. What is…` inside bold or a plain line: the number is where it sat in one file.
  return { text: text.replace(/^q\s*\d{1,4}\s*[.):]\s+(?=\S)/i, ''), notes, difficulty };
}

function firstLevel(tags: string[]): Difficulty | null {
  for (const t of tags) {
    const level = levelOf(t);
    if (level) return level;
  }
  return null;
}

/** Level words among the tags become the level itself (`Intermediate` → `medium`), and the level is a tag. */
function withLevel(tags: string[], difficulty: Difficulty | null): string[] {
  const out = tags.map((t) => levelOf(t) ?? t);
  if (difficulty && !out.includes(difficulty)) out.push(difficulty);
  return [...new Set(out)];
}

function explicitId(d: Draft, warnings: ExtractWarning[]): string | null {
  if (d.id === null) return null;
  if (EXPLICIT_ID.test(d.id)) return d.id;
  warnings.push({
    line: d.line,
    message: `\`Id: ${d.id}\` is not a usable id (letters, digits, \`.\`, \`_\` and \`-\`, at most 64); the question keeps the id made from its words`,
  });
  return null;
}
