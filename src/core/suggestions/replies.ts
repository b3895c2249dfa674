import { DIFFICULTIES } from '../../bank/types.js';
import type { Button, Modal, Reply, ReplyBlock } from '../reply.js';
import { md } from '../scoring/replies.js';
import { suggestActionId } from './action-ids.js';
import { SUGGEST_TEXT_USAGE } from './input.js';
import type { Suggestion, SuggestionFields, SuggestionLimits } from './types.js';

const STATE_WORDS = { pending: '⏳ pending', approved: '✅ approved', rejected: '❌ rejected' } as const;

/** The form for a new suggestion, or (with `edit`) for an admin changing a pending one. */
export function suggestionForm(limits: SuggestionLimits, categories: readonly string[], edit?: Suggestion): Modal {
  const examples = categories.slice(0, 4).join(', ');
  return {
    submit: edit ? suggestActionId({ kind: 'save', id: edit.id }) : suggestActionId({ kind: 'new' }),
    title: edit ? `Edit suggestion ${edit.id}`.slice(0, 24) : 'Suggest a question',
    submitLabel: edit ? 'Save' : 'Suggest',
    fields: [
      { id: 'question', label: 'Question', style: 'long', maxLength: limits.question, placeholder: 'What should the team be asked?', ...(edit ? { value: edit.question } : {}) },
      {
        id: 'answer',
        label: 'Answer (empty: a discussion question)',
        style: 'long',
        optional: true,
        maxLength: limits.answer,
        ...(edit?.answer ? { value: edit.answer } : {}),
      },
      {
        id: 'category',
        label: 'Category (one of the bank’s, or new)',
        style: 'short',
        optional: true,
        maxLength: limits.category,
        ...(examples ? { placeholder: `e.g. ${examples}`.slice(0, 100) } : {}),
        ...(edit?.category ? { value: edit.category } : {}),
      },
      { id: 'tags', label: 'Tags (comma separated)', style: 'short', optional: true, maxLength: 500, ...(edit?.tags.length ? { value: edit.tags.join(', ') } : {}) },
      {
        id: 'difficulty',
        label: 'Difficulty',
        style: 'select',
        optional: true,
        choices: DIFFICULTIES.map((d) => ({ label: d, value: d })),
        ...(edit?.difficulty ? { value: edit.difficulty } : {}),
      },
    ],
  };
}

/** Posted in a moderation channel named from elsewhere, so its members know why suggestions arrive. */
export function modChannelNote(by: string): Reply {
  return { blocks: [{ type: 'text', markdown: `📥 ${md(by)} chose this channel for reviewing suggested questions: each new one arrives here with Approve / Edit / Reject.` }] };
}

export function reasonForm(s: Suggestion, limits: SuggestionLimits): Modal {
  return {
    submit: suggestActionId({ kind: 'reason', id: s.id }),
    title: `Reject suggestion ${s.id}`.slice(0, 24),
    submitLabel: 'Reject',
    fields: [{ id: 'reason', label: 'Why (told privately to the author)', style: 'long', maxLength: limits.reason, placeholder: 'e.g. already in the bank; the answer is wrong' }],
  };
}

/** The question as the bank would show it, with its fields. */
export function suggestionBlocks(s: SuggestionFields & { id?: string }, title: string, footer?: string): ReplyBlock[] {
  const fields = [
    { label: 'Answer', value: s.answer ?? '_none: a discussion question_' },
    ...(s.category ? [{ label: 'Category', value: md(s.category) }] : []),
    ...(s.tags.length > 0 ? [{ label: 'Tags', value: s.tags.map(md).join(', ') }] : []),
    ...(s.difficulty ? [{ label: 'Difficulty', value: s.difficulty }] : []),
  ];
  return [
    { type: 'question', title, markdown: s.question, ...(footer ? { footer } : {}) },
    { type: 'fields', fields },
  ];
}

