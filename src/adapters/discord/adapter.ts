import { defineAdapter } from '../types.js';
import { discordSettings } from './settings.js';
import { startDiscordAdapter } from './index.js';

/** On when DISCORD_TOKEN and DISCORD_APP_ID are set; under sharding it owns only its shards' guilds. */
export const discordAdapter = defineAdapter({
  name: 'discord',
  chat: true,
  settings: discordSettings,
  start: (settings, context) => startDiscordAdapter({ ...context, config: settings }),
});
