import type { ActionInvocation } from '../actions.js';
import type { BankService } from '../bank-service.js';
import type { EngineConfig } from '../engine-config.js';
import type { PlatformPort } from '../platform.js';
import type { ChannelRef, UserRef } from '../refs.js';
import type { Reply } from '../reply.js';
import type { ScoringService } from '../scoring/service.js';
import type { World } from '../world.js';

export interface QuizDeps {
  world: World;
  config: EngineConfig;
  bank: BankService;
  platform: PlatformPort;
  /** Only grading: a quiz hands each answer over and leaves boards, streaks and seasons to scoring. */
  scoring: Pick<ScoringService, 'grade'>;
}

export interface StartQuizInput {
  channel: ChannelRef;
  user: UserRef;
  /** As typed (`ai`, `rag`); each is resolved with the bank's category matching. */
  categories?: readonly string[];
  /** Questions in the round; defaults to the configured number. */
  count?: number;
  /** Only the starter answers, and each question follows their answer at once. */
  solo?: boolean;
}

/**
 * On-demand quiz rounds in a channel. Every bit of a round lives in the store, so any process can take
 * a button press; timers only prompt a look at the store.
 */
export interface QuizService {
  /** Starts a round and posts its first question; the reply announces it (public). */
  start(input: StartQuizInput): Promise<Reply>;
  /** A press of a `quiz:` button; always answers privately, never throws for stale or unknown rounds. */
  handleAction(inv: ActionInvocation): Promise<Reply>;
}
