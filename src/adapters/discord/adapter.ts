import { defineAdapter } from '../types.js';
import { startDiscordAdapter } from './index.js';

/** On when DISCORD_TOKEN and DISCORD_APP_ID are set; under sharding it owns only its shards' guilds. */
export const discordAdapter = defineAdapter({
  name: 'discord',
  chat: true,
  settings: (config) => config.discord,
  start: (settings, context) => startDiscordAdapter({ ...context, config: settings }),
});
