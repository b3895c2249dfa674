import { leaderboardImage } from '../src/core/board-picture.js';
import type { Command } from '../src/core/commands/types.js';
import { workspaceOf } from '../src/core/refs.js';
import { textReply } from '../src/core/reply.js';
import { BOARD_KINDS, BOARD_PERIODS, leaderboardMarkdown } from '../src/core/scoring/index.js';

const FORMATS = ['text', 'image'] as const;

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
    { name: 'format', description: 'text (default) or image: bars in team colours', type: 'string', choices: FORMATS },
  ],
  async run(ctx) {
    const kind = ctx.options.choice('board', BOARD_KINDS) ?? 'people';
    const period = ctx.options.choice('period', BOARD_PERIODS) ?? 'week';
    const { scoring, images } = ctx.services;
    if (ctx.options.choice('format', FORMATS) === 'image') {
      if (images) return { blocks: [await leaderboardImage({ scoring, images }, { workspace: workspaceOf(ctx.channel), kind, period, user: ctx.user, at: ctx.now })] };
      // A process started without the renderer still answers; the words say what is missing.
      const words = textReply(await boardText());
      words.blocks.push({ type: 'context', markdown: 'Pictures are not available on this server, so here is the board in words.' });
      return words;
    }
    return textReply(await boardText());

    async function boardText(): Promise<string> {
      const [board, team] = await Promise.all([
        scoring.leaderboard({ workspace: workspaceOf(ctx.channel), kind, period, user: ctx.user, at: ctx.now }),
        kind === 'teams' ? scoring.teamOf(ctx.user) : null,
      ]);
      return leaderboardMarkdown(board, kind, period, team?.name ?? null);
    }
  },
} satisfies Command;
