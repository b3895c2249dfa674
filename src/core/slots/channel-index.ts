import type { Store } from '../../store/store.js';
import { type ChannelRef, channelKey, channelOf } from '../refs.js';

/** Which channels have settings. `version` grows on every change so other processes notice cheaply. */
export interface ChannelIndex {
  version: number;
  channels: Record<string, ChannelRef>;
}

export async function readChannelIndex(store: Store, indexKey: string): Promise<ChannelIndex> {
  return (await store.get<ChannelIndex>(indexKey)) ?? { version: 0, channels: {} };
}

/** Lists the channel (again) and moves the version on, so every process's sync reads its settings anew. */
export async function indexChannel(store: Store, indexKey: string, channel: ChannelRef): Promise<void> {
  await store.update<ChannelIndex>(indexKey, (index) => ({
    version: (index?.version ?? 0) + 1,
    channels: { ...index?.channels, [channelKey(channel)]: channelOf(channel) },
  }));
}
