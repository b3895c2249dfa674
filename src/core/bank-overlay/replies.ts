import { DIFFICULTIES, type Difficulty, type Question } from '../../bank/types.js';
import { UserError } from '../errors.js';
import { calendarDay } from '../dates.js';
import { type DatedBlock, type Reply, type ReplyBlock as Block, dated, joinDated } from '../reply.js';
import type { BankEntry, QuestionFields } from './types.js';
import { splitTags } from './validate.js';

/** What an admin types to clear a field (`answer:-` makes a discussion question). */
export const CLEAR = '-';

/** Options as typed (`question`, `answer`, `category`, `tags`, `difficulty`) → the fields of an override. */
export function fieldsFromOptions(o: { question?: string; answer?: string; category?: string; tags?: string; difficulty?: string }): QuestionFields {
  const fields: QuestionFields = {};
  const cleared = (v: string): boolean => v.trim() === CLEAR;
  if (o.question !== undefined) fields.question = o.question;
  if (o.answer !== undefined) fields.answer = cleared(o.answer) ? null : o.answer;
  if (o.category !== undefined) fields.category = cleared(o.category) ? null : o.category;
  if (o.tags !== undefined) fields.tags = cleared(o.tags) ? [] : splitTags(o.tags);
  if (o.difficulty !== undefined) {
    const level = o.difficulty.trim().toLowerCase();
    if (level === CLEAR || level === 'none') fields.difficulty = null;
    else if ((DIFFICULTIES as readonly string[]).includes(level)) fields.difficulty = level as Difficulty;
    else throw new UserError('bad-input', `The difficulty is one of ${DIFFICULTIES.join(', ')}, or \`${CLEAR}\` for none.`);
  }
  return fields;
}

/** One question for an admin: as served, then what the overlay did (hidden, edited with the original). */
export function entryReply(entry: BankEntry, headline?: string): Reply {
  const q = entry.question;
  const blocks: Block[] = [];
  if (headline) blocks.push({ type: 'text', markdown: headline });
  blocks.push({ type: 'question', title: q.category ?? 'Question', markdown: q.question, footer: footer(q) });
  if (q.hints.length > 0) blocks.push({ type: 'context', markdown: `Hints: ${q.hints.join(' · ')}` });
  blocks.push({ type: 'text', markdown: q.answer ?? '_No answer in the bank: a discussion question._' });
  const notes = overlayNotes(entry);
  if (notes.length > 0) blocks.push({ ...joinDated(notes), small: true });
  return { ephemeral: true, blocks };
}

export function footer(q: Question): string {
  const where = q.sources.length > 0 ? q.sources.map((s) => `${s.file}:${s.line}`).join(', ') : 'kept in the store';
  return `id ${q.id} · ${where}${q.suggestedBy ? ` · suggested by ${q.suggestedBy}` : ''}`;
}

/** What admins should know about a question's overlay, one line each; empty for a question as its file has it. */
export function overlayNotes(entry: BankEntry): DatedBlock[] {
  const notes: DatedBlock[] = [];
  // The bank is the same for every workspace, so the day an edit was made is UTC's.
  const day = (iso: string) => calendarDay(iso, 'UTC');
  if (entry.hidden) notes.push(dated`🙈 Hidden by ${entry.hidden.by} (${day(entry.hidden.at)}): never posted. \`bank unhide ${entry.question.id}\` brings it back.`);
  if (entry.override && entry.original) {
    notes.push(dated`✏️ Edited by ${entry.override.by} (${day(entry.override.at)}); \`bank revert ${entry.question.id}\` goes back to the original.`);
    for (const line of changedFields(entry.original, entry.question)) notes.push(dated`${line}`);
  }
  if (entry.added) notes.push(dated`➕ Added from a suggestion by ${entry.added.suggestedBy}, approved by ${entry.added.by}: kept in the store until exported.`);
  return notes;
}

/** `Original answer: …` lines for the fields the override changed. */
function changedFields(original: Question, now: Question): string[] {
  const lines: string[] = [];
  const show = (text: string | null): string => (text === null ? '_none_' : shorten(text));
  if (original.question !== now.question) lines.push(`Original question: ${show(original.question)}`);
  if (original.answer !== now.answer) lines.push(`Original answer: ${show(original.answer)}`);
  if (original.category !== now.category) lines.push(`Original category: ${show(original.category)}`);
  if (original.tags.join(',') !== now.tags.join(',')) lines.push(`Original tags: ${original.tags.length > 0 ? original.tags.join(', ') : '_none_'}`);
  if (original.difficulty !== now.difficulty) lines.push(`Original difficulty: ${show(original.difficulty)}`);
  return lines;
}

function shorten(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 200 ? `${one.slice(0, 197)}…` : one;
}
