import type { Command } from '../src/core/commands/types.js';
import { UserError } from '../src/core/errors.js';
import { textReply, type Reply } from '../src/core/reply.js';

const SEARCH_LIMIT = 10;

export default {
  name: 'bank',
  description: 'Look into the question bank: stats, search, one question, reload',
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
      options: [{ name: 'id', description: 'the question id (from search)', type: 'string', required: true }],
    },
    { name: 'reload', description: 'Re-read the bank files (admins)', permission: 'admin' },
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
        const hits = bank.search(words, {}, SEARCH_LIMIT);
        if (hits.length === 0) return textReply(`No question mentions \`${words}\`.`, { ephemeral: true });
        const lines = hits.map((q) => `• \`${q.id}\` ${firstLine(q.question)}${q.category ? ` _(${q.category})_` : ''}${q.answer === null ? ' · discussion' : ''}`);
        return textReply([`Questions matching \`${words}\`:`, ...lines, 'Show one with `bank show <id>`.'].join('\n'), { ephemeral: true });
      }
      case 'show': {
        const id = ctx.options.required.string('id');
        const q = bank.find(id);
        if (!q) throw new UserError('not-found', `No question has the id \`${id}\`; \`bank search <words>\` finds ids.`);
        return {
          ephemeral: true,
          blocks: [
            { type: 'question', title: q.category ?? 'Question', markdown: q.question, footer: `id ${q.id} · ${q.sources.map((s) => `${s.file}:${s.line}`).join(', ')}` },
            ...(q.hints.length > 0 ? [{ type: 'context' as const, markdown: `Hints: ${q.hints.join(' · ')}` }] : []),
            { type: 'text', markdown: q.answer ?? '_No answer in the bank: a discussion question._' },
          ],
        };
      }
      case 'reload': {
        const r = await bank.reload();
        return textReply(`Reloaded: ${r.total} questions (${r.added} new, ${r.removed} gone), ${r.warnings} warnings.`, { ephemeral: true });
      }
      default:
        throw new UserError('bad-input', 'Use `bank stats`, `bank search <words>`, `bank show <id>` or `bank reload`.');
    }
  },
} satisfies Command;

function firstLine(markdown: string): string {
  const line = markdown.split('\n')[0] ?? '';
  return line.length > 120 ? `${line.slice(0, 117)}…` : line;
}
