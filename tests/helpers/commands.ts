import { dispatchCommand } from '../../src/core/commands/dispatch.js';
import { type ParsedCommandText, parseCommandText } from '../../src/core/commands/parse-text.js';
import type { Command, CommandInvocation } from '../../src/core/commands/types.js';
import { isUserError } from '../../src/core/errors.js';
import type { Engine } from '../../src/core/engine.js';
import type { CoreLogger } from '../../src/core/logger.js';
import type { ChannelRef, UserRef } from '../../src/core/refs.js';
import { type Button, type Reply, replyText, textReply } from '../../src/core/reply.js';
import type { Services } from '../../src/core/services.js';
import { RecordingLogger } from '../fakes/world.js';
import { ALICE, CHANNEL } from './people.js';

export interface CommandHarnessOptions {
  commands: readonly Command[];
  /** The services the commands under test reach; any other is a stand-in that fails loudly when used. */
  services: Partial<Services>;
  logger?: CoreLogger;
  /** The dispatcher's clock; a fixed Monday morning unless the test has a world clock to pass. */
  now?: () => Date;
  /** Who types and where, when a call does not say. */
  user?: UserRef;
  channel?: ChannelRef;
  /** The one person the harness treats as an admin when a call does not say. */
  admin?: UserRef;
}

export interface As {
  user?: UserRef;
  isAdmin?: boolean;
  channel?: ChannelRef;
}

export interface CommandHarness {
  /** Runs an invocation as an adapter hands it over, through the real dispatcher. */
  run(inv: Partial<CommandInvocation> & { command: string }): Promise<Reply>;
  /** Types a command line (`daily set 09:30 weekdays`) as a person would: the real text parser, then `run`. */
  reply(line: string, as?: As): Promise<Reply>;
  /** `reply`, as the text a person reads. */
  say(line: string, as?: As): Promise<string>;
}

const MONDAY_MORNING = new Date('2026-11-23T08:00:00Z');

/** One way for tests to run commands: the same parser and dispatcher every platform goes through. */
export function commandHarness(options: CommandHarnessOptions): CommandHarness {
  const { commands, admin } = options;
  const deps = {
    commands,
    services: withStandIns(options.services),
    logger: options.logger ?? new RecordingLogger(),
    now: options.now ?? (() => MONDAY_MORNING),
  };
  const run = (inv: Partial<CommandInvocation> & { command: string }): Promise<Reply> => {
    const user = inv.user ?? options.user ?? ALICE;
    return dispatchCommand({ user, channel: options.channel ?? CHANNEL, isAdmin: admin !== undefined && user === admin, options: {}, ...inv }, deps);
  };
  const reply = async (line: string, as: As = {}): Promise<Reply> => {
    let parsed: ParsedCommandText;
    try {
      parsed = parseCommandText(line, commands);
    } catch (err) {
      // The text parser's complaints reach people the way the dispatcher's do: a private reply.
      if (isUserError(err)) return textReply(err.message, { ephemeral: true });
      throw err;
    }
    return run({
      command: parsed.command.name,
      subcommand: parsed.subcommand?.name ?? null,
      options: parsed.options,
      ...(as.user ? { user: as.user } : {}),
      ...(as.channel ? { channel: as.channel } : {}),
      ...(as.isAdmin !== undefined ? { isAdmin: as.isAdmin } : {}),
    });
  };
  return { run, reply, say: async (line, as) => replyText(await reply(line, as)) };
}

/** Runs invocations against a list of commands: `commandHarness(…).run`, for tests that build invocations by hand. */
export function commandRunner(commands: readonly Command[], services: Partial<Services>, logger: CoreLogger = new RecordingLogger()) {
  return commandHarness({ commands, services, logger }).run;
}

/** People in one channel of a running engine: typed lines and button presses, as every adapter hands them over. */
export function inChannel(engine: Pick<Engine, 'runText' | 'handleAction'>, channel: ChannelRef) {
  return {
    say: (who: UserRef, text: string, isAdmin = false): Promise<Reply> => engine.runText(text, { user: who, channel, isAdmin }),
    press: (who: UserRef, button: Button): Promise<Reply> => engine.handleAction({ action: button.action, user: who, channel, isAdmin: false }),
  };
}

/** A stand-in for a service a test never reaches; any use fails loudly with the member's name. */
export function unused<T extends object>(name: string): T {
  return new Proxy({} as T, {
    // Not thenable, so a stand-in can pass through an await untouched.
    get: (_target, member) =>
      member === 'then'
        ? undefined
        : () => {
            throw new Error(`${name}.${String(member)} is not used in this test`);
          },
  });
}

function withStandIns(services: Partial<Services>): Services {
  return new Proxy(services as Services, {
    // A service given as null (no board renderer) stays null: only one left out becomes a stand-in.
    get: (target, name) => (typeof name === 'symbol' || name === 'then' ? undefined : name in target ? target[name as keyof Services] : unused(name)),
  });
}
