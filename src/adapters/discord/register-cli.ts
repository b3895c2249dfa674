import { REST } from 'discord.js';
import { commands } from '../../../commands/index.js';
import { discordConfigForCli } from './cli-config.js';
import { registerCommands } from './commands.js';

/**
 * `npm run discord:register`: registers the slash commands without starting the bot. With
 * DISCORD_GUILD_ID they appear in that server at once; without it they are global.
 */
async function main(): Promise<number> {
  const discord = discordConfigForCli();
  if (!discord) return 1;
  const rest = new REST({ ...(discord.apiBase ? { api: discord.apiBase } : {}) }).setToken(discord.token);
  const { scope, names } = await registerCommands(rest, discord, commands);
  process.stdout.write(`Registered ${names.length} commands (${scope}): ${names.map((n) => `/${n}`).join(', ')}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // The message only: a person running a script needs what went wrong, not discord.js's stack.
    process.stderr.write(`Could not register the commands: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
