import type { WakeTimer } from '../scheduler/index.js';
import type { ActionInvocation, ReactionInvocation } from './actions.js';
import type { BankService } from './bank-service.js';
import { dispatchCommand } from './commands/dispatch.js';
import { parseCommandText } from './commands/parse-text.js';
import type { Command, CommandInvocation } from './commands/types.js';
import { createDailyService } from './daily/index.js';
import { createDigestService, seasonEndsPosted } from './digest/index.js';
import type { EngineConfig } from './engine-config.js';
import { UserError, isUserError } from './errors.js';
import type { BoardImages } from './images.js';
import { InFlight } from './in-flight.js';
import type { PlatformPort } from './platform.js';
import { createPracticeService, gradingThatTeaches } from './practice/index.js';
import { createPracticeReminders } from './practice/remind.js';
import { createQuizService } from './quiz/index.js';
import type { ChannelRef, UserRef } from './refs.js';
import { type Reply, textReply } from './reply.js';
import { createScoringService } from './scoring/index.js';
import type { Services } from './services.js';
import { createSuggestionsService } from './suggestions/index.js';
import type { Timers } from './timers.js';
import type { World } from './world.js';

export interface EngineDeps {
  world: World;
  config: EngineConfig;
  bank: BankService;
  /** One port for every platform the process serves; it routes on `channel.platform`. */
  platform: PlatformPort;
  commands: readonly Command[];
  /** Wakes the daily scheduler; node-cron in production, a fake in tests. */
  wakeTimer: WakeTimer;
  /** Which channels this process schedules daily posts for (default: all); see DailyDeps.ownsChannel. */
  ownsChannel?: (channel: ChannelRef) => boolean;
  /** Leaderboard pictures (src/images in main.ts); without it `leaderboard … image` answers in words. */
  images?: BoardImages;
}

/** What adapters call: every event from every platform enters the core here. */
export interface Engine {
  services: Services;
  commands: readonly Command[];
  runCommand(inv: CommandInvocation): Promise<Reply>;
  /** A command typed as text (`quiz ai 5`): Slack's `/recall …` and the playground's text box. */
  runText(text: string, who: { user: UserRef; channel: ChannelRef; isAdmin: boolean }): Promise<Reply>;
  handleAction(inv: ActionInvocation): Promise<Reply>;
  handleReaction(inv: ReactionInvocation): Promise<void>;
  start(): Promise<void>;
  /**
   * Starts no more timed work, waits for every command, button, reaction and timer already running,
   * then stops the daily scheduler, which waits for a post in progress. Adapters stop taking events
   * before this is called and keep their connections until it resolves: a post still needs them.
   */
  stop(): Promise<void>;
  /** What the engine is still busy with, for the log when stopping takes too long. */
  pending(): string[];
}

