import type { Command } from '../src/core/commands/types.js';
import { UserError } from '../src/core/errors.js';
import { entryReply, fieldsFromOptions, footer } from '../src/core/bank-overlay/replies.js';
import type { CommandContext } from '../src/core/commands/types.js';
import { textReply, type Reply } from '../src/core/reply.js';

const SEARCH_LIMIT = 10;
const ID_OPTION = { name: 'id', description: 'the question id (from search)', type: 'string', required: true } as const;

export default {
  name: 'bank',
  description: 'Look into the question bank: stats, search, one question, edits, reload',
  permission: 'everyone',
  subcommands: [
    { name: 'stats', description: 'How many questions, answered, per category, and load warnings' },
    {
      name: 'search',
      description: 'Find questions by words (and optionally a category)',
      options: [{ name: 'words', description: 'words to look for', type: 'string', required: true, rest: true }],
    },
    {
      name: 'show',
      description: 'One question with its answer, privately',
      options: [
        {
          name: 'id',
          description: 'the question id (from search; Discord suggests them as you type words of the question)',
          type: 'string',
          required: true,
          autocomplete: 'question',
        },
      ],
    },
    { name: 'reload', description: 'Re-read the bank files (admins)', permission: 'admin' },
    {
      name: 'edit',
      description: 'Change a question for everyone, kept in the store (admins)',
      permission: 'admin',
      options: [
        { name: 'id', description: 'the question id (from search)', type: 'string', required: true },
        { name: 'question', description: 'the new question text', type: 'string' },
        { name: 'answer', description: 'the new answer (- for none: a discussion question)', type: 'string' },
        { name: 'category', description: 'the new category (- for none)', type: 'string', autocomplete: 'category' },
        { name: 'tags', description: 'the new tags, comma-separated (- for none)', type: 'string' },
        { name: 'difficulty', description: 'easy, medium, hard, or - for none', type: 'string', choices: ['easy', 'medium', 'hard', '-'] },
      ],
    },
    { name: 'revert', description: 'Drop an edit: the question as its file has it (admins)', permission: 'admin', options: [ID_OPTION] },
    { name: 'hide', description: 'Never post a question (a note read as a question, a wrong answer) (admins)', permission: 'admin', options: [ID_OPTION] },
    { name: 'unhide', description: 'Post a hidden question again (admins)', permission: 'admin', options: [ID_OPTION] },
  ],
  async run(ctx): Promise<Reply> {
    const bank = ctx.services.bank;
    switch (ctx.subcommand) {
      case 'stats': {
        const all = bank.all();
        const answered = all.filter((q) => q.answer !== null).length;
        const lines = bank.categories().map((c) => `• ${c.name}: ${c.questions} (${c.answered} answered)`);
        const warnings = bank.warnings().length;
        return textReply(
          [
            `**${all.length} questions**, ${answered} answered, ${all.length - answered} for discussion.`,
            ...lines,
            warnings > 0 ? `${warnings} load warnings: an admin can see them with \`npm run bank -- check\`.` : '',
          ]
            .filter(Boolean)
            .join('\n'),
          { ephemeral: true },
        );
      }
      case 'search': {
        const words = ctx.options.required.string('words');
        const hits = await bank.search(words, {}, SEARCH_LIMIT);
        if (hits.length === 0) return textReply(`No question mentions \`${words}\`.`, { ephemeral: true });
        const lines = hits.map((q) => `• \`${q.id}\` ${firstLine(q.question)}${q.category ? ` _(${q.category})_` : ''}${q.answer === null ? ' · discussion' : ''}`);
        return textReply([`Questions matching \`${words}\`:`, ...lines, 'Show one with `bank show <id>`.'].join('\n'), { ephemeral: true });
      }
      case 'show': {
        const id = ctx.options.required.string('id');
        // Admins also see hidden questions, and what an edit changed.
        const entry = ctx.isAdmin ? bank.lookup(id) : undefined;
        if (entry) return entryReply(entry);
        const q = bank.find(id);
        if (!q) {
          // Words instead of an id (typed without picking one of Discord's suggestions): say which questions they match.
          const near = await bank.search(id, {}, 3);
          const list = near.map((n) => `• \`${n.id}\` ${firstLine(n.question)}`);
          throw new UserError(
            'not-found',
            [`No question has the id \`${id}\`; \`bank search <words>\` finds ids.`, ...(list.length > 0 ? ['Questions matching it:', ...list] : [])].join('\n'),
          );
        }
        return {
          ephemeral: true,
          blocks: [
            { type: 'question', title: q.category ?? 'Question', markdown: q.question, footer: footer(q) },
            ...(q.hints.length > 0 ? [{ type: 'context' as const, markdown: `Hints: ${q.hints.join(' · ')}` }] : []),
            { type: 'text', markdown: q.answer ?? '_No answer in the bank: a discussion question._' },
          ],
        };
      }
      case 'reload': {
        const r = await bank.reload();
        return textReply(`Reloaded: ${r.total} questions (${r.added} new, ${r.removed} gone), ${r.warnings} warnings.`, { ephemeral: true });
      }
      case 'edit':
      case 'revert':
      case 'hide':
      case 'unhide':
        return change(ctx, ctx.subcommand);
      default:
        throw new UserError('bad-input', 'Use `bank stats`, `bank search <words>`, `bank show <id>`, or (admins) `bank edit|hide|unhide|revert <id>` and `bank reload`.');
    }
  },
} satisfies Command;

/** The overlay changes; dispatch has already refused them to non-admins (each subcommand is `admin`). */
async function change(ctx: CommandContext, what: 'edit' | 'revert' | 'hide' | 'unhide'): Promise<Reply> {
  const { edits } = ctx.services.bank;
  const id = ctx.options.required.string('id');
  const meta = { by: ctx.user.name ?? ctx.user.userId, at: ctx.now };
  switch (what) {
    case 'edit': {
      const o = ctx.options;
      const fields = fieldsFromOptions({
        ...optional('question', o.string('question')),
        ...optional('answer', o.string('answer')),
        ...optional('category', o.string('category')),
        ...optional('tags', o.string('tags')),
        ...optional('difficulty', o.string('difficulty')),
      });
      return entryReply(await edits.edit(id, fields, meta), 'Edited for everyone; the file is unchanged.');
    }
    case 'revert':
      return entryReply(await edits.revert(id), 'Back to the question as its file has it.');
    case 'hide':
      return entryReply(await edits.hide(id, meta), 'Hidden: it is never posted (daily, quiz, practice, search).');
    case 'unhide':
      return entryReply(await edits.unhide(id), 'Unhidden: it can be posted again.');
  }
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Partial<Record<K, string>>);
}

function firstLine(markdown: string): string {
  const line = markdown.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
