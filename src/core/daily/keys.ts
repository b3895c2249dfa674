import { type ChannelRef, type WorkspaceRef, channelKey, workspaceKey } from '../refs.js';

/*
 * Every daily key starts with `daily:` and then the channel (or, for posts, the workspace), so two
 * channels or workspaces never share state. Posts are keyed by workspace rather than channel because a
 * grade button may come back from a DM, where the adapter still knows the workspace but not the channel.
 */

/** The one cross-workspace key: which channels have settings, so start() can find them all. */
export const CHANNEL_INDEX_KEY = 'daily:channels';

function ofChannel(channel: ChannelRef | string): string {
  return `daily:${typeof channel === 'string' ? channel : channelKey(channel)}`;
}

export const settingsKey = (channel: ChannelRef | string): string => `${ofChannel(channel)}:settings`;
export const rotationKey = (channel: ChannelRef): string => `${ofChannel(channel)}:rotation`;
export const sequenceKey = (channel: ChannelRef): string => `${ofChannel(channel)}:seq`;
/** Written once a slot is done (posted, missed, or nothing to post): every process then leaves it alone. */
export const postedSlotKey = (channel: ChannelRef, slotKey: string): string => `${ofChannel(channel)}:posted:${slotKey}`;
/** Set-if-absent with expiry: the one process posting this slot now. Expires if that process dies. */
export const slotLeaseKey = (channel: ChannelRef, slotKey: string): string => `${ofChannel(channel)}:slot-lease:${slotKey}`;
/** The question an earlier attempt at this slot chose, so a take-over posts the same one. */
export const slotAttemptKey = (channel: ChannelRef, slotKey: string): string => `${ofChannel(channel)}:slot-attempt:${slotKey}`;
/** The latest slot done (posted, missed, or nothing to post): restarts resume after it. */
export const lastSlotKey = (channel: ChannelRef | string): string => `${ofChannel(channel)}:last-slot`;
export const lastPostKey = (channel: ChannelRef): string => `${ofChannel(channel)}:last-post`;
export const problemsKey = (channel: ChannelRef): string => `${ofChannel(channel)}:problems`;
/** Posts of this channel still waiting for a public reveal at a time. */
export const pendingRevealsKey = (channel: ChannelRef | string): string => `${ofChannel(channel)}:pending-reveals`;
export const messageIndexKey = (channel: ChannelRef, messageId: string): string => `${ofChannel(channel)}:message:${messageId}`;

function ofPost(workspace: WorkspaceRef, postId: string): string {
  return `daily:${workspaceKey(workspace)}:post:${postId}`;
}

export const postKey = (workspace: WorkspaceRef, postId: string): string => ofPost(workspace, postId);
/** Marker per (post, person): the first reaction or Reveal press delivers; retries do nothing. */
export const revealedKey = (workspace: WorkspaceRef, postId: string, userId: string): string => `${ofPost(workspace, postId)}:revealed:${userId}`;
/** Marker: the answer has gone up in the thread under the post (thread and public-at modes). */
export const threadAnswerKey = (workspace: WorkspaceRef, postId: string): string => `${ofPost(workspace, postId)}:thread-answer`;
/** The distinct people who reacted, for public-at after N reactions. */
export const reactorsKey = (workspace: WorkspaceRef, postId: string): string => `${ofPost(workspace, postId)}:reactors`;
