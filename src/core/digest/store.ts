import type { Store } from '../../store/store.js';
import type { ChannelRef, WorkspaceRef } from '../refs.js';
import { type ChannelIndex, indexChannel, readChannelIndex } from '../slots/channel-index.js';
import { advanceSlotMark } from '../slots/marks.js';
import { DIGEST_INDEX_KEY, digestLastPostKey, digestLastSlotKey, digestPostKey, digestProblemsKey, digestSettingsKey } from './keys.js';
import type { DigestPost, DigestProblem, DigestSettings } from './types.js';

const MAX_PROBLEMS = 20;

export function readDigestIndex(store: Store): Promise<ChannelIndex> {
  return readChannelIndex(store, DIGEST_INDEX_KEY);
}

export function loadDigestSettings(store: Store, channel: ChannelRef | string): Promise<DigestSettings | undefined> {
  return store.get<DigestSettings>(digestSettingsKey(channel));
}

export async function saveDigestSettings(store: Store, settings: DigestSettings): Promise<void> {
  await store.set(digestSettingsKey(settings.channel), settings);
  await indexChannel(store, DIGEST_INDEX_KEY, settings.channel);
}

/** Every channel of one workspace with a digest turned on. */
export async function digestChannelsOf(store: Store, ws: WorkspaceRef): Promise<DigestSettings[]> {
  const index = await readDigestIndex(store);
  const mine = Object.entries(index.channels).filter(([, c]) => c.platform === ws.platform && c.workspaceId === ws.workspaceId);
  const all = await Promise.all(mine.map(([key]) => loadDigestSettings(store, key)));
  return all.filter((s): s is DigestSettings => s?.enabled === true);
}

export function readDigestMark(store: Store, channel: ChannelRef | string): Promise<string | undefined> {
  return store.get<string>(digestLastSlotKey(channel));
}

/** Forward only (slots/marks.ts). */
export function advanceDigestMark(store: Store, channel: ChannelRef, slotKey: string): Promise<void> {
  return advanceSlotMark(store, digestLastSlotKey(channel), slotKey);
}

/** A new schedule starts from now: nothing before it is owed. */
export async function resetDigestMark(store: Store, channel: ChannelRef, slotKey: string): Promise<void> {
  await store.set(digestLastSlotKey(channel), slotKey);
}

export async function addDigestProblem(store: Store, channel: ChannelRef, problem: DigestProblem): Promise<void> {
  await store.update<DigestProblem[]>(digestProblemsKey(channel), (list) => [problem, ...(list ?? [])].slice(0, MAX_PROBLEMS));
}

export async function readDigestProblems(store: Store, channel: ChannelRef): Promise<DigestProblem[]> {
  return (await store.get<DigestProblem[]>(digestProblemsKey(channel))) ?? [];
}

export async function saveDigestPost(store: Store, post: DigestPost): Promise<void> {
  await store.set(digestPostKey(post.channel, post.postId), post);
  await store.update<DigestPost>(digestLastPostKey(post.channel), (current) => (current && current.postedAt > post.postedAt ? current : post));
}

export function loadDigestPost(store: Store, ws: WorkspaceRef, postId: string): Promise<DigestPost | undefined> {
  return store.get<DigestPost>(digestPostKey(ws, postId));
}

export function lastDigestPost(store: Store, channel: ChannelRef): Promise<DigestPost | undefined> {
  return store.get<DigestPost>(digestLastPostKey(channel));
}
