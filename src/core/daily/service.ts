import type { WakeTimer } from '../../scheduler/index.js';
import type { ActionInvocation, ReactionInvocation } from '../actions.js';
import type { BankService } from '../bank-service.js';
import type { EngineConfig } from '../engine-config.js';
import type { PlatformPort } from '../platform.js';
import type { ChannelRef, UserRef } from '../refs.js';
import type { Reply } from '../reply.js';
import type { ScoringService } from '../scoring/service.js';
import type { World } from '../world.js';
import type { DailyChannelSettings, DailyConfigureInput, DailyPost, DailyStatus } from './types.js';

export type { DailyChannelSettings, DailyConfigureInput, DailyPost, DailyProblem, DailyStatus, PublicTrigger, QuestionScope, RevealMode } from './types.js';

export interface DailyDeps {
  world: World;
  config: EngineConfig;
  bank: BankService;
  platform: PlatformPort;
  /** Only grading (and reading back a grade, for a second Reveal) is needed here; streaks and boards are the scoring service's business. */
  scoring: Pick<ScoringService, 'grade' | 'gradeOn'>;
  /** createCronTimer() in production; tests pass a timer they fire by hand. */
  wakeTimer: WakeTimer;
  /**
   * Which channels this process schedules (default: all). A sharded Discord bot runs one process per
   * shard over one store; each schedules only its own guilds, so a slot is not raced for by every shard.
   */
  ownsChannel?: (channel: ChannelRef) => boolean;
}

/** What posting, revealing and status need: the deps without scoring, the wake timer or sharding. */
export type DailyContext = Pick<DailyDeps, 'world' | 'config' | 'bank' | 'platform'>;

/**
 * The daily question: per-channel schedules, rotation, posting, reveal and the grade buttons under a
 * reveal. Every method may be called from any process sharing the store; markers in the store, not
 * memory, decide who posts a slot or delivers a reveal.
 */
export interface DailyService {
  /** Sets (or changes) a channel's schedule and options and enables it. Throws UserError for bad input. */
  configure(channel: ChannelRef, input: DailyConfigureInput, by: UserRef): Promise<DailyChannelSettings>;
  /** Stops the channel's schedule; the settings stay for status. False when nothing was on. */
  disable(channel: ChannelRef): Promise<boolean>;
  status(channel: ChannelRef): Promise<DailyStatus>;
  /** Every channel with settings, enabled or not. */
  listChannels(): Promise<DailyChannelSettings[]>;
  /** Posts the next question now (counts for the rotation). Throws UserError when nothing can be posted. */
  postNow(channel: ChannelRef, by: UserRef): Promise<DailyPost>;
  /** The latest post's answer with grade buttons, for the `reveal` command (ephemeral). */
  revealLatest(channel: ChannelRef, user: UserRef): Promise<Reply>;
  /** Reveal reactions on a daily post; anything else is ignored. Never throws for a platform failure. */
  handleReaction(inv: ReactionInvocation): Promise<void>;
  /** `daily:hint|reveal|grade:…` buttons; always an ephemeral reply. */
  handleAction(inv: ActionInvocation): Promise<Reply>;
  /** Loads every enabled channel and starts posting; resolves once missed slots are caught up. */
  start(): Promise<void>;
  stop(): Promise<void>;
}
