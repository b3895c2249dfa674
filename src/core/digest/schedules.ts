import type { Store } from '../../store/store.js';
import type { ChannelSettingsStore } from '../slots/channel-schedules.js';
import { loadDigestSettings, readDigestIndex, readDigestMark, resetDigestMark, saveDigestSettings } from './store.js';
import type { DigestSettings } from './types.js';

/** The digest's channels, settings and last-slot marks, as the shared channel schedules read them. */
export function digestSettingsStore(store: Store): ChannelSettingsStore<DigestSettings> {
  return {
    label: 'digest',
    readIndex: () => readDigestIndex(store),
    load: (channel) => loadDigestSettings(store, channel),
    save: (settings) => saveDigestSettings(store, settings),
    readMark: (key) => readDigestMark(store, key),
    resetMark: (channel, slotKey) => resetDigestMark(store, channel, slotKey),
  };
}
