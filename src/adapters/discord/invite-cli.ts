import { readConfig } from '../../config.js';
import { INVITE_PERMISSIONS, INVITE_SCOPES, inviteUrl } from './invite.js';
import { permissionLabel } from './errors.js';
import { PermissionsBitField } from 'discord.js';

/** `npm run discord:invite`: prints the URL that adds Recall to a server, and what it asks for. */
function main(): number {
  const result = readConfig(process.env);
  if (!result.ok) {
    process.stderr.write(`Fix these settings first:\n${result.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return 1;
  }
  const discord = result.config.discord;
  if (!discord) {
    process.stderr.write('Set DISCORD_TOKEN and DISCORD_APP_ID (from the Discord developer portal) first.\n');
    return 1;
  }
  const names = new PermissionsBitField([...INVITE_PERMISSIONS]).toArray().map(permissionLabel);
  process.stdout.write(
    [
      inviteUrl(discord.appId, discord.guildId),
      '',
      `Scopes: ${INVITE_SCOPES.join(', ')}`,
      `Permissions: ${names.join(', ')}`,
    ].join('\n') + '\n',
  );
  return 0;
}

process.exitCode = main();
