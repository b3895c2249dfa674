import { DIFFICULTIES, type Difficulty } from '../../bank/types.js';
import { UserError } from '../errors.js';
import type { SuggestionFields, SuggestionLimits } from './types.js';

/** How to suggest in words, wherever a form cannot open. */
export const SUGGEST_TEXT_USAGE = '`suggest <question> || <answer> [|| <category>] [|| <tags, comma separated>]` (leave the answer empty for a discussion question)';

/** `question || answer || category || tags` as typed; the answer may be empty (`q || || cat`). */
export function fieldsFromText(text: string): Partial<Record<keyof SuggestionFields, string>> {
  const [question = '', answer = '', category = '', tags = '', ...extra] = text.split('||').map((p) => p.trim());
  if (extra.length > 0) throw new UserError('bad-input', `Too many \`||\` parts: ${SUGGEST_TEXT_USAGE}.`);
  return { question, answer, category, tags };
}

/**
 * The fields a person gave (typed or from the form), checked against the limits and tidied: the
 * category spelled as the bank spells it when it already has it, tags split on commas, deduplicated.
 * Problems come back by field, so a form can show each under its field.
 */
export function cleanSuggestion(
  raw: Partial<Record<keyof SuggestionFields, string>>,
  limits: SuggestionLimits,
  categories: readonly string[],
): { fields: SuggestionFields } | { errors: Partial<Record<keyof SuggestionFields, string>> } {
  const errors: Partial<Record<keyof SuggestionFields, string>> = {};
  const question = (raw.question ?? '').trim();
  const answer = (raw.answer ?? '').trim();
  const category = (raw.category ?? '').trim().replace(/\s+/g, ' ');
  const tags = [
    ...new Set(
      (raw.tags ?? '')
        .split(',')
        .map((t) => t.trim().toLowerCase().replace(/^#/, ''))
        .filter(Boolean),
    ),
  ];
  const difficulty = (raw.difficulty ?? '').trim().toLowerCase();
  if (question.length < 5) errors.question = 'Write the question (at least 5 characters).';
  else if (question.length > limits.question) errors.question = `At most ${limits.question} characters (this has ${question.length}).`;
  if (answer.length > limits.answer) errors.answer = `At most ${limits.answer} characters (this has ${answer.length}).`;
  if (category.length > limits.category) errors.category = `At most ${limits.category} characters.`;
  if (tags.length > limits.tags) errors.tags = `At most ${limits.tags} tags.`;
  else if (tags.some((t) => t.length > limits.tag)) errors.tags = `Each tag at most ${limits.tag} characters.`;
  if (difficulty !== '' && !(DIFFICULTIES as readonly string[]).includes(difficulty)) errors.difficulty = `One of ${DIFFICULTIES.join(', ')}.`;
  if (Object.keys(errors).length > 0) return { errors };
  const known = categories.find((c) => c.toLowerCase() === category.toLowerCase());
  return {
    fields: {
      question,
      answer: answer === '' ? null : answer,
      category: category === '' ? null : (known ?? category),
      tags,
      difficulty: difficulty === '' ? null : (difficulty as Difficulty),
    },
  };
}

/** The problems in one line, for text replies and Discord (whose form has closed). */
export function errorsInWords(errors: Record<string, string>): string {
  return Object.entries(errors)
    .map(([field, problem]) => `**${field}**: ${problem}`)
    .join('\n');
}
