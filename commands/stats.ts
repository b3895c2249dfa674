import type { Command } from '../src/core/commands/types.js';
import { hasPractice, practiceFields } from '../src/core/practice/index.js';
import type { Reply, ReplyBlock } from '../src/core/reply.js';
import { md, statsFields } from '../src/core/scoring/index.js';

/** Answers privately: how someone is doing is theirs to share. */
export default {
  name: 'stats',
  description: 'Grades, got-it rate, streaks, categories, and your practice cards and what is due',
  permission: 'everyone',
  options: [{ name: 'user', description: 'whose stats (yours when left out)', type: 'user' }],
  async run(ctx): Promise<Reply> {
    const other = ctx.options.user('user');
    const user = other !== undefined && other.userId !== ctx.user.userId ? other : ctx.user;
    const [stats, practice, contributed] = await Promise.all([
      ctx.services.scoring.stats(user),
      ctx.services.practice.stats(user, ctx.now),
      ctx.services.suggestions.contributed(user),
    ]);
    const who = user === ctx.user ? 'You have' : `**${md(stats.name)}** has`;
    const practised: ReplyBlock[] = hasPractice(practice)
      ? [
          { type: 'text', markdown: '**Practice**' },
          { type: 'fields', fields: practiceFields(practice) },
        ]
      : [];
    // Approved suggestions: questions this person added to the team's bank.
    const gave: ReplyBlock[] = contributed > 0 ? [{ type: 'fields', fields: [{ label: 'Questions contributed', value: String(contributed) }] }] : [];
    if (stats.graded === 0 && practised.length === 0 && gave.length === 0) return { blocks: [{ type: 'text', markdown: `${who} not graded any question yet.` }], ephemeral: true };
    const graded: ReplyBlock[] = stats.graded === 0 ? [] : [{ type: 'fields', fields: statsFields(stats) }];
    return { blocks: [{ type: 'text', markdown: `**Stats for ${md(stats.name)}**` }, ...graded, ...practised, ...gave], ephemeral: true };
  },
} satisfies Command;
