import type { WakeTimer } from '../../scheduler/index.js';
import type { ActionInvocation } from '../actions.js';
import type { BankService } from '../bank-service.js';
import type { EngineConfig } from '../engine-config.js';
import type { BoardImages } from '../images.js';
import type { PlatformPort } from '../platform.js';
import type { PracticeService } from '../practice/service.js';
import type { ChannelRef, UserRef, WorkspaceRef } from '../refs.js';
import type { Reply } from '../reply.js';
import type { ScoringService } from '../scoring/service.js';
import type { ArchivedSeason } from '../scoring/types.js';
import type { World } from '../world.js';
import type { PictureMemo } from './image.js';
import type { DigestConfigureInput, DigestContent, DigestPost, DigestSettings, DigestStatus } from './types.js';

export type * from './types.js';

export interface DigestDeps {
  world: World;
  config: EngineConfig;
  bank: BankService;
  platform: PlatformPort;
  /** Teams for the team board, the workspace zone for a digest set without one. */
  scoring: Pick<ScoringService, 'listTeams' | 'timezoneOf'>;
  /** createCronTimer() in production; tests pass a timer they fire by hand. */
  wakeTimer: WakeTimer;
  /** Spaced repetition, when the engine runs it: its figures join the digest. */
  practice?: Pick<PracticeService, 'people' | 'stats'> | undefined;
  /** Board pictures (H4's images); without them, or when one fails, the digest goes out as text. */
  images?: BoardImages | null | undefined;
  /** Which channels this process schedules (default: all); see DailyDeps.ownsChannel. */
  ownsChannel?: ((channel: ChannelRef) => boolean) | undefined;
}

/**
 * The weekly digest: per channel, one weekday and time in the channel's zone, posted exactly once
 * across processes by the same slot claims as the daily question; plus a season's final standings
 * in every digest channel of its workspace.
 */
export interface DigestService {
  /** Sets (or moves) the channel's digest and turns it on. Throws UserError for bad input. */
  configure(channel: ChannelRef, input: DigestConfigureInput, by: UserRef): Promise<DigestSettings>;
  /** False when it was not on. */
  disable(channel: ChannelRef): Promise<boolean>;
  /** Posts the digest of the week just ended now (outside the schedule). */
  postNow(channel: ChannelRef, by: UserRef): Promise<DigestPost>;
  status(channel: ChannelRef): Promise<DigestStatus>;
  /** What a digest at `at` would say, in the channel's zone (its setting, else the workspace's). */
  content(channel: ChannelRef, at: Date): Promise<DigestContent>;
  /** Posts the final standings in each digest channel of the workspace, once per channel and season. */
  seasonEnded(ws: WorkspaceRef, archived: ArchivedSeason): Promise<void>;
  /** `digest:answer:<postId>`: the most-missed question's answer, privately. */
  handleAction(inv: ActionInvocation): Promise<Reply>;
  /** Loads every digest channel and starts posting; resolves once missed slots are caught up. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What the parts of the digest share. */
export type DigestContext = Pick<DigestDeps, 'world' | 'config' | 'bank' | 'platform' | 'scoring' | 'practice' | 'images'> & {
  /** Board pictures drawn lately (image.ts). */
  pictures: PictureMemo;
};
