import type { Command } from '../src/core/commands/types.js';
import { usageLines } from '../src/core/commands/usage.js';
import { UserError } from '../src/core/errors.js';
import { textReply } from '../src/core/reply.js';

/** Generated from the same list the platforms register, so it can never fall out of date. */
export default {
  name: 'help',
  description: 'What Recall can do, or how to use one command',
  permission: 'everyone',
  options: [{ name: 'command', description: 'a command to explain', type: 'string' }],
  async run(ctx) {
    const wanted = ctx.options.string('command');
    if (wanted !== undefined) {
      const command = ctx.commands.find((c) => c.name === wanted.toLowerCase());
      if (!command) throw new UserError('not-found', `There is no \`${wanted}\` command. Commands: ${ctx.commands.map((c) => c.name).join(', ')}.`);
      const subs = command.subcommands ?? [];
      const lines = [`**${command.name}**: ${command.description}`];
      if (subs.length > 0) {
        for (const s of subs) {
          const admin = (s.permission ?? command.permission) === 'admin';
          lines.push(`• \`${usageLines({ ...command, subcommands: [s] })[0]}\`: ${admin ? `${withoutAdminNote(s.description)} _(admins)_` : s.description}`);
          for (const o of s.options ?? []) lines.push(`    ◦ \`${o.name}\`: ${o.description}`);
        }
      } else {
        lines.push(`• \`${usageLines(command)[0]}\``);
        for (const o of command.options ?? []) lines.push(`    ◦ \`${o.name}\`: ${o.description}`);
      }
      return textReply(lines.join('\n'), { ephemeral: true });
    }
    const lines = ctx.commands.map((c) => `• \`${c.name}\`: ${c.description}${adminsOnly(c) ? ' _(admins)_' : ''}`);
    return textReply(['**Recall** turns your question bank into daily practice.', ...lines, 'Details: `help <command>`.'].join('\n'), { ephemeral: true });
  },
} satisfies Command;

/**
 * Descriptions say "(admins)" for Discord's command picker, which shows nothing else; help marks admin
 * subcommands itself, so the note in the words would say it twice.
 */
function withoutAdminNote(description: string): string {
  return description
    .replace(/\s*\(admins\)/i, '')
    .replace(/\(admins;\s*/i, '(')
    .trim();
}

/** A command is for admins only when nothing in it is open to everyone (`daily status` is). */
function adminsOnly(command: Command): boolean {
  const subs = command.subcommands ?? [];
  if (subs.length === 0) return command.permission === 'admin';
  return subs.every((s) => (s.permission ?? command.permission) === 'admin');
}
