import { type FakeMember, type FakeMessage, type FakeUser, type Json, EVERYONE_PERMS, memberJson, userJson } from './state.js';
import type { FakeDiscordWorld, FakeInteraction } from './world.js';

/** Option values as a person fills them in; typed from the registered command, as Discord does. */
export type SlashOptions = Record<string, string | number | boolean>;

const OPTION_TYPES = { subcommand: 1, string: 3, integer: 4, boolean: 5, user: 6, channel: 7 } as const;

/** Builds INTERACTION_CREATE and MESSAGE_REACTION_ADD payloads the way Discord sends them. */
export class EventBuilder {
  constructor(private readonly world: FakeDiscordWorld) {}

  slash(i: FakeInteraction, fields: { guildId: string; channelId: string; user: FakeUser; name: string; subcommand?: string; options?: SlashOptions }): Json {
    const command = this.registered(fields.guildId, fields.name);
    const declared = Array.isArray(command['options']) ? (command['options'] as Json[]) : [];
    let options: Json[];
    let declaredOptions = declared;
    if (fields.subcommand) {
      const sub = declared.find((o) => o['name'] === fields.subcommand);
      if (!sub) throw new Error(`/${fields.name} has no subcommand ${fields.subcommand}`);
      declaredOptions = Array.isArray(sub['options']) ? (sub['options'] as Json[]) : [];
      options = [{ name: fields.subcommand, type: OPTION_TYPES.subcommand, options: typed(fields.options ?? {}, declaredOptions) }];
    } else {
      options = typed(fields.options ?? {}, declaredOptions);
    }
    const resolvedUsers = Object.entries(fields.options ?? {})
      .filter(([name]) => declaredOptions.find((o) => o['name'] === name)?.['type'] === OPTION_TYPES.user)
      .map(([, id]) => this.world.users.get(String(id)))
      .filter((u): u is FakeUser => u !== undefined);
    // A picked channel comes with its partial object, as Discord resolves it (an unknown id with a bare one).
    const resolvedChannels = Object.entries(fields.options ?? {})
      .filter(([name]) => declaredOptions.find((o) => o['name'] === name)?.['type'] === OPTION_TYPES.channel)
      .map(([, id]) => {
        const known = this.world.channels.get(String(id));
        return { id: String(id), type: 0, ...(known ?? {}), permissions: String(EVERYONE_PERMS) };
      });
    const resolved = {
      ...(resolvedUsers.length > 0 ? { users: Object.fromEntries(resolvedUsers.map((u) => [u.id, userJson(u)])) } : {}),
      ...(resolvedChannels.length > 0 ? { channels: Object.fromEntries(resolvedChannels.map((c) => [c.id, c])) } : {}),
    };
    return {
      ...this.base(i, fields.guildId, fields.channelId, fields.user),
      type: 2,
      data: {
        id: String(command['id']),
        name: fields.name,
        type: 1,
        guild_id: fields.guildId,
        options,
        ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
      },
    };
  }

  autocomplete(i: FakeInteraction, fields: { guildId: string; channelId: string; user: FakeUser; name: string; subcommand?: string; option: string; value: string }): Json {
    const focused = { name: fields.option, type: OPTION_TYPES.string, value: fields.value, focused: true };
    const options = fields.subcommand ? [{ name: fields.subcommand, type: OPTION_TYPES.subcommand, options: [focused] }] : [focused];
    const command = this.registered(fields.guildId, fields.name);
    return {
      ...this.base(i, fields.guildId, fields.channelId, fields.user),
      type: 4,
      data: { id: String(command['id']), name: fields.name, type: 1, guild_id: fields.guildId, options },
    };
  }

  button(i: FakeInteraction, fields: { message: FakeMessage; customId: string; user: FakeUser }): Json {
    const guildId = this.world.guildOfChannel(fields.message.channel_id) ?? null;
    return { ...this.base(i, guildId, fields.message.channel_id, fields.user), type: 3, data: { custom_id: fields.customId, component_type: 2 }, message: fields.message };
  }

  /** A modal submission: each label's component comes back with its value (a select's as `values`). */
  modalSubmit(
    i: FakeInteraction,
    fields: { modal: Json; guildId: string | null; channelId: string; user: FakeUser; values: Record<string, string>; messageId: string | undefined },
  ): Json {
    const declared = Array.isArray(fields.modal['components']) ? (fields.modal['components'] as Json[]) : [];
    const known = new Set(declared.map((c) => String((c['component'] as Json)['custom_id'])));
    for (const id of Object.keys(fields.values)) if (!known.has(id)) throw new Error(`the modal has no field ${id}; it has ${[...known].join(', ')}`);
    const components = declared.map((label, n) => {
      const inner = label['component'] as Json;
      const id = String(inner['custom_id']);
      const value = fields.values[id] ?? '';
      const answer = inner['type'] === 3 ? { type: 3, id: n * 2 + 2, custom_id: id, values: value ? [value] : [] } : { type: 4, id: n * 2 + 2, custom_id: id, value };
      return { type: 18, id: n * 2 + 1, component: answer };
    });
    const message = fields.messageId ? this.world.messageById.get(fields.messageId) : undefined;
    return {
      ...this.base(i, fields.guildId, fields.channelId, fields.user),
      type: 5,
      data: { custom_id: fields.modal['custom_id'], components },
      ...(message ? { message } : {}),
    };
  }

  reaction(fields: { message: FakeMessage; user: FakeUser; emoji: string }): Json {
    const guildId = this.world.guildOfChannel(fields.message.channel_id);
    const member = guildId ? this.memberOf(guildId, fields.user) : undefined;
    return {
      user_id: fields.user.id,
      channel_id: fields.message.channel_id,
      message_id: fields.message.id,
      ...(guildId ? { guild_id: guildId } : {}),
      ...(guildId && member ? { member: memberJson(member, guildId) } : {}),
      emoji: { id: null, name: fields.emoji },
      burst: false,
      burst_colors: [],
      type: 0,
      message_author_id: this.world.bot.id,
    };
  }

  private base(i: FakeInteraction, guildId: string | null, channelId: string, user: FakeUser): Json {
    const channel = this.world.channels.get(channelId) ?? { id: channelId, type: 0 };
    const who = guildId ? { member: memberJson(this.memberOf(guildId, user), guildId, true) } : { user: userJson(user) };
    return {
      id: i.id,
      application_id: this.world.appId,
      token: i.token,
      version: 1,
      ...(guildId ? { guild_id: guildId, guild: { id: guildId, features: [], locale: 'en-US' }, guild_locale: 'en-US' } : {}),
      channel_id: channelId,
      channel,
      ...who,
      app_permissions: String(EVERYONE_PERMS),
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
      context: guildId ? 0 : 1,
      attachment_size_limit: 10_485_760,
    };
  }

  private memberOf(guildId: string, user: FakeUser): FakeMember {
    return this.world.member(guildId, user.id) ?? { user, roles: [] };
  }

  private registered(guildId: string, name: string): Json {
    const list = this.world.commands.guild.get(guildId) ?? this.world.commands.global;
    const command = list.find((c) => c['name'] === name);
    if (!command) throw new Error(`/${name} is not registered (guild ${guildId}); registered: ${list.map((c) => String(c['name'])).join(', ')}`);
    return command;
  }
}

function typed(values: SlashOptions, declared: readonly Json[]): Json[] {
  return Object.entries(values).map(([name, value]) => {
    const option = declared.find((o) => o['name'] === name);
    if (!option) throw new Error(`option ${name} is not registered; registered: ${declared.map((o) => String(o['name'])).join(', ')}`);
    return { name, type: option['type'], value };
  });
}
