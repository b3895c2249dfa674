import type { Question } from '../../../bank/types.js';
import type { QuestionFields } from '../../../core/bank-overlay/types.js';
import type { BankEntry } from '../../../core/bank-overlay/types.js';
import { fieldsFromOptions } from '../../../core/bank-overlay/replies.js';
import { isUserError } from '../../../core/errors.js';
import { readJsonBody } from '../http/body.js';
import { HttpError, fromUserError, badRequest } from '../http/errors.js';
import type { RequestContext, Route } from '../http/router.js';
import { markdownToHtml } from '../render/markdown-html.js';
import type { ApiDeps } from './deps.js';

/** An answer may be 20,000 characters (bank-overlay/validate.ts); JSON escaping can double that. */
const MAX_EDIT_BODY = 96 * 1024;
const ID = '(?<id>[A-Za-z0-9][A-Za-z0-9._-]{0,63})';
const FIELDS = ['question', 'answer', 'category', 'tags', 'difficulty'] as const;

/**
 * The dashboard's edits: read a question with its overlay, override its fields, hide, unhide, revert.
 * Admins only (the playground's local person, or whoever holds DASHBOARD_TOKEN); each change is the same
 * store write `bank edit` makes, so every process sees it.
 */
export function bankEditRoutes(deps: ApiDeps): Route[] {
  const { bank } = deps;
  const entryOf = async (ctx: RequestContext): Promise<BankEntry> => {
    adminOnly(ctx);
    await bank.refresh();
    const entry = bank.lookup(ctx.params['id'] ?? '');
    if (!entry) throw new HttpError(404, 'No question has that id.');
    return entry;
  };
  const change = (path: string, run: (id: string, body: Record<string, unknown>) => Promise<BankEntry>): Route => ({
    method: 'POST',
    path: new RegExp(`^/api/bank/${ID}/${path}$`),
    async handler(ctx) {
      const id = (await entryOf(ctx)).question.id;
      const body = await readJsonBody(ctx.req, MAX_EDIT_BODY);
      try {
        return { json: entryView(await run(id, body)) };
      } catch (err) {
        if (isUserError(err)) throw fromUserError(err);
        throw err;
      }
    },
  });
  const meta = (body: Record<string, unknown>) => ({
    by: typeof body['by'] === 'string' && body['by'].trim() !== '' ? body['by'].trim().slice(0, 100) : 'the dashboard',
    at: deps.now(),
  });
  return [
    { method: 'GET', path: new RegExp(`^/api/bank/${ID}/entry$`), handler: async (ctx) => ({ json: entryView(await entryOf(ctx)) }) },
    change('edit', (id, body) => bank.edits.edit(id, fieldsOf(body), meta(body))),
    change('hide', (id, body) => bank.edits.hide(id, meta(body))),
    change('unhide', (id) => bank.edits.unhide(id)),
    change('revert', (id) => bank.edits.revert(id)),
  ];
}

function adminOnly(ctx: RequestContext): void {
  if (!ctx.admin) throw new HttpError(403, 'Only admins can edit or hide questions.');
}

/** The body's fields as typed in the form; a field left out is unchanged, `-` or an empty answer/category clears it. */
function fieldsOf(body: Record<string, unknown>): QuestionFields {
  const typed: Partial<Record<(typeof FIELDS)[number], string>> = {};
  for (const name of FIELDS) {
    const value = body[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw badRequest(`\`${name}\` must be a string.`);
    typed[name] = value.trim() === '' && name !== 'question' ? '-' : value;
  }
  return fieldsFromOptions(typed);
}

/** One question for the edit form: its fields as served and as its file has them, and what the overlay did. */
export function entryView(entry: BankEntry) {
  return {
    id: entry.question.id,
    now: fieldsView(entry.question),
    original: entry.original ? fieldsView(entry.original) : null,
    override: entry.override ? { by: entry.override.by, at: entry.override.at } : null,
    hidden: entry.hidden,
    added: entry.added ? { suggestedBy: entry.added.suggestedBy, by: entry.added.by, at: entry.added.at } : null,
  };
}

function fieldsView(q: Question) {
  return {
    question: q.question,
    answer: q.answer,
    category: q.category,
    tags: q.tags,
    difficulty: q.difficulty,
    questionHtml: markdownToHtml(q.question),
    answerHtml: q.answer === null ? null : markdownToHtml(q.answer),
  };
}
