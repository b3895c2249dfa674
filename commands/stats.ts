import type { Command } from '../src/core/commands/types.js';
import type { Reply } from '../src/core/reply.js';
import { md, statsFields } from '../src/core/scoring/index.js';

/** Answers privately: how someone is doing is theirs to share. */
export default {
  name: 'stats',
  description: 'Grades, got-it rate, streaks and strongest and weakest categories',
  permission: 'everyone',
  options: [{ name: 'user', description: 'whose stats (yours when left out)', type: 'user' }],
  async run(ctx): Promise<Reply> {
    const other = ctx.options.user('user');
    const user = other !== undefined && other.userId !== ctx.user.userId ? other : ctx.user;
    const stats = await ctx.services.scoring.stats(user);
    const who = user === ctx.user ? 'You have' : `**${md(stats.name)}** has`;
    if (stats.graded === 0) return { blocks: [{ type: 'text', markdown: `${who} not graded any question yet.` }], ephemeral: true };
    return {
      blocks: [
        { type: 'text', markdown: `**Stats for ${md(stats.name)}**` },
        { type: 'fields', fields: statsFields(stats) },
      ],
      ephemeral: true,
    };
  },
} satisfies Command;
