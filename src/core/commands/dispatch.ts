import { UserError, isUserError } from '../errors.js';
import type { CoreLogger } from '../logger.js';
import { type Reply, textReply } from '../reply.js';
import type { Services } from '../services.js';
import { commandOptions } from './options.js';
import { coerceOptions } from './parse-text.js';
import type { WorkspaceRef } from '../refs.js';
import type { Command, CommandInvocation, CommandOption, OptionValue } from './types.js';
import { usageLine } from './usage.js';

export interface DispatchDeps {
  commands: readonly Command[];
  services: Services;
  logger: CoreLogger;
  now: () => Date;
}

/**
 * Runs a command from any platform: finds it, checks the caller may use it, validates options, and turns
 * a UserError into a private, friendly reply. Anything else is a bug: logged with context, and the
 * person is told it failed rather than left waiting.
 */
export async function dispatchCommand(inv: CommandInvocation, deps: DispatchDeps): Promise<Reply> {
  try {
    const command = deps.commands.find((c) => c.name === inv.command);
    if (!command) throw new UserError('unknown-command', `There is no \`${inv.command}\` command; \`help\` lists them.`);
    const subs = command.subcommands ?? [];
    const sub = subs.length > 0 ? subs.find((s) => s.name === inv.subcommand) : undefined;
    if (subs.length > 0 && !sub) {
      throw new UserError('bad-input', `\`${command.name}\` needs one of: ${subs.map((s) => s.name).join(', ')}.`);
    }
    const permission = sub?.permission ?? command.permission;
    if (permission === 'admin' && !inv.isAdmin) {
      throw new UserError('not-allowed', `Only admins can use \`${[command.name, sub?.name].filter(Boolean).join(' ')}\`.`);
    }
    const declared = sub ? (sub.options ?? []) : (command.options ?? []);
    const values = await withPeopleFound(coerceOptions(inv.options, declared, usageLine(command, sub)), declared, inv.user, deps.services);
    const options = commandOptions(values, declared, inv.user);
    return await command.run({
      user: inv.user,
      channel: inv.channel,
      isAdmin: inv.isAdmin,
      subcommand: sub?.name ?? null,
      options,
      services: deps.services,
      commands: deps.commands,
      now: deps.now(),
    });
  } catch (err) {
    if (isUserError(err)) return textReply(err.message, { ephemeral: true });
    deps.logger.error({ err, command: inv.command, subcommand: inv.subcommand, channel: inv.channel }, 'command failed');
    return textReply('Something went wrong running that command; it has been logged for the admins.', { ephemeral: true });
  }
}

/** `user` options name a person however they were typed (`Bob`, `@bob`, a mention's id); scoring's one resolver makes that an id. */
async function withPeopleFound(
  values: Record<string, OptionValue>,
  declared: readonly CommandOption[],
  ws: WorkspaceRef,
  services: Services,
): Promise<Record<string, OptionValue>> {
  const out = { ...values };
  for (const option of declared) {
    const typed = out[option.name];
    if (option.type !== 'user' || typeof typed !== 'string') continue;
    out[option.name] = (await services.scoring.findPerson(ws, typed)) ?? typed;
  }
  return out;
}