export function createEngine(deps: EngineDeps): Engine {
  const { config, bank, platform, commands } = deps;
  const inFlight = new InFlight();
  const world: World = { ...deps.world, timers: countedTimers(deps.world.timers, inFlight) };
  const scoring = createScoringService({ world, config });
  const practice = createPracticeService({ world, config, bank, scoring });
  // Every daily and quiz grade also teaches the person's practice card (see practice/teach.ts).
  const grading = gradingThatTeaches(scoring, practice, world.logger);
  const daily = createDailyService({ world, config, bank, platform, scoring: grading, wakeTimer: deps.wakeTimer, ownsChannel: deps.ownsChannel });
  const quiz = createQuizService({ world, config, bank, platform, scoring: grading });
  const reminders = createPracticeReminders({ world, config, platform, practice, wakeTimer: deps.wakeTimer, ownsChannel: deps.ownsChannel });
  const digest = createDigestService({ world, config, bank, platform, scoring, practice, images: deps.images ?? null, wakeTimer: deps.wakeTimer, ownsChannel: deps.ownsChannel });
  const suggestions = createSuggestionsService({ world, bank, platform });
  // A season ended by command also posts its final standings in the digest channels.
  const services: Services = { bank, daily, digest, quiz, scoring: seasonEndsPosted(scoring, digest), practice, reminders, suggestions, images: deps.images ?? null };
  const dispatchDeps = { commands, services, logger: world.logger, now: () => world.clock.now() };
  const fresh =
    <T>(fn: () => Promise<T>) =>
    async (): Promise<T> => {
      await bank.refresh();
      return fn();
    };

  const engine: Engine = {
    services,
    commands,
    // Each event first looks whether another process changed the bank overlay (one small store read).
    runCommand: (inv) =>
      inFlight.run(
        `command ${inv.command}`,
        fresh(() => runCommand(inv)),
      ),
    runText: (text, who) => inFlight.run('typed command', () => runText(text, who)),
    handleAction: (inv) =>
      inFlight.run(
        `button ${serviceOf(inv.action)}`,
        fresh(() => handleAction(inv)),
      ),
    handleReaction: (inv) =>
      inFlight.run(
        'reaction',
        fresh(() => handleReaction(inv)),
      ),
    async start() {
      // Before the scheduler; grades that arrive meanwhile wait for it (see scoring/repair.ts).
      await scoring.settleOldGrades();
      await daily.start();
      await digest.start();
      await reminders.start();
    },
    async stop() {
      inFlight.close();
      await inFlight.drained();
      await daily.stop();
      await digest.stop();
      await reminders.stop();
    },
    pending: () => inFlight.pending(),
  };

  async function runCommand(inv: CommandInvocation): Promise<Reply> {
    // The caller's name, so `stats Bob` finds Bob before Bob has graded anything (one read when known).
    await scoring.rememberName(inv.user).catch((err: unknown) => world.logger.warn({ err, user: inv.user.userId }, 'could not keep a name'));
    return dispatchCommand(inv, dispatchDeps);
  }

  async function runText(text: string, who: { user: UserRef; channel: ChannelRef; isAdmin: boolean }): Promise<Reply> {
    try {
      const parsed = parseCommandText(text, commands);
      return await engine.runCommand({ ...who, command: parsed.command.name, subcommand: parsed.subcommand?.name ?? null, options: parsed.options });
    } catch (err) {
      if (isUserError(err)) return textReply(err.message, { ephemeral: true });
      throw err;
    }
  }

  async function handleAction(inv: ActionInvocation): Promise<Reply> {
    try {
      const service = serviceOf(inv.action);
      if (service === 'daily') return await daily.handleAction(inv);
      if (service === 'quiz') return await quiz.handleAction(inv);
      if (service === 'digest') return await digest.handleAction(inv);
      if (service === 'practice') return await practice.handleAction(inv);
      if (service === 'suggest') return await suggestions.handleAction(inv);
      throw new UserError('not-found', 'That button belongs to something that no longer exists.');
    } catch (err) {
      if (isUserError(err)) return textReply(err.message, { ephemeral: true });
      world.logger.error({ err, action: inv.action, channel: inv.channel, user: inv.user.userId }, 'button failed');
      return textReply('Something went wrong with that button; it has been logged for the admins.', { ephemeral: true });
    }
  }

  async function handleReaction(inv: ReactionInvocation): Promise<void> {
    try {
      await daily.handleReaction(inv);
    } catch (err) {
      // A reaction has no one to answer; the log is where this must not disappear.
      world.logger.error({ err, channel: inv.channel, messageId: inv.messageId, reaction: inv.reaction.raw }, 'reaction failed');
    }
  }

  return engine;
}

/** `daily:grade:…` → `daily`: the service a button belongs to. */
function serviceOf(action: string): string {
  return action.slice(0, action.indexOf(':'));
}

/**
 * A quiz question's time limit and a timed reveal run as counted work, and none starts once stopping
 * has begun: a timer is only a hint to look again (the next press, or the next start, looks too).
 */
function countedTimers(timers: Timers, inFlight: InFlight): Timers {
  return {
    after: (ms, fn) =>
      timers.after(ms, async () => {
        if (inFlight.open) await inFlight.run('timer', async () => fn());
      }),
  };
}
