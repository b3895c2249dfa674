import { discordConfigForCli } from './cli-config.js';
import { INVITE_PERMISSIONS, INVITE_SCOPES, inviteUrl } from './invite.js';
import { permissionLabel } from './errors.js';
import { PermissionsBitField } from 'discord.js';

/** `npm run discord:invite`: prints the URL that adds Recall to a server, and what it asks for. */
function main(): number {
  const discord = discordConfigForCli();
  if (!discord) return 1;
  const names = new PermissionsBitField([...INVITE_PERMISSIONS]).toArray().map(permissionLabel);
  const lines = [inviteUrl(discord.appId, discord.guildId), '', `Scopes: ${INVITE_SCOPES.join(', ')}`, `Permissions: ${names.join(', ')}`];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = main();
