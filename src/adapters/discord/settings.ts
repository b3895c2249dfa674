import { z } from 'zod';
import { defineSettings, optionalText } from '../settings.js';

export interface DiscordConfig {
  token: string;
  appId: string;
  guildId: string | null;
  /** Tests point discord.js at a local fake; production leaves it unset. */
  apiBase: string | null;
  adminRole: string | null;
}

/** On when DISCORD_TOKEN and DISCORD_APP_ID are set; a token without the app id is refused. */
export const discordSettings = defineSettings({
  env: {
    DISCORD_TOKEN: optionalText,
    DISCORD_APP_ID: optionalText,
    DISCORD_GUILD_ID: optionalText,
    DISCORD_API_BASE: z.string().url().optional(),
    DISCORD_ADMIN_ROLE: optionalText,
  },
  check(env, ctx) {
    if (env.DISCORD_TOKEN && !env.DISCORD_APP_ID) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_APP_ID'], message: 'is needed with DISCORD_TOKEN (the application id from the Discord developer portal)' });
    }
  },
  read: (env): DiscordConfig | null =>
    env.DISCORD_TOKEN && env.DISCORD_APP_ID
      ? {
          token: env.DISCORD_TOKEN,
          appId: env.DISCORD_APP_ID,
          guildId: env.DISCORD_GUILD_ID ?? null,
          apiBase: env.DISCORD_API_BASE ?? null,
          adminRole: env.DISCORD_ADMIN_ROLE ?? null,
        }
      : null,
  describe: (discord) => (discord.guildId ? `guild ${discord.guildId}` : 'global'),
});