export function pendingReply(s: Suggestion, moderated: boolean): Reply {
  const where = moderated ? 'The admins have it in their review channel.' : 'An admin will review it (`suggest pending`, or the dashboard).';
  return {
    blocks: [
      { type: 'text', markdown: `Thanks! Your suggestion **${s.id}** is ⏳ pending. ${where} \`suggest mine\` shows how it is doing.` },
      ...suggestionBlocks(s, `Suggestion ${s.id}`),
    ],
    ephemeral: true,
  };
}

/** The moderation post: the suggestion and, while pending, its buttons; once decided, who decided. */
export function moderationPost(s: Suggestion): Reply {
  const by = `suggested by ${md(s.authorName)}`;
  const blocks = suggestionBlocks(s, `Suggestion ${s.id}`, by);
  if (s.state === 'pending') {
    const buttons: Button[] = [
      { action: suggestActionId({ kind: 'approve', id: s.id }), label: 'Approve', style: 'success' },
      { action: suggestActionId({ kind: 'edit', id: s.id }), label: 'Edit', style: 'secondary' },
      { action: suggestActionId({ kind: 'reject', id: s.id }), label: 'Reject', style: 'danger' },
    ];
    return { blocks: [...blocks, { type: 'buttons', buttons }] };
  }
  return { blocks: [...blocks, { type: 'context', markdown: decidedLine(s) }] };
}

export function decidedLine(s: Suggestion): string {
  const who = s.decidedBy ? ` by ${md(s.decidedBy)}` : '';
  if (s.state === 'approved') return `✅ Approved${who}: now in the bank as \`${s.questionId ?? '?'}\`.`;
  if (s.state === 'rejected') return `❌ Rejected${who}.`;
  return STATE_WORDS.pending;
}

export function approvedNotice(s: Suggestion): Reply {
  return {
    blocks: [{ type: 'text', markdown: `✅ Your suggestion **${s.id}** was approved and is now in the bank. Thank you!` }, ...suggestionBlocks(s, `Suggestion ${s.id}`)],
    ephemeral: true,
  };
}

export function rejectedNotice(s: Suggestion): Reply {
  return {
    blocks: [
      { type: 'text', markdown: `Your suggestion **${s.id}** was not taken.${s.reason ? `\n> ${md(s.reason).replace(/\n/g, '\n> ')}` : ''}` },
      ...suggestionBlocks(s, `Suggestion ${s.id}`),
    ],
    ephemeral: true,
  };
}

export function mineReply(list: readonly Suggestion[]): Reply {
  if (list.length === 0)
    return { blocks: [{ type: 'text', markdown: `You have not suggested any question yet. ${SUGGEST_TEXT_USAGE}, or \`suggest\` for a form.` }], ephemeral: true };
  const lines = list
    .slice(-20)
    .reverse()
    .map((s) => {
      const first = s.question.split('\n')[0] ?? '';
      const why = s.state === 'rejected' && s.reason ? ` (${md(s.reason.slice(0, 200))})` : '';
      return `• **${s.id}** ${STATE_WORDS[s.state]}${why}: ${md(first.slice(0, 120))}${first.length > 120 ? '…' : ''}`;
    });
  return { blocks: [{ type: 'text', markdown: `**Your suggestions** (newest first)\n${lines.join('\n')}` }], ephemeral: true };
}

export function pendingListReply(list: readonly Suggestion[]): Reply {
  if (list.length === 0) return { blocks: [{ type: 'text', markdown: 'No suggestion is waiting.' }], ephemeral: true };
  const blocks: ReplyBlock[] = [{ type: 'text', markdown: `**${list.length} pending suggestion${list.length === 1 ? '' : 's'}**` }];
  for (const s of list.slice(0, 5)) blocks.push(...moderationPost(s).blocks);
  if (list.length > 5) blocks.push({ type: 'context', markdown: `…and ${list.length - 5} more; the dashboard lists them all.` });
  return { blocks, ephemeral: true };
}

/** What a form's fallback says: how to do it in words. */
export const FORM_FALLBACK = `Suggest a question with ${SUGGEST_TEXT_USAGE}.`;
