import type { Store } from '../../store/store.js';
import type { ChannelRef, WorkspaceRef } from '../refs.js';
import { type ChannelIndex, indexChannel, readChannelIndex } from '../slots/channel-index.js';
import { advanceSlotMark } from '../slots/marks.js';
import { CHANNEL_INDEX_KEY, lastPostKey, lastSlotKey, messageIndexKey, postKey, problemsKey, settingsKey } from './keys.js';
import type { DailyChannelSettings, DailyPost, DailyProblem } from './types.js';

const MAX_PROBLEMS = 20;

export function readIndex(store: Store): Promise<ChannelIndex> {
  return readChannelIndex(store, CHANNEL_INDEX_KEY);
}

export function loadSettings(store: Store, channel: ChannelRef | string): Promise<DailyChannelSettings | undefined> {
  return store.get<DailyChannelSettings>(settingsKey(channel));
}

export async function saveSettings(store: Store, settings: DailyChannelSettings): Promise<void> {
  await store.set(settingsKey(settings.channel), settings);
  await indexChannel(store, CHANNEL_INDEX_KEY, settings.channel);
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
export function advanceLastSlot(store: Store, channel: ChannelRef, slotKey: string): Promise<void> {
  return advanceSlotMark(store, lastSlotKey(channel), slotKey);
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
