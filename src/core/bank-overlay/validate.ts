import { EXPLICIT_ID, normalizeQuestionText } from '../../bank/ids.js';
import { DIFFICULTIES } from '../../bank/types.js';
import { UserError } from '../errors.js';
import type { NewQuestion, QuestionFields } from './types.js';

/** The same limits a bank file's fields get (the importers warn past 20,000 characters). */
export const LIMITS = { question: 2_000, answer: 20_000, category: 100, tag: 50, tags: 20, name: 100 } as const;

/** Trimmed fields an admin typed, or a UserError saying what to fix; empty answer/category mean none. */
export function cleanFields(f: QuestionFields): QuestionFields {
  const out: QuestionFields = {};
  if (f.question !== undefined) out.question = cleanQuestion(f.question);
  if (f.answer !== undefined) out.answer = cleanOptional(f.answer, 'answer', LIMITS.answer);
  if (f.category !== undefined) out.category = cleanOptional(f.category, 'category', LIMITS.category);
  if (f.tags !== undefined) out.tags = cleanTags(f.tags);
  if (f.difficulty !== undefined) {
    if (f.difficulty !== null && !DIFFICULTIES.includes(f.difficulty)) throw new UserError('bad-input', `The difficulty must be one of ${DIFFICULTIES.join(', ')}.`);
    out.difficulty = f.difficulty;
  }
  return out;
}

export function cleanNew(q: NewQuestion): Required<Omit<NewQuestion, 'id'>> & { id?: string } {
  const fields = cleanFields({ question: q.question, answer: q.answer, category: q.category ?? null, tags: q.tags ?? [], difficulty: q.difficulty ?? null });
  const suggestedBy = q.suggestedBy.trim().slice(0, LIMITS.name);
  if (suggestedBy === '') throw new UserError('bad-input', 'Say who suggested the question.');
  if (q.id !== undefined && !EXPLICIT_ID.test(q.id)) throw new UserError('bad-input', `\`${q.id}\` cannot be an id: letters, digits, \`.\`, \`_\`, \`-\`, at most 64.`);
  return {
    question: fields.question as string,
    answer: fields.answer ?? null,
    category: fields.category ?? null,
    tags: fields.tags ?? [],
    difficulty: fields.difficulty ?? null,
    hints: (q.hints ?? []).map((h) => h.trim()).filter(Boolean),
    suggestedBy,
    ...(q.id !== undefined ? { id: q.id } : {}),
  };
}

function cleanQuestion(text: string): string {
  const t = text.trim();
  if (normalizeQuestionText(t) === '') throw new UserError('bad-input', 'The question needs some words.');
  if (t.length > LIMITS.question) throw new UserError('bad-input', `The question is ${t.length} characters; at most ${LIMITS.question}.`);
  return t;
}

function cleanOptional(text: string | null, what: string, max: number): string | null {
  if (text === null) return null;
  const t = text.trim();
  if (t.length > max) throw new UserError('bad-input', `The ${what} is ${t.length} characters; at most ${max}.`);
  return t === '' ? null : t;
}

function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const t = raw.trim().replace(/^#/, '');
    if (t === '') continue;
    if (t.length > LIMITS.tag) throw new UserError('bad-input', `The tag \`${t.slice(0, 20)}…\` is longer than ${LIMITS.tag} characters.`);
    if (!out.some((o) => o.toLowerCase() === t.toLowerCase())) out.push(t);
  }
  if (out.length > LIMITS.tags) throw new UserError('bad-input', `At most ${LIMITS.tags} tags.`);
  return out;
}

/** `a, b; c` → `['a', 'b', 'c']`: tags as a person types them in one option. */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);
}
