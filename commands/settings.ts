import type { Command } from '../src/core/commands/types.js';
import { UserError } from '../src/core/errors.js';
import { workspaceOf } from '../src/core/refs.js';
import { type Reply, textReply } from '../src/core/reply.js';

/** Workspace-wide settings. Reading one is for everyone; changing one is for admins. */
export default {
  name: 'settings',
  description: 'Workspace settings: the timezone weeks and months are counted in',
  permission: 'everyone',
  subcommands: [
    {
      name: 'timezone',
      description: 'Show the workspace timezone, or set it (admins) for leaderboard weeks and months',
      options: [{ name: 'zone', description: 'an IANA name like Europe/Berlin', type: 'string' }],
    },
  ],
  async run(ctx): Promise<Reply> {
    const scoring = ctx.services.scoring;
    const ws = workspaceOf(ctx.channel);
    const zone = ctx.options.string('zone');
    if (zone === undefined) {
      return textReply(`Leaderboard weeks and months are counted in **${await scoring.timezoneOf(ws)}**.`, { ephemeral: true });
    }
    if (!ctx.isAdmin) throw new UserError('not-allowed', 'Only admins can change the workspace timezone.');
    const set = await scoring.setTimezone(ws, zone);
    return textReply(`Leaderboard weeks and months are now counted in **${set}**; points already earned stay in their week.`);
  },
} satisfies Command;
