import type { Command, CommandOption, Subcommand } from './types.js';

function optionUsage(o: CommandOption): string {
  const inner = o.choices && o.choices.length <= 6 ? o.choices.join('|') : o.name;
  return o.required ? `<${inner}>` : `[${inner}]`;
}

/** `quiz [category] [count]`, `daily set <time> [days] [timezone]`. */
export function usageLine(command: Command, sub?: Subcommand): string {
  const options = sub ? (sub.options ?? []) : (command.options ?? []);
  return [command.name, ...(sub ? [sub.name] : []), ...options.map(optionUsage)].join(' ');
}

/** Every way to call a command, one per line. */
export function usageLines(command: Command): string[] {
  if (command.subcommands && command.subcommands.length > 0) return command.subcommands.map((s) => usageLine(command, s));
  return [usageLine(command)];
}
