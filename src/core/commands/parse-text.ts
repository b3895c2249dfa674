import { UserError } from '../errors.js';
import type { Command, CommandOption, OptionValue, Subcommand } from './types.js';
import { usageLine, usageLines } from './usage.js';

export interface ParsedCommandText {
  command: Command;
  subcommand: Subcommand | null;
  options: Record<string, OptionValue>;
}

/**
 * Reads a command typed as text (Slack's `/recall quiz ai 5`, the playground's text box): positional
 * options in their declared order, or `name:value`; quotes keep spaces together; an option marked
 * `rest` takes the remainder of the line.
 */
export function parseCommandText(text: string, commands: readonly Command[]): ParsedCommandText {
  const tokens = tokenize(text.trim().replace(/^\//, ''));
  const [name, ...args] = tokens;
  if (!name) throw new UserError('unknown-command', `Type a command, for example \`help\`. Commands: ${commands.map((c) => c.name).join(', ')}.`);
  const command = commands.find((c) => c.name === name.toLowerCase());
  if (!command) throw new UserError('unknown-command', `There is no \`${name}\` command. Commands: ${commands.map((c) => c.name).join(', ')} (\`help\` explains them).`);
  let subcommand: Subcommand | null = null;
  let rest = args;
  if (command.subcommands && command.subcommands.length > 0) {
    const [subName, ...after] = args;
    const subs = command.subcommands;
    const fallback = subs.find((s) => s.name === command.defaultSubcommand);
    if (fallback && !subs.some((s) => s.name === subName?.toLowerCase())) {
      return { command, subcommand: fallback, options: assignOptions(args, fallback.options ?? [], usageLine(command, fallback)) };
    }
    if (!subName)
      throw new UserError(
        'bad-input',
        `\`${command.name}\` needs one of: ${subs.map((s) => s.name).join(', ')}.\n${usageLines(command)
          .map((l) => `• \`${l}\``)
          .join('\n')}`,
      );
    subcommand = subs.find((s) => s.name === subName.toLowerCase()) ?? null;
    if (!subcommand) throw new UserError('bad-input', `\`${command.name} ${subName}\` is not a thing. Try: ${subs.map((s) => `\`${command.name} ${s.name}\``).join(', ')}.`);
    rest = after;
  }
  const declared = subcommand ? (subcommand.options ?? []) : (command.options ?? []);
  return { command, subcommand, options: assignOptions(rest, declared, usageLine(command, subcommand ?? undefined)) };
}

function assignOptions(tokens: string[], declared: readonly CommandOption[], usage: string): Record<string, OptionValue> {
  const raw: Record<string, string> = {};
  const positional = declared.filter((o) => !tokens.some((t) => t.toLowerCase().startsWith(`${o.name}:`)));
  let next = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as string;
    const named = /^([a-z][\w-]*):(.*)$/i.exec(token);
    const namedOption = named ? declared.find((o) => o.name === named[1]?.toLowerCase()) : undefined;
    if (named && namedOption) {
      raw[namedOption.name] = named[2] ?? '';
      continue;
    }
    const option = positional[next++];
    if (!option) throw new UserError('bad-input', `Too many values: \`${tokens.slice(i).join(' ')}\` is more than \`${usage}\` takes.`);
    if (option.rest) {
      raw[option.name] = tokens.slice(i).join(' ');
      break;
    }
    const cronFields = option.cronLine ? cronRun(tokens, i) : 0;
    if (cronFields >= 3 && cronFields !== 5) {
      const line = tokens.slice(i, i + cronFields).join(' ');
      throw new UserError(
        'bad-input',
        `\`${line}\` looks like a cron line, but it has ${cronFields} fields; a cron line has 5 (minute hour day month weekday), e.g. \`0 9 * * 1-5\`.`,
      );
    }
    if (cronFields === 5) {
      raw[option.name] = tokens.slice(i, i + 5).join(' ');
      i += 4;
      continue;
    }
    raw[option.name] = token;
  }
  return coerceOptions(raw, declared, usage);
}

