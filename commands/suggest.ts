import type { Command } from '../src/core/commands/types.js';
import { UserError } from '../src/core/errors.js';
import { type Reply, textReply } from '../src/core/reply.js';
import { workspaceOf } from '../src/core/refs.js';
import { SUGGEST_TEXT_USAGE, fieldsFromText, mineReply, pendingListReply, pendingReply } from '../src/core/suggestions/index.js';

/** Suggestions grow the bank from the team: anyone suggests, admins approve, edit or reject (with a reason). */
export default {
  name: 'suggest',
  description: 'Suggest a question for the bank (a form, or: question || answer || category || tags)',
  permission: 'everyone',
  defaultSubcommand: 'new',
  subcommands: [
    {
      name: 'new',
      description: 'Suggest a question: opens a form, or type question || answer || category || tags',
      options: [{ name: 'text', description: 'question || answer || category || tags (empty: a form)', type: 'string', rest: true }],
    },
    { name: 'mine', description: 'Your suggestions and how each is doing' },
    { name: 'pending', description: 'Suggestions waiting for review (admins)', permission: 'admin' },
    {
      name: 'approve',
      description: 'Approve a suggestion: it joins the bank (admins)',
      permission: 'admin',
      options: [{ name: 'id', description: 'the suggestion, like s12', type: 'string', required: true }],
    },
    {
      name: 'reject',
      description: 'Reject a suggestion; the reason is told privately to its author (admins)',
      permission: 'admin',
      options: [
        { name: 'id', description: 'the suggestion, like s12', type: 'string', required: true },
        { name: 'reason', description: 'why (told to the author)', type: 'string', required: true, rest: true },
      ],
    },
    {
      name: 'channel',
      description: 'Where new suggestions go for review: this channel, one you name, or off (admins)',
      permission: 'admin',
      options: [
        { name: 'channel', description: 'the review channel, like #mod (this one when left out; `off`: none)', type: 'channel' },
        { name: 'off', description: 'send new suggestions to no channel (the dashboard still lists them)', type: 'boolean' },
      ],
    },
  ],
  async run(ctx): Promise<Reply> {
    const suggestions = ctx.services.suggestions;
    const ws = workspaceOf(ctx.channel);
    const admin = { user: ctx.user, isAdmin: ctx.isAdmin };
    switch (ctx.subcommand) {
      case 'new': {
        const text = ctx.options.string('text')?.trim() ?? '';
        if (text === '') return suggestions.form();
        const s = await suggestions.create(fieldsFromText(text), { user: ctx.user, channel: ctx.channel }, ctx.now);
        return pendingReply(s, s.modPost !== undefined);
      }
      case 'mine':
        return mineReply(await suggestions.mine(ctx.user));
      case 'pending':
        return pendingListReply(await suggestions.pending(ws, ctx.isAdmin));
      case 'approve': {
        const s = await suggestions.approve(ws, ctx.options.required.string('id').trim(), admin, ctx.now);
        return textReply(`✅ Approved ${s.id}: in the bank as \`${s.questionId}\`. The author has been told.`, { ephemeral: true });
      }
      case 'reject': {
        const s = await suggestions.reject(ws, ctx.options.required.string('id').trim(), ctx.options.required.string('reason'), admin, ctx.now);
        return textReply(`❌ Rejected ${s.id}. The author has been told why, privately.`, { ephemeral: true });
      }
      case 'channel': {
        // Typed text may say `off` or `here` where a channel goes; a real channel's id is never one of those words.
        const named = ctx.options.channel('channel');
        const word = named?.channelId.toLowerCase();
        const off = ctx.options.boolean('off') === true || word === 'off';
        const target = off ? null : named && word !== 'here' ? named : ctx.channel;
        await suggestions.setModChannel(target, ctx.isAdmin, ws, { channel: ctx.channel, by: ctx.user });
        const where = target === null ? null : target.channelId === ctx.channel.channelId ? 'here' : 'there';
        return textReply(
          where === null
            ? 'New suggestions go to no channel now; `suggest pending` and the dashboard list them.'
            : where === 'here'
              ? 'New suggestions will be posted here for review, with Approve / Edit / Reject.'
              : 'New suggestions will be posted in that channel for review, with Approve / Edit / Reject (a note there says so).',
          { ephemeral: true },
        );
      }
      default:
        throw new UserError('bad-input', `Use ${SUGGEST_TEXT_USAGE}, \`suggest mine\`, or (admins) \`suggest pending\`, \`suggest channel\`.`);
    }
  },
} satisfies Command;
