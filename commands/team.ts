import type { Command } from '../src/core/commands/types.js';
import { UserError } from '../src/core/errors.js';
import { workspaceOf } from '../src/core/refs.js';
import { type Reply, textReply } from '../src/core/reply.js';
import { md } from '../src/core/scoring/index.js';

const members = (n: number): string => `${n} ${n === 1 ? 'member' : 'members'}`;

/**
 * Joining, leaving and listing answer privately (they concern the asker); creating, renaming and
 * removing a team answer in the channel, since they change everyone's leaderboard.
 */
export default {
  name: 'team',
  description: 'Join, leave and list teams; admins create, rename and remove them',
  permission: 'everyone',
  subcommands: [
    {
      name: 'join',
      description: 'Join a team (or move to it); your points count for it from now on',
      options: [{ name: 'name', description: 'the team to join', type: 'string', required: true, rest: true, autocomplete: 'team' }],
    },
    { name: 'leave', description: 'Leave your team' },
    { name: 'list', description: 'The teams and how many people are in each' },
    {
      name: 'create',
      description: 'Create a team (admins)',
      permission: 'admin',
      options: [{ name: 'name', description: 'up to 40 characters; names ignore case', type: 'string', required: true, rest: true }],
    },
    {
      name: 'rename',
      description: 'Rename a team, keeping its points (admins; quote a name with spaces)',
      permission: 'admin',
      options: [
        { name: 'old', description: 'the team’s current name', type: 'string', required: true, autocomplete: 'team' },
        { name: 'new', description: 'its new name', type: 'string', required: true, rest: true },
      ],
    },
    {
      name: 'remove',
      description: 'Remove a team: its members become teamless and it leaves the leaderboards (admins)',
      permission: 'admin',
      options: [{ name: 'name', description: 'the team to remove', type: 'string', required: true, rest: true, autocomplete: 'team' }],
    },
  ],
  async run(ctx): Promise<Reply> {
    const scoring = ctx.services.scoring;
    const ws = workspaceOf(ctx.channel);
    switch (ctx.subcommand) {
      case 'join': {
        const { team, previous, changed } = await scoring.joinTeam(ctx.user, ctx.options.required.string('name'));
        if (!changed) return textReply(`You are already in **${md(team.name)}**.`, { ephemeral: true });
        const moved = previous ? ` Points you earned for **${md(previous.name)}** stay with it.` : '';
        return textReply(`You joined **${md(team.name)}** (${members(team.members)}). Points you earn from now on count for it.${moved}`, { ephemeral: true });
      }
      case 'leave': {
        const team = await scoring.leaveTeam(ctx.user);
        return textReply(`You left **${md(team.name)}**. Points you earned for it stay with it.`, { ephemeral: true });
      }
      case 'list': {
        const [teams, mine] = await Promise.all([scoring.listTeams(ws), scoring.teamOf(ctx.user)]);
        if (teams.length === 0) return textReply('There are no teams yet. An admin can create one with `team create <name>`.', { ephemeral: true });
        const lines = teams.map((t) => `• **${md(t.name)}** · ${members(t.members)}`);
        const you = mine ? `You are in **${md(mine.name)}**.` : 'You are not in a team: `team join <name>` joins one.';
        return textReply([`**Teams** (${teams.length})`, ...lines, '', you].join('\n'), { ephemeral: true });
      }
      case 'create': {
        const team = await scoring.createTeam(ws, ctx.options.required.string('name'), ctx.user);
        return textReply(`Team **${md(team.name)}** created. Join it with \`team join ${team.name}\`.`);
      }
      case 'rename': {
        const team = await scoring.renameTeam(ws, ctx.options.required.string('old'), ctx.options.required.string('new'));
        return textReply(`Team renamed to **${md(team.name)}**; its points and members stay.`);
      }
      case 'remove': {
        const team = await scoring.removeTeam(ws, ctx.options.required.string('name'));
        return textReply(`Team **${md(team.name)}** removed. Its ${members(team.members)} are teamless now, and it is off the leaderboards.`);
      }
      default:
        throw new UserError('bad-input', 'Use `team join`, `team leave`, `team list`, `team create`, `team rename` or `team remove`.');
    }
  },
} satisfies Command;
