import { ApplicationCommandOptionType, type ChatInputCommandInteraction, type CommandInteractionOption } from 'discord.js';
import type { OptionValue } from '../../core/commands/types.js';

export interface ReadOptions {
  subcommand: string | null;
  options: Record<string, OptionValue | undefined>;
}

/**
 * The raw option tree of a slash command as the core's flat invocation. Discord has already checked
 * types, choices and min/max; the engine checks again, as it does for every platform. A user option's
 * value is the user id, as the core expects.
 */
export function readOptions(interaction: ChatInputCommandInteraction): ReadOptions {
  const top = interaction.options.data;
  const sub = top.find((o) => o.type === ApplicationCommandOptionType.Subcommand);
  return { subcommand: sub?.name ?? null, options: flat(sub ? (sub.options ?? []) : top) };
}

function flat(options: readonly CommandInteractionOption[]): Record<string, OptionValue | undefined> {
  const out: Record<string, OptionValue | undefined> = {};
  for (const o of options) {
    if (typeof o.value === 'string' || typeof o.value === 'number' || typeof o.value === 'boolean') out[o.name] = o.value;
  }
  return out;
}
