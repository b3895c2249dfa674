import type { Store } from '../../store/store.js';
import { type ChannelRef, type WorkspaceRef, channelKey, channelOf } from '../refs.js';
import { CHANNEL_INDEX_KEY, lastPostKey, lastSlotKey, messageIndexKey, postKey, problemsKey, settingsKey } from './keys.js';
import type { DailyChannelSettings, DailyPost, DailyProblem } from './types.js';

/** Which channels have settings. `version` grows on every change so other processes notice cheaply. */
export interface ChannelIndex {
  version: number;
  channels: Record<string, ChannelRef>;
}

const MAX_PROBLEMS = 20;

export async function readIndex(store: Store): Promise<ChannelIndex> {
  return (await store.get<ChannelIndex>(CHANNEL_INDEX_KEY)) ?? { version: 0, channels: {} };
}

export function loadSettings(store: Store, channel: ChannelRef | string): Promise<DailyChannelSettings | undefined> {
  return store.get<DailyChannelSettings>(settingsKey(channel));
}

export async function saveSettings(store: Store, settings: DailyChannelSettings): Promise<void> {
  await store.set(settingsKey(settings.channel), settings);
  const key = channelKey(settings.channel);
  await store.update<ChannelIndex>(CHANNEL_INDEX_KEY, (index) => ({
    version: (index?.version ?? 0) + 1,
    channels: { ...index?.channels, [key]: channelOf(settings.channel) },
  }));
}

export async function listSettings(store: Store): Promise<DailyChannelSettings[]> {
  const index = await readIndex(store);
  const all = await Promise.all(
    Object.keys(index.channels)
      .sort()
      .map((key) => loadSettings(store, key)),
  );
  return all.filter((s): s is DailyChannelSettings => s !== undefined);
}

export function readLastSlot(store: Store, channel: ChannelRef | string): Promise<string | undefined> {
  return store.get<string>(lastSlotKey(channel));
}

/** Moves the channel's "handled up to" mark forward, never back (two processes may finish out of order). */
export async function advanceLastSlot(store: Store, channel: ChannelRef, slotKey: string): Promise<void> {
  // Keys are local wall-clock minutes in one zone, so string order is time order.
  await store.update<string>(lastSlotKey(channel), (current) => (current !== undefined && current > slotKey ? current : slotKey));
}

/** A new schedule starts from now: nothing before it is owed, whatever the old schedule had handled. */
export async function resetLastSlot(store: Store, channel: ChannelRef, slotKey: string): Promise<void> {
  await store.set(lastSlotKey(channel), slotKey);
}

export async function addProblem(store: Store, channel: ChannelRef, problem: DailyProblem): Promise<void> {
  await store.update<DailyProblem[]>(problemsKey(channel), (list) => [problem, ...(list ?? [])].slice(0, MAX_PROBLEMS));
}

export async function readProblems(store: Store, channel: ChannelRef): Promise<DailyProblem[]> {
  return (await store.get<DailyProblem[]>(problemsKey(channel))) ?? [];
}

/** Writes the post, the message → post index reactions need, and the channel's latest post. */
export async function savePost(store: Store, post: DailyPost): Promise<void> {
  await store.set(postKey(post.channel, post.postId), post);
  await store.set(messageIndexKey(post.channel, post.messageId), post.postId);
  await store.update<DailyPost>(lastPostKey(post.channel), (current) => (current && current.dailySeq > post.dailySeq ? current : post));
}

export function loadPost(store: Store, workspace: WorkspaceRef, postId: string): Promise<DailyPost | undefined> {
  return store.get<DailyPost>(postKey(workspace, postId));
}

export async function postForMessage(store: Store, channel: ChannelRef, messageId: string): Promise<DailyPost | undefined> {
  const postId = await store.get<string>(messageIndexKey(channel, messageId));
  return postId === undefined ? undefined : loadPost(store, channel, postId);
}

export function latestPost(store: Store, channel: ChannelRef): Promise<DailyPost | undefined> {
  return store.get<DailyPost>(lastPostKey(channel));
}
