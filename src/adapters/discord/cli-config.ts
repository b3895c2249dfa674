import { readConfig } from '../../config.js';
import type { DiscordConfig } from './settings.js';

/** The Discord settings for a command-line script, or null after saying on stderr what to set. */
export function discordConfigForCli(): DiscordConfig | null {
  const result = readConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`Fix these settings first:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return null;
  }
  if (!result.config.discord) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APP_ID (from the Discord developer portal) first.\n');
    return null;
  }
  return result.config.discord;
}
