import type { Command, CommandContext } from '../src/core/commands/types.js';
import { type DailyConfigureInput, type DailyStatus, describeRevealMode, describeScope } from '../src/core/daily/index.js';
import { UserError } from '../src/core/errors.js';
import { zoneTypedAsDays } from '../src/scheduler/index.js';
import { type Reply, textReply } from '../src/core/reply.js';

const EXAMPLE = '`daily set 09:30 weekdays Europe/Berlin`';

export default {
  name: 'daily',
  description: 'The daily question in this channel: set its time, turn it off, post now, see its status',
  permission: 'admin',
  subcommands: [
    {
      name: 'set',
      description: 'Post a daily question here at a time (admins)',
      // Positional order matches how people say it: `daily set 09:30 weekdays Europe/Berlin`.
      options: [
        { name: 'time', description: 'HH:MM in the channel timezone, or a 5-field cron line', type: 'string', required: true, cronLine: true },
        { name: 'days', description: 'daily (default), weekdays, weekends or mon,wed,fri', type: 'string' },
        { name: 'timezone', description: 'an IANA name like Europe/Berlin', type: 'string' },
        { name: 'categories', description: 'categories or tags to draw from, comma-separated; `all` for the whole bank', type: 'string', autocomplete: 'category' },
        { name: 'reveal', description: 'private, thread, public-at:17:00 or public-at:after:3', type: 'string' },
        { name: 'discussion', description: 'also post questions without an answer (yes/no)', type: 'boolean' },
      ],
    },
    { name: 'off', description: 'Stop the daily question here (admins)' },
    { name: 'now', description: 'Post the next daily question right away (admins)' },
    { name: 'status', description: 'When the next daily question comes, and how it is revealed', permission: 'everyone' },
  ],
  async run(ctx): Promise<Reply> {
    const daily = ctx.services.daily;
    switch (ctx.subcommand) {
      case 'set': {
        const input = configureInput(ctx);
        const before = (await daily.status(ctx.channel)).settings;
        await daily.configure(ctx.channel, input, ctx.user);
        const status = await daily.status(ctx.channel);
        const kept = before ? keptNote(input, status) : null;
        return textReply(['Daily question set.', describeStatus(status), ...(kept ? [kept] : [])].join('\n'), { ephemeral: true });
      }
      case 'off':
        return (await daily.disable(ctx.channel))
          ? textReply('Daily questions are off in this channel. `daily set` turns them back on.', { ephemeral: true })
          : textReply('Daily questions were not on in this channel.', { ephemeral: true });
      case 'now': {
        const post = await daily.postNow(ctx.channel, ctx.user);
        return textReply(`Posted daily question #${post.dailySeq}.`, { ephemeral: true });
      }
      case 'status':
        return textReply(describeStatus(await daily.status(ctx.channel)), { ephemeral: true });
      default:
        throw new UserError('bad-input', 'Use `daily set`, `daily off`, `daily now` or `daily status`.');
    }
  },
} satisfies Command;

function configureInput(ctx: CommandContext): DailyConfigureInput {
  const { options } = ctx;
  const { days, timezone } = zoneTypedAsDays(options.string('days'), options.string('timezone'));
  const categories = options.string('categories');
  const reveal = options.string('reveal');
  const discussion = options.boolean('discussion');
  return {
    when: options.required.string('time'),
    ...(days !== undefined ? { days } : {}),
    ...(timezone !== undefined ? { timezone } : {}),
    ...(categories !== undefined ? { categories } : {}),
    ...(reveal !== undefined ? { reveal } : {}),
    ...(discussion !== undefined ? { discussion } : {}),
  };
}

/**
 * `daily set` keeps what it is not given; a second `daily set 10:00` must not silently keep a narrowed
 * category list or a changed reveal mode, so the reply names what came from the earlier setting and
 * how to change it. Defaults (all categories, private reveal, no discussion) are not worth a line.
 */
function keptNote(input: DailyConfigureInput, status: DailyStatus): string | null {
  const settings = status.settings;
  if (!settings) return null;
  const kept: string[] = [];
  const how: string[] = [];
  if (input.categories === undefined && settings.scope) {
    kept.push(`categories ${describeScope(settings.scope)}`);
    how.push('`categories:all`');
  }
  if (input.reveal === undefined && settings.reveal.kind !== 'private') {
    kept.push(`reveal ${describeRevealMode(settings.reveal, status.revealReaction)}`);
    how.push('`reveal:private`');
  }
  if (input.discussion === undefined && settings.discussion) {
    kept.push('discussion questions on');
    how.push('`discussion:no`');
  }
  if (kept.length === 0) return null;
  return `Kept from before: ${kept.join('; ')}. Change ${kept.length === 1 ? 'it' : 'them'} in the same line, e.g. ${how.join(' ')}.`;
}

function describeStatus(status: DailyStatus): string {
  const { settings } = status;
  if (!settings) return `No daily question is set up in this channel. An admin can start one with ${EXAMPLE}.`;
  const lines = [
    settings.enabled ? `**Daily question:** ${status.schedule ?? ''}` : `**Daily questions are off** (were ${status.schedule ?? ''}).`,
    `Categories: ${describeScope(settings.scope)} · Reveal: ${describeRevealMode(settings.reveal, status.revealReaction)} · Discussion questions: ${settings.discussion ? 'on' : 'off'}`,
  ];
  const [next, ...later] = status.nextRuns;
  if (next) lines.push(`Next: ${next}${later.length > 0 ? `; then ${later.join(', ')}` : ''}`);
  if (status.lastPost) lines.push(`Last post: #${status.lastPost.dailySeq}, ${status.lastPost.postedLocal}`);
  const problem = status.problems[0];
  if (problem) lines.push(`Last problem: ${problem.message}`);
  return lines.join('\n');
}
