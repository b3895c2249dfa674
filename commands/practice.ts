import { DIFFICULTIES } from '../src/bank/types.js';
import type { Command, CommandContext } from '../src/core/commands/types.js';
import type { PracticeSettings } from '../src/core/practice/index.js';
import { describeReminder, reminderOffReply, reminderSetReply } from '../src/core/practice/remind-replies.js';
import { type Reply, textReply } from '../src/core/reply.js';

const SETTINGS = ['new', 'timezone'] as const;
/** Words that put a person back on the workspace's zone. */
const WORKSPACE_ZONE = ['workspace', 'default', 'off', 'reset'];

/**
 * Personal spaced repetition, always private. Typed as text, `practice` and `practice <category>` run
 * `start`; Discord shows the subcommands (`/practice start`).
 */
export default {
  name: 'practice',
  description: 'Your own spaced-repetition practice: due cards first, then new ones',
  permission: 'everyone',
  defaultSubcommand: 'start',
  subcommands: [
    {
      name: 'start',
      description: 'Practise due cards, then new ones (optionally from one category)',
      options: [{ name: 'category', description: 'only this category (default: all)', type: 'string', autocomplete: 'category', rest: true }],
    },
    { name: 'weak', description: 'Your most-missed questions and weakest categories first' },
    {
      name: 'difficulty',
      description: 'Practise only questions of one difficulty',
      options: [{ name: 'level', description: 'easy, medium or hard', type: 'string', choices: DIFFICULTIES, required: true }],
    },
    {
      name: 'settings',
      description: 'Show or change your practice settings: new cards per day, your timezone',
      options: [
        { name: 'setting', description: 'new (cards per day) or timezone', type: 'string', choices: SETTINGS },
        { name: 'value', description: 'a number of new cards, or an IANA zone like Europe/Berlin (`workspace` to follow the team)', type: 'string', rest: true },
      ],
    },
    {
      name: 'remind',
      description: 'A private nudge at a time of day when cards are due; `off` stops it',
      // Positional, as people say it: `practice remind 07:30 weekdays Europe/Berlin`.
      options: [
        { name: 'time', description: 'HH:MM in your zone, or off', type: 'string' },
        { name: 'days', description: 'daily (default), weekdays, weekends or mon,wed,fri', type: 'string' },
        { name: 'timezone', description: 'an IANA name like Europe/Berlin (default: your practice zone)', type: 'string' },
      ],
    },
  ],
  async run(ctx): Promise<Reply> {
    const practice = ctx.services.practice;
    switch (ctx.subcommand) {
      case 'remind':
        return remind(ctx);
      case 'weak':
        return practice.start(ctx.user, { kind: 'weak' });
      case 'difficulty':
        return practice.start(ctx.user, { kind: 'difficulty', difficulty: ctx.options.required.choice('level', DIFFICULTIES) });
      case 'settings':
        return settings(ctx);
      default: {
        const category = ctx.options.string('category');
        return practice.start(ctx.user, category === undefined ? { kind: 'all' } : { kind: 'category', category });
      }
    }
  },
} satisfies Command;

async function remind(ctx: CommandContext): Promise<Reply> {
  const reminders = ctx.services.reminders;
  const time = ctx.options.string('time');
  if (time === undefined) {
    const current = await reminders.status(ctx.user);
    return textReply(current ? `Your practice reminder: ${describeReminder(current)}.` : 'No practice reminder. Set one with `practice remind 07:30 weekdays`.', {
      ephemeral: true,
    });
  }
  if (time.trim().toLowerCase() === 'off') return reminderOffReply(await reminders.off(ctx.user));
  const days = ctx.options.string('days');
  const timezone = ctx.options.string('timezone');
  const settings = await reminders.set(ctx.user, ctx.channel, { time, ...(days !== undefined ? { days } : {}), ...(timezone !== undefined ? { timezone } : {}) });
  return reminderSetReply(settings);
}

async function settings(ctx: CommandContext): Promise<Reply> {
  const practice = ctx.services.practice;
  const setting = ctx.options.choice('setting', SETTINGS);
  if (setting === undefined) return describe(await practice.settings(ctx.user), await practice.timezoneOf(ctx.user), 'Your practice settings');
  const value = ctx.options.required.string('value');
  if (setting === 'new') {
    const n = /^\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
    const changed = await practice.setNewPerDay(ctx.user, n);
    return describe(changed, await practice.timezoneOf(ctx.user), 'Saved');
  }
  const zone = WORKSPACE_ZONE.includes(value.trim().toLowerCase()) ? null : value;
  const changed = await practice.setTimezone(ctx.user, zone);
  return describe(changed, await practice.timezoneOf(ctx.user), 'Saved');
}

function describe(settings: PracticeSettings, zone: string, heading: string): Reply {
  const where = settings.timezone === null ? `${zone} (the workspace's)` : zone;
  return textReply(`**${heading}**\nNew cards per day: ${settings.newPerDay}\nYour days start at midnight in: ${where}`, { ephemeral: true });
}
