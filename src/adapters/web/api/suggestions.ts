import { isUserError } from '../../../core/errors.js';
import { type WorkspaceRef, workspaceKey } from '../../../core/refs.js';
import type { Suggestion } from '../../../core/suggestions/index.js';
import { readJsonBody } from '../http/body.js';
import { HttpError, fromUserError, notFound } from '../http/errors.js';
import type { RequestContext, Route } from '../http/router.js';
import type { ApiDeps } from './deps.js';
import { text, userOf } from './input.js';

const EDITABLE = ['question', 'answer', 'category', 'tags', 'difficulty'] as const;

/** What the page shows of a suggestion: plain fields, shown as text (never as HTML). */
function view(s: Suggestion) {
  return {
    id: s.id,
    question: s.question,
    answer: s.answer,
    category: s.category,
    tags: s.tags,
    difficulty: s.difficulty,
    author: s.authorName,
    state: s.state,
    createdAt: s.createdAt,
    decidedBy: s.decidedBy ?? null,
    questionId: s.questionId ?? null,
  };
}

/**
 * The dashboard's Suggestions page: every workspace's pending suggestions (admins only), the last decided
 * ones, and the top contributors; Approve, Edit (before approving) and Reject (with a reason, told to the
 * author privately) go through the same service as the chat buttons.
 */
export function suggestionRoutes(deps: ApiDeps): Route[] {
  const { suggestions } = deps.engine.services;
  const workspaceNamed = async (key: string): Promise<WorkspaceRef> => {
    const ws = (await suggestions.workspaces()).find((w) => workspaceKey(w) === key);
    if (!ws) throw notFound('No suggestions in that workspace.');
    return ws;
  };
  /** Approve, reject and edit all start alike: an admin, naming a workspace and one of its suggestions. */
  const reviewRequest = async (ctx: RequestContext) => {
    if (!ctx.admin) throw new HttpError(403, 'Only admins review suggestions.');
    const body = await readJsonBody(ctx.req);
    const who = userOf(body['user']);
    const ws = await workspaceNamed(text(body, 'workspace', 200));
    const id = text(body, 'id', 20);
    const admin = { user: { ...ws, userId: who.userId, name: who.name ?? who.userId }, isAdmin: true };
    return { body, ws, id, admin };
  };
  return [
    {
      method: 'GET',
      path: '/api/suggestions',
      async handler(ctx) {
        const workspaces = await suggestions.workspaces();
        const rows = await Promise.all(
          workspaces.map(async (ws) => {
            const contributors = await suggestions.topContributors(ws, 10);
            // Others' pending suggestions are for admins' eyes only.
            const all = ctx.admin ? await suggestions.all(ws, true) : [];
            return {
              workspace: workspaceKey(ws),
              platform: ws.platform,
              pending: all.filter((s) => s.state === 'pending').map(view),
              decided: all
                .filter((s) => s.state !== 'pending')
                .slice(-20)
                .reverse()
                .map(view),
              contributors,
            };
          }),
        );
        return { json: { admin: ctx.admin, workspaces: rows } };
      },
    },
    {
      method: 'POST',
      path: '/api/suggestions/decide',
      async handler(ctx) {
        const { body, ws, id, admin } = await reviewRequest(ctx);
        const decision = text(body, 'decision', 10);
        const now = deps.now();
        try {
          if (decision === 'approve') return { json: { suggestion: view(await suggestions.approve(ws, id, admin, now)) } };
          if (decision === 'reject') return { json: { suggestion: view(await suggestions.reject(ws, id, text(body, 'reason', 500), admin, now)) } };
        } catch (err) {
          // Already decided, not found, a conflict with a file question: the admin's to read, not a server error.
          if (isUserError(err)) throw fromUserError(err);
          throw err;
        }
        throw new HttpError(400, '`decision` is approve or reject.');
      },
    },
    {
      method: 'POST',
      path: '/api/suggestions/edit',
      async handler(ctx) {
        const { body, ws, id, admin } = await reviewRequest(ctx);
        // Every field as the form holds it; an empty answer makes a discussion question. The service checks the limits.
        const raw: Partial<Record<(typeof EDITABLE)[number], string>> = {};
        for (const name of EDITABLE) {
          const value = body[name];
          if (value === undefined) continue;
          if (typeof value !== 'string') throw new HttpError(400, `\`${name}\` must be a string.`);
          if (value.length > 10_000) throw new HttpError(400, `\`${name}\` is too long.`);
          raw[name] = value;
        }
        if (Object.keys(raw).length === 0) throw new HttpError(400, 'Say what to change: question, answer, category, tags or difficulty.');
        try {
          const pending = (await suggestions.all(ws, true)).find((x) => x.id === id);
          if (!pending) throw new HttpError(404, `No suggestion ${id} here.`);
          // Fields left out keep their value: the service takes the whole suggestion.
          const current = {
            question: pending.question,
            answer: pending.answer ?? '',
            category: pending.category ?? '',
            tags: pending.tags.join(', '),
            difficulty: pending.difficulty ?? '',
          };
          return { json: { suggestion: view(await suggestions.edit(ws, id, { ...current, ...raw }, admin)) } };
        } catch (err) {
          if (isUserError(err)) throw fromUserError(err);
          throw err;
        }
      },
    },
  ];
}
