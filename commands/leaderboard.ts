import type { Command } from '../src/core/commands/types.js';
import { workspaceOf } from '../src/core/refs.js';
import { textReply } from '../src/core/reply.js';
import { BOARD_KINDS, BOARD_PERIODS, leaderboardMarkdown } from '../src/core/scoring/index.js';

/**
 * Not ephemeral: a leaderboard is something the channel looks at together, and the one personal line
 * (the asker's rank) is harmless to share.
 */
export default {
  name: 'leaderboard',
  description: 'Top 10 people or teams this week, month, season or all time, and where you stand',
  permission: 'everyone',
  options: [
    { name: 'board', description: 'people (default) or teams', type: 'string', choices: BOARD_KINDS },
    { name: 'period', description: 'week (default), month, season or all', type: 'string', choices: BOARD_PERIODS },
  ],
  async run(ctx) {
    const kind = ctx.options.choice('board', BOARD_KINDS) ?? 'people';
    const period = ctx.options.choice('period', BOARD_PERIODS) ?? 'week';
    const scoring = ctx.services.scoring;
    const [board, team] = await Promise.all([
      scoring.leaderboard({ workspace: workspaceOf(ctx.channel), kind, period, user: ctx.user, at: ctx.now }),
      kind === 'teams' ? scoring.teamOf(ctx.user) : null,
    ]);
    return textReply(leaderboardMarkdown(board, kind, period, team?.name ?? null));
  },
} satisfies Command;