/** Checks and converts option values from any source (typed text or a platform's structured options). */
export function coerceOptions(raw: Record<string, unknown>, declared: readonly CommandOption[], usage: string): Record<string, OptionValue> {
  const out: Record<string, OptionValue> = {};
  for (const key of Object.keys(raw)) {
    if (raw[key] !== undefined && !declared.some((o) => o.name === key)) throw new UserError('bad-input', `Unknown option \`${key}\`. Usage: \`${usage}\``);
  }
  for (const option of declared) {
    const value = raw[option.name];
    if (value === undefined || value === '') {
      if (option.required) throw new UserError('bad-input', `\`${option.name}\` is missing (${option.description}). Usage: \`${usage}\``);
      continue;
    }
    out[option.name] = coerceOne(option, value, usage);
  }
  return out;
}

function coerceOne(option: CommandOption, value: unknown, usage: string): OptionValue {
  const text = String(value).trim();
  switch (option.type) {
    case 'integer': {
      const n = typeof value === 'number' ? value : /^[+-]?\d+$/.test(text) ? Number(text) : Number.NaN;
      const range = rangeText(option);
      if (!Number.isInteger(n)) throw new UserError('bad-input', `\`${option.name}\` must be a whole number${range}, not \`${text}\`. Usage: \`${usage}\``);
      if ((option.min !== undefined && n < option.min) || (option.max !== undefined && n > option.max)) {
        throw new UserError('bad-input', `\`${option.name}\` must be${range}, not ${n}.`);
      }
      return n;
    }
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const lower = text.toLowerCase();
      if (['yes', 'true', 'on', '1'].includes(lower)) return true;
      if (['no', 'false', 'off', '0'].includes(lower)) return false;
      throw new UserError('bad-input', `\`${option.name}\` is yes or no, not \`${text}\`.`);
    }
    case 'user':
      return text.replace(/^<@!?([^>|]+)(?:\|[^>]*)?>$/, '$1').replace(/^@/, '');
    case 'channel': {
      // A mention as Slack (`<#C123|mod>`, with escaping on) or Discord (`<#123>`) writes it, or a typed `#name`.
      const id = text.replace(/^<#([^>|]+)(?:\|[^>]*)?>$/, '$1').replace(/^#/, '');
      if (id === '') throw new UserError('bad-input', `\`${option.name}\` names a channel, like \`#mod\`.`);
      return id;
    }
    case 'string': {
      if (option.choices) {
        const hit = option.choices.find((c) => c.toLowerCase() === text.toLowerCase());
        if (!hit) throw new UserError('bad-input', `\`${option.name}\` is one of ${option.choices.map((c) => `\`${c}\``).join(', ')}, not \`${text}\`.`);
        return hit;
      }
      return text;
    }
  }
}

function rangeText(o: CommandOption): string {
  if (o.min !== undefined && o.max !== undefined) return ` from ${o.min} to ${o.max}`;
  if (o.min !== undefined) return ` of at least ${o.min}`;
  if (o.max !== undefined) return ` of at most ${o.max}`;
  return '';
}

// Minute, hour and day of month are digits, `*`, ranges, lists and steps; month and weekday may be names (jan, mon-fri).
const NUMERIC_FIELD = /^(\*|\d{1,2})(-\d{1,2})?(\/\d{1,2})?(,(\*|\d{1,2})(-\d{1,2})?(\/\d{1,2})?)*$/;
const NAMED_FIELD = /^(\*|\d{1,2}|[a-z]{3})(-(\d{1,2}|[a-z]{3}))?(\/\d{1,2})?(,(\*|\d{1,2}|[a-z]{3})(-(\d{1,2}|[a-z]{3}))?(\/\d{1,2})?)*$/i;

/**
 * How many tokens from `start` read as consecutive cron fields (at most 6, to tell a seconds field
 * apart). Fewer than 3 is not a cron line at all: `9 mon,wed` is a time and days.
 */
function cronRun(tokens: readonly string[], start: number): number {
  let n = 0;
  while (n < 6 && start + n < tokens.length) {
    const field = tokens[start + n] as string;
    if (!(n < 3 || n === 5 ? NUMERIC_FIELD : NAMED_FIELD).test(field)) break;
    n++;
  }
  return n;
}

/** Splits on spaces, keeping "quoted text" and 'quoted text' together. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  // `name:"two words"` is one named value, as `"two words"` is one positional one.
  const re = /([a-z][\w-]*:)?(?:"([^"]*)"|'([^']*)'|“([^”]*)”)|(\S+)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) tokens.push(m[5] ?? `${m[1] ?? ''}${m[2] ?? m[3] ?? m[4] ?? ''}`);
  return tokens;
}
