import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits, REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { registerCommands, toDiscordCommands } from '../../../src/adapters/discord/commands.js';
import { FakeDiscord, snowflake } from '../../fakes/discord/index.js';
import { inviteUrl } from '../../../src/adapters/discord/invite.js';

const registered = toDiscordCommands(commands);
const command = (name: string) => {
  const c = registered.find((r) => r.name === name);
  if (!c) throw new Error(`no /${name}`);
  return c;
};

describe('discord.js adapter: slash command registration', () => {
  it('registers every command of the one list, for servers only, with descriptions Discord accepts', () => {
    expect(registered.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const c of registered) {
      expect(c.contexts).toEqual([InteractionContextType.Guild]);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.default_member_permissions).toBeUndefined();
    }
  });

  it('turns subcommands and typed options into Discord options: choices, autocomplete, min/max, booleans, users', () => {
    const daily = command('daily');
    const set = daily.options?.find((o) => o.name === 'set');
    expect(set?.type).toBe(ApplicationCommandOptionType.Subcommand);
    const setOptions = set && 'options' in set ? (set.options ?? []) : [];
    expect(setOptions[0]).toMatchObject({ name: 'time', type: ApplicationCommandOptionType.String, required: true });
    expect(setOptions.find((o) => o.name === 'categories')).toMatchObject({ autocomplete: true });
    expect(setOptions.find((o) => o.name === 'discussion')).toMatchObject({ type: ApplicationCommandOptionType.Boolean });

    expect(command('quiz').options?.find((o) => o.name === 'count')).toMatchObject({ type: ApplicationCommandOptionType.Integer, min_value: 1, max_value: 20 });
    expect(command('leaderboard').options?.find((o) => o.name === 'board')).toMatchObject({
      choices: [
        { name: 'people', value: 'people' },
        { name: 'teams', value: 'teams' },
      ],
    });
    expect(command('stats').options?.[0]).toMatchObject({ name: 'user', type: ApplicationCommandOptionType.User });
    const join = command('team').options?.find((o) => o.name === 'join');
    expect(join && 'options' in join ? join.options?.[0] : undefined).toMatchObject({ name: 'name', autocomplete: true, required: true });
  });
});

describe('discord.js adapter: registering without the bot (npm run discord:register)', () => {
  it('bulk-overwrites the commands in one guild when a guild is set, else globally', async () => {
    const guildId = snowflake();
    const fake = await FakeDiscord.start({ guilds: [{ id: guildId, channels: [] }] });
    try {
      const rest = new REST({ api: fake.apiBase, retries: 0 }).setToken(fake.token);
      expect(await registerCommands(rest, { appId: fake.appId, guildId }, commands)).toEqual({ scope: `guild ${guildId}`, names: commands.map((c) => c.name) });
      expect(await registerCommands(rest, { appId: fake.appId, guildId: null }, commands)).toMatchObject({ scope: 'global' });
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`PUT /applications/${fake.appId}/guilds/${guildId}/commands`, `PUT /applications/${fake.appId}/commands`]);
      expect(fake.world.commands.global.map((c) => c['name'])).toEqual(commands.map((c) => c.name));
    } finally {
      await fake.close();
    }
  });
});

describe('discord.js adapter: the invite link', () => {
  it('asks for the bot and applications.commands scopes and exactly the permissions the bot uses', () => {
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    const expected =
      PermissionFlagsBits.ViewChannel |
      PermissionFlagsBits.SendMessages |
      PermissionFlagsBits.SendMessagesInThreads |
      PermissionFlagsBits.CreatePublicThreads |
      PermissionFlagsBits.EmbedLinks |
      PermissionFlagsBits.AddReactions |
      PermissionFlagsBits.ReadMessageHistory;
    expect(url.searchParams.get('permissions')).toBe(expected.toString());
    expect(expected).toBe(309_237_730_368n);
  });
});
