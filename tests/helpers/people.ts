import type { ChannelRef, UserRef, WorkspaceRef } from '../../src/core/refs.js';
import type { Who } from '../fakes/slack/payloads.js';

/** A workspace with one channel and the people tests talk about, with ids the way that platform writes them. */
export interface Cast {
  workspace: WorkspaceRef;
  channel: ChannelRef;
  /** The admin, in tests that need one. */
  ann: UserRef;
  alice: UserRef;
  bob: UserRef;
  carol: UserRef;
  /** Anyone else in the same workspace. */
  person(userId: string, name?: string): UserRef;
}

export function castOn(workspace: WorkspaceRef, channelId: string, userIdOf: (firstName: string) => string = (n) => n): Cast {
  const person = (userId: string, name?: string): UserRef => ({ ...workspace, userId, ...(name ? { name } : {}) });
  const named = (name: string): UserRef => person(userIdOf(name.toLowerCase()), name);
  return { workspace, channel: { ...workspace, channelId }, ann: named('Ann'), alice: named('Alice'), bob: named('Bob'), carol: named('Carol'), person };
}

/** Slack and the fake Slack write user ids as `U…`. */
export const slackStyleIds = (firstName: string): string => `U-${firstName}`;

/** The playground's team: the default for command and quiz tests. */
export const web = castOn({ platform: 'web', workspaceId: 'team-a' }, 'general');
/** A Discord guild, for the daily service's tests. */
export const discord = castOn({ platform: 'discord', workspaceId: 'guild-1' }, 'general');
/** The fake Slack's team (`FAKE_TEAM`) and study channel. */
export const slack = castOn({ platform: 'slack', workspaceId: 'T1' }, 'C-study', slackStyleIds);

export const { channel: CHANNEL, alice: ALICE, bob: BOB, carol: CAROL } = web;

/** The Slack cast as the fake Slack's payloads name people (`slashCommand(alice, SLACK_CHANNEL, …)`). */
export const SLACK_CHANNEL = slack.channel.channelId;
export const slackWho = {
  ann: { userId: slack.ann.userId, userName: 'Ann' },
  alice: { userId: slack.alice.userId, userName: 'Alice' },
  bob: { userId: slack.bob.userId, userName: 'Bob' },
} satisfies Record<string, Who>;
