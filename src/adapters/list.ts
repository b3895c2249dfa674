import { discordAdapter } from './discord/adapter.js';
import { slackAdapter } from './slack/adapter.js';
import type { AdapterEntry } from './types.js';
import { webAdapter } from './web/adapter.js';

/**
 * Every adapter main.ts may start, in start order: the chat platforms first, so the web page's health
 * and playground choice see them; the web page last. A new platform adds its entry here.
 */
export const ADAPTERS: readonly AdapterEntry[] = [discordAdapter, slackAdapter, webAdapter];
