import {
  ChannelType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type REST,
  Routes,
  SlashCommandBuilder,
  type SlashCommandBooleanOption,
  type SlashCommandChannelOption,
  type SlashCommandIntegerOption,
  type SlashCommandStringOption,
  type SlashCommandUserOption,
} from 'discord.js';
import type { Command, CommandOption } from '../../core/commands/types.js';
import { LIMITS, truncate } from './limits.js';

/** What SlashCommandBuilder and SlashCommandSubcommandBuilder share for adding options. */
interface OptionHost {
  addStringOption(build: (o: SlashCommandStringOption) => SlashCommandStringOption): unknown;
  addIntegerOption(build: (o: SlashCommandIntegerOption) => SlashCommandIntegerOption): unknown;
  addBooleanOption(build: (o: SlashCommandBooleanOption) => SlashCommandBooleanOption): unknown;
  addUserOption(build: (o: SlashCommandUserOption) => SlashCommandUserOption): unknown;
  addChannelOption(build: (o: SlashCommandChannelOption) => SlashCommandChannelOption): unknown;
}

/**
 * The one command list as Discord slash commands. The builders validate names, lengths and option order
 * when `toJSON` runs, so a command Discord would reject fails here (and in the tests) instead.
 *
 * No `default_member_permissions`: admin rights also come from a configured role, which Discord's own
 * command permissions do not know about, so every command is visible and the engine decides.
 */
export function toDiscordCommands(commands: readonly Command[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const builder = new SlashCommandBuilder()
      .setName(command.name)
      .setDescription(description(command.description))
      // Every command works on a channel or a workspace, neither of which a DM has.
      .setContexts(InteractionContextType.Guild);
    const subcommands = command.subcommands ?? [];
    if (subcommands.length > 0) {
      for (const sub of subcommands) {
        builder.addSubcommand((s) => {
          s.setName(sub.name).setDescription(description(sub.description));
          addOptions(s, sub.options ?? []);
          return s;
        });
      }
    } else {
      addOptions(builder, command.options ?? []);
    }
    return builder.toJSON();
  });
}

function addOptions(host: OptionHost, options: readonly CommandOption[]): void {
  // Discord requires required options first; the core reads options by name, so order is free to change.
  const ordered = [...options].sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
  for (const option of ordered) {
    const base = <T extends { setName(n: string): T; setDescription(d: string): T; setRequired(r: boolean): T }>(o: T): T =>
      o
        .setName(option.name)
        .setDescription(description(option.description))
        .setRequired(option.required ?? false);
    switch (option.type) {
      case 'string':
        host.addStringOption((o) => {
          base(o);
          if (option.choices && option.choices.length <= LIMITS.autocompleteChoices) {
            o.addChoices(...option.choices.map((c) => ({ name: truncate(c, LIMITS.choiceName), value: c })));
          } else if (option.autocomplete) {
            o.setAutocomplete(true);
          }
          return o;
        });
        break;
      case 'integer':
        host.addIntegerOption((o) => {
          base(o);
          if (option.min !== undefined) o.setMinValue(option.min);
          if (option.max !== undefined) o.setMaxValue(option.max);
          return o;
        });
        break;
      case 'boolean':
        host.addBooleanOption((o) => base(o));
        break;
      case 'user':
        host.addUserOption((o) => base(o));
        break;
      case 'channel':
        // Channels the bot can post in: text and announcement channels (not voice, categories or forums).
        host.addChannelOption((o) => base(o).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement));
        break;
    }
  }
}

function description(text: string): string {
  return truncate(text, LIMITS.commandDescription);
}

export interface RegisterResult {
  scope: string;
  names: string[];
}

/**
 * Bulk-overwrites the application's commands: in one guild when guildId is set (instant, for a team's own
 * server), otherwise globally. Overwriting is idempotent, so running it on every start is safe.
 */
export async function registerCommands(rest: REST, target: { appId: string; guildId: string | null }, commands: readonly Command[]): Promise<RegisterResult> {
  const body = toDiscordCommands(commands);
  const route = target.guildId ? Routes.applicationGuildCommands(target.appId, target.guildId) : Routes.applicationCommands(target.appId);
  await rest.put(route, { body });
  return { scope: target.guildId ? `guild ${target.guildId}` : 'global', names: body.map((c) => c.name) };
}
