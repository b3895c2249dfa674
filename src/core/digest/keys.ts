import { type ChannelRef, type WorkspaceRef, channelKey, workspaceKey } from '../refs.js';

/*
 * Every digest key starts with `digest:` and then the channel (or, for posts, the workspace), so two
 * channels never share state. Posts are keyed by workspace because the answer button may be pressed
 * where only the workspace is known, as with the daily question's buttons.
 */

/** Which channels have a digest, so start() can find them all. */
export const DIGEST_INDEX_KEY = 'digest:channels';

function ofChannel(channel: ChannelRef | string): string {
  return `digest:${typeof channel === 'string' ? channel : channelKey(channel)}`;
}

export const digestSettingsKey = (channel: ChannelRef | string): string => `${ofChannel(channel)}:settings`;
/** Written once a slot is done (posted, missed or failed for good): every process then leaves it alone. */
export const digestDoneKey = (channel: ChannelRef, slotKey: string): string => `${ofChannel(channel)}:posted:${slotKey}`;
/** Set-if-absent with expiry: the one process posting this slot now. */
export const digestLeaseKey = (channel: ChannelRef, slotKey: string): string => `${ofChannel(channel)}:slot-lease:${slotKey}`;
/** An unfinished attempt at a slot: how often it was tried and why it stopped. */
export const digestAttemptKey = (channel: ChannelRef, slotKey: string): string => `${ofChannel(channel)}:slot-attempt:${slotKey}`;
/** The latest slot such that every slot up to it is done: restarts resume after it. */
export const digestLastSlotKey = (channel: ChannelRef | string): string => `${ofChannel(channel)}:last-slot`;
export const digestLastPostKey = (channel: ChannelRef): string => `${ofChannel(channel)}:last-post`;
export const digestProblemsKey = (channel: ChannelRef): string => `${ofChannel(channel)}:problems`;
/** Marker: this channel got the final standings of this season (set before posting: at most once). */
export const seasonEndKey = (channel: ChannelRef, seasonId: string): string => `${ofChannel(channel)}:season-end:${encodeURIComponent(seasonId)}`;

export const digestPostKey = (workspace: WorkspaceRef, postId: string): string => `digest:${workspaceKey(workspace)}:post:${postId}`;
