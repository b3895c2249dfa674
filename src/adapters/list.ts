import { discordAdapter } from './discord/adapter.js';
import { slackAdapter } from './slack/adapter.js';
import { webAdapter } from './web/adapter.js';

/**
 * Every adapter main.ts may start, in start order: the chat platforms first, so the web page's health
 * and playground choice see them; the web page last. A new platform adds its entry here; config.ts
 * reads each entry's settings into `config[name]` (typed from this list, hence `as const`).
 */
export const ADAPTERS = [discordAdapter, slackAdapter, webAdapter] as const;
