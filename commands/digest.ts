import type { Command } from '../src/core/commands/types.js';
import { DIGEST_EXAMPLE, type DigestStatus } from '../src/core/digest/index.js';
import { UserError } from '../src/core/errors.js';
import { type Reply, textReply } from '../src/core/reply.js';

export default {
  name: 'digest',
  description: 'The weekly digest in this channel: top people and teams, streaks, the most-missed question',
  permission: 'admin',
  subcommands: [
    {
      name: 'set',
      description: 'Post the digest here once a week (admins)',
      // Positional order as people say it: `digest set sun 18:00 Europe/Berlin`.
      options: [
        { name: 'weekday', description: 'the day: mon, tue … sun', type: 'string', required: true },
        { name: 'time', description: 'HH:MM in the channel timezone', type: 'string', required: true },
        { name: 'timezone', description: 'an IANA name like Europe/Berlin (default: the workspace zone)', type: 'string' },
      ],
    },
    { name: 'off', description: 'Stop the weekly digest here (admins)' },
    { name: 'now', description: 'Post the digest of the week just ended right away (admins)' },
    { name: 'status', description: 'When the next digest comes', permission: 'everyone' },
  ],
  async run(ctx): Promise<Reply> {
    const digest = ctx.services.digest;
    switch (ctx.subcommand) {
      case 'set': {
        const timezone = ctx.options.string('timezone');
        const input = { weekday: ctx.options.required.string('weekday'), time: ctx.options.required.string('time'), ...(timezone !== undefined ? { timezone } : {}) };
        await digest.configure(ctx.channel, input, ctx.user);
        return textReply(`Weekly digest set.\n${describeStatus(await digest.status(ctx.channel))}`, { ephemeral: true });
      }
      case 'off':
        return (await digest.disable(ctx.channel))
          ? textReply('The weekly digest is off in this channel. `digest set` turns it back on.', { ephemeral: true })
          : textReply('The weekly digest was not on in this channel.', { ephemeral: true });
      case 'now': {
        const post = await digest.postNow(ctx.channel, ctx.user);
        return textReply(`Posted the digest of ${post.weekId}.`, { ephemeral: true });
      }
      case 'status':
        return textReply(describeStatus(await digest.status(ctx.channel)), { ephemeral: true });
      default:
        throw new UserError('bad-input', 'Use `digest set`, `digest off`, `digest now` or `digest status`.');
    }
  },
} satisfies Command;

function describeStatus(status: DigestStatus): string {
  const { settings } = status;
  if (!settings) return `No weekly digest is set up in this channel. An admin can start one with ${DIGEST_EXAMPLE}.`;
  const lines = [settings.enabled ? `**Weekly digest:** ${status.schedule ?? ''}` : `**The weekly digest is off** (was ${status.schedule ?? ''}).`];
  if (status.nextRun) lines.push(`Next: ${status.nextRun}`);
  if (status.lastPost) lines.push(`Last digest: ${status.lastPost.weekId}, posted ${status.lastPost.postedLocal}`);
  const problem = status.problems[0];
  if (problem) lines.push(`Last problem: ${problem.message}`);
  return lines.join('\n');
}
