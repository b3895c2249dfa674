import type { ActionInvocation } from '../actions.js';
import { UserError, isUserError } from '../errors.js';
import { workspaceOf } from '../refs.js';
import { type Reply, textReply } from '../reply.js';
import { parseSuggestAction } from './action-ids.js';
import { cleanSuggestion, errorsInWords } from './input.js';
import { pendingReply, reasonForm, suggestionForm } from './replies.js';
import type { SuggestionsService } from './service.js';
import type { Suggestion, SuggestionFields, SuggestionLimits } from './types.js';

export interface ActionDeps {
  service: SuggestionsService;
  limits: SuggestionLimits;
  categories: () => string[];
  now: () => Date;
  pendingOne(ws: ReturnType<typeof workspaceOf>, id: string): Promise<Suggestion>;
}

const FIELDS = ['question', 'answer', 'category', 'tags', 'difficulty'] as const;

function fieldsOf(values: Readonly<Record<string, string>> | undefined): Partial<Record<keyof SuggestionFields, string>> {
  const out: Partial<Record<keyof SuggestionFields, string>> = {};
  for (const f of FIELDS) if (values?.[f] !== undefined) out[f] = values[f];
  return out;
}

/** Refused form values: by field for the form, and in words for Discord, whose form has closed. */
function refused(errors: Record<string, string>): Reply {
  return { ...textReply(`Not sent yet:\n${errorsInWords(errors)}`, { ephemeral: true }), fieldErrors: errors };
}

/** Buttons on moderation posts and the suggestion forms' submissions. */
export async function handleSuggestAction(inv: ActionInvocation, deps: ActionDeps): Promise<Reply> {
  const action = parseSuggestAction(inv.action);
  if (!action) throw new UserError('not-found', 'That button belongs to something that no longer exists.');
  const ws = workspaceOf(inv.channel);
  const admin = { user: inv.user, isAdmin: inv.isAdmin };
  const now = deps.now();
  switch (action.kind) {
    case 'open':
      return deps.service.form();
    case 'new': {
      const raw = fieldsOf(inv.values);
      const cleaned = cleanSuggestion(raw, deps.limits, deps.categories());
      if ('errors' in cleaned) return refused(cleaned.errors);
      try {
        const s = await deps.service.create(raw, { user: inv.user, channel: inv.channel }, now);
        return pendingReply(s, s.modPost !== undefined);
      } catch (err) {
        // Limits (too many pending, too fast) belong to no one field: shown under the question.
        if (isUserError(err) && err.code === 'conflict') return refused({ question: err.message });
        throw err;
      }
    }
    case 'approve': {
      const s = await deps.service.approve(ws, action.id, admin, now);
      return textReply(`✅ Approved ${s.id}: in the bank as \`${s.questionId}\`, suggested by ${s.authorName}. The author has been told.`, { ephemeral: true });
    }
    case 'reject': {
      if (!inv.isAdmin) throw new UserError('not-allowed', 'Only admins can review suggestions.');
      const s = await deps.pendingOne(ws, action.id);
      if (s.state !== 'pending') throw new UserError('conflict', `Suggestion ${s.id} was ${s.state} already.`);
      return { blocks: [{ type: 'text', markdown: `Reject with a reason: \`suggest reject ${s.id} <reason>\`.` }], ephemeral: true, modal: reasonForm(s, deps.limits) };
    }
    case 'reason': {
      const reason = inv.values?.['reason'] ?? '';
      if (reason.trim() === '') return refused({ reason: 'Say why: the author is told (privately).' });
      const s = await deps.service.reject(ws, action.id, reason, admin, now);
      return textReply(`❌ Rejected ${s.id}. ${s.authorName} has been told why, privately.`, { ephemeral: true });
    }
    case 'edit': {
      if (!inv.isAdmin) throw new UserError('not-allowed', 'Only admins can review suggestions.');
      const s = await deps.pendingOne(ws, action.id);
      if (s.state !== 'pending') throw new UserError('conflict', `Suggestion ${s.id} was ${s.state} already; edit the question with \`bank edit\`.`);
      return { blocks: [{ type: 'text', markdown: 'Edit it in the dashboard’s Suggestions page.' }], ephemeral: true, modal: suggestionForm(deps.limits, deps.categories(), s) };
    }
    case 'save': {
      const raw = fieldsOf(inv.values);
      const cleaned = cleanSuggestion(raw, deps.limits, deps.categories());
      if ('errors' in cleaned) return refused(cleaned.errors);
      const s = await deps.service.edit(ws, action.id, raw, admin);
      return textReply(`Saved your changes to ${s.id}; it is still pending: approve it when ready.`, { ephemeral: true });
    }
  }
}
