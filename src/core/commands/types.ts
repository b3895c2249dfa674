import type { ChannelRef, UserRef } from '../refs.js';
import type { Reply } from '../reply.js';
import type { Services } from '../services.js';
import type { CommandOptions } from './options.js';

export type { CommandOptions, OptionAccessors, RequiredOptionAccessors } from './options.js';

export type Permission = 'everyone' | 'admin';
/** `user` and `channel` hold the platform's id (a picked person or channel, or a mention typed as text); the playground's are names. */
export type OptionType = 'string' | 'integer' | 'boolean' | 'user' | 'channel';
export type OptionValue = string | number | boolean;

export interface CommandOption {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  /** The only values allowed (matched case-insensitively in text; Discord shows them as a list). */
  choices?: readonly string[];
  /** Values Discord can suggest as the person types (`question`: ids, found by the words typed, via the bank's search index). */
  autocomplete?: 'category' | 'team' | 'question';
  min?: number;
  max?: number;
  /** In a text command line, takes the rest of the line (a team name with spaces, a search). */
  rest?: boolean;
  /** In a text command line, five unquoted cron fields in a row are this one value (`daily set 30 9 * * 1-5`). */
  cronLine?: boolean;
}

export interface Subcommand {
  name: string;
  description: string;
  options?: readonly CommandOption[];
  /** Overrides the command's permission for this subcommand (`daily status` for all, `daily set` for admins). */
  permission?: Permission;
}

export interface CommandContext {
  user: UserRef;
  channel: ChannelRef;
  /** Decided by the adapter: Discord Manage Server or a configured role; Slack admin/owner or a user group. */
  isAdmin: boolean;
  subcommand: string | null;
  /** Typed reads: `ctx.options.string('name')`, `.integer`, `.boolean`, `.user`, `.choice(name, values)`, `.required.*`. */
  options: CommandOptions;
  services: Services;
  /** Every command, for help and usage lines. */
  commands: readonly Command[];
  now: Date;
}

/** One slash command, written once for every platform. */
export interface Command {
  name: string;
  description: string;
  permission: Permission;
  /** Options of a command without subcommands (Discord forbids mixing the two). */
  options?: readonly CommandOption[];
  subcommands?: readonly Subcommand[];
  /**
   * Typed text only (Slack, playground): the subcommand a bare command or an unknown first word runs,
   * the word then being its first option (`practice`, `practice ai` → `practice start`). Discord needs the name.
   */
  defaultSubcommand?: string;
  run(ctx: CommandContext): Promise<Reply>;
}

/** A command as it arrives from any platform, before validation. */
export interface CommandInvocation {
  user: UserRef;
  channel: ChannelRef;
  isAdmin: boolean;
  command: string;
  subcommand?: string | null;
  options: Record<string, OptionValue | undefined>;
}
