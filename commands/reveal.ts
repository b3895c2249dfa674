import type { Command } from '../src/core/commands/types.js';

/** For people who missed the reaction (or cannot react): the latest daily answer, privately, with grade buttons. */
export default {
  name: 'reveal',
  description: "Show me the answer to this channel's latest daily question, privately",
  permission: 'everyone',
  run: (ctx) => ctx.services.daily.revealLatest(ctx.channel, ctx.user),
} satisfies Command;
