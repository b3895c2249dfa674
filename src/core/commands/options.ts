import { UserError } from '../errors.js';
import type { ChannelRef, UserRef, WorkspaceRef } from '../refs.js';
import type { CommandOption, OptionType, OptionValue } from './types.js';

/** Typed reads of one invocation's options, each `undefined` when the option was left out. */
export interface OptionAccessors {
  string(name: string): string | undefined;
  integer(name: string): number | undefined;
  boolean(name: string): boolean | undefined;
  /** A `user` option as a person in the caller's workspace (platforms only offer people from it). */
  user(name: string): UserRef | undefined;
  /** A `channel` option as a channel of the caller's workspace (a picked channel, `<#C123|mod>`, `#mod`). */
  channel(name: string): ChannelRef | undefined;
  /** A `string` option narrowed to the values the command declared as its `choices`. */
  choice<const T extends string>(name: string, values: readonly T[]): T | undefined;
}

/** The same reads for an option the command cannot do without: the value, or a UserError saying it is missing. */
export interface RequiredOptionAccessors {
  string(name: string): string;
  integer(name: string): number;
  boolean(name: string): boolean;
  user(name: string): UserRef;
  channel(name: string): ChannelRef;
  choice<const T extends string>(name: string, values: readonly T[]): T;
}

/**
 * What `ctx.options` is. Dispatch already refuses a missing option declared `required`, so
 * `required.*` only throws for an optional one that one branch of a command needs after all.
 */
export interface CommandOptions extends OptionAccessors {
  required: RequiredOptionAccessors;
  /** Whether the person gave the option at all. */
  has(name: string): boolean;
}

/**
 * Builds the accessors over values dispatch has already checked and coerced. Reading a name the
 * command did not declare, or under another type than declared, is a bug in the command (an Error,
 * logged), never the person's fault.
 */
export function commandOptions(values: Readonly<Record<string, OptionValue>>, declared: readonly CommandOption[], workspace: WorkspaceRef): CommandOptions {
  const read = (name: string, type: OptionType): OptionValue | undefined => {
    const option = declared.find((o) => o.name === name);
    if (!option) throw new Error(`the command reads option \`${name}\`, which it does not declare`);
    if (option.type !== type) throw new Error(`the command reads option \`${name}\` as ${type}, but declares it ${option.type}`);
    const value = values[name];
    if (value === undefined) return undefined;
    // coerceOptions made the value of the declared type; anything else means it was bypassed.
    if (typeof value !== (type === 'integer' ? 'number' : type === 'user' || type === 'channel' ? 'string' : type)) {
      throw new Error(`option \`${name}\` holds ${typeof value}, not the ${type} it declares`);
    }
    return value;
  };
  const optional: OptionAccessors = {
    string: (name) => read(name, 'string') as string | undefined,
    integer: (name) => read(name, 'integer') as number | undefined,
    boolean: (name) => read(name, 'boolean') as boolean | undefined,
    user: (name) => {
      const id = read(name, 'user') as string | undefined;
      return id === undefined ? undefined : { platform: workspace.platform, workspaceId: workspace.workspaceId, userId: id };
    },
    channel: (name) => {
      const id = read(name, 'channel') as string | undefined;
      return id === undefined ? undefined : { platform: workspace.platform, workspaceId: workspace.workspaceId, channelId: id };
    },
    choice: <const T extends string>(name: string, values: readonly T[]): T | undefined => {
      const value = read(name, 'string') as string | undefined;
      if (value === undefined) return undefined;
      const hit = values.find((v) => v === value);
      if (hit === undefined) throw new UserError('bad-input', `\`${name}\` is one of ${values.map((v) => `\`${v}\``).join(', ')}, not \`${value}\`.`);
      return hit;
    },
  };
  const need = <V>(name: string, value: V | undefined): V => {
    if (value !== undefined) return value;
    const option = declared.find((o) => o.name === name);
    throw new UserError('bad-input', `\`${name}\` is missing${option ? ` (${option.description})` : ''}.`);
  };
  return {
    ...optional,
    required: {
      string: (name) => need(name, optional.string(name)),
      integer: (name) => need(name, optional.integer(name)),
      boolean: (name) => need(name, optional.boolean(name)),
      user: (name) => need(name, optional.user(name)),
      channel: (name) => need(name, optional.channel(name)),
      choice: (name, values) => need(name, optional.choice(name, values)),
    },
    has: (name) => values[name] !== undefined,
  };
}
