import { ApplicationCommandOptionType, ApplicationCommandType, AutocompleteInteraction, ChatInputCommandInteraction, Client, InteractionType } from 'discord.js';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { rank } from '../../../src/adapters/discord/autocomplete.js';
import { readOptions } from '../../../src/adapters/discord/options.js';

const FUZZ = { seed: 20_261_203, numRuns: 2_000 } as const;

/** A client that never logs in: discord.js builds interactions from gateway JSON with it, as it does on a live shard. */
const client = new Client({ intents: [] });
afterAll(() => client.destroy());

const anyJson = fc.jsonValue({ maxDepth: 2 });
const optionType = fc.constantFrom(...Object.values(ApplicationCommandOptionType).filter((v): v is number => typeof v === 'number'));

/** Option trees in the API's shape with any values in them: wrong types, nesting under leaves, focus anywhere. */
const leaf = fc.record({ name: fc.string({ maxLength: 10 }), type: optionType, value: anyJson, focused: fc.boolean() }, { requiredKeys: ['name', 'type'] });
const group = (children: fc.Arbitrary<unknown[]>) => fc.record({ name: fc.string({ maxLength: 10 }), type: optionType, options: children }, { requiredKeys: ['name', 'type'] });
const options = fc.array(fc.oneof(leaf, group(fc.array(fc.oneof(leaf, group(fc.array(leaf, { maxLength: 3 }))), { maxLength: 3 }))), { maxLength: 4 });

// discord.js builds these from gateway packets itself; its types keep the constructors protected.
const chatInput = ChatInputCommandInteraction as unknown as new (c: Client, data: unknown) => ChatInputCommandInteraction;
const autocomplete = AutocompleteInteraction as unknown as new (c: Client, data: unknown) => AutocompleteInteraction;

function raw(kind: InteractionType, opts: unknown[]) {
  return {
    id: '1100000000000000001',
    application_id: '1100000000000000002',
    type: kind,
    token: 'fuzz',
    version: 1,
    guild_id: '1100000000000000003',
    channel_id: '1100000000000000004',
    member: {
      user: { id: '1100000000000000005', username: 'ada', discriminator: '0', global_name: 'Ada', avatar: null },
      roles: [],
      joined_at: '2026-01-01T00:00:00Z',
      deaf: false,
      mute: false,
      permissions: '0',
      flags: 0,
    },
    app_permissions: '0',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: {},
    data: { id: '1100000000000000006', name: 'recall', type: ApplicationCommandType.ChatInput, options: opts },
  };
}

describe('Discord interaction decoding, fuzzed (fixed seed, 2,000 cases a property)', () => {
  it('readOptions flattens any option tree discord.js builds from gateway JSON into strings, numbers and booleans, without throwing', () => {
    fc.assert(
      fc.property(options, (opts) => {
        const interaction = new chatInput(client, raw(InteractionType.ApplicationCommand, opts));
        const read = readOptions(interaction);
        expect(read.subcommand === null || typeof read.subcommand === 'string').toBe(true);
        for (const value of Object.values(read.options)) expect(['string', 'number', 'boolean']).toContain(typeof value);
      }),
      FUZZ,
    );
  });

  it('an autocomplete’s focused value and subcommand, as suggest() reads them, never throw past discord.js’s own TypeError', () => {
    fc.assert(
      fc.property(options, (opts) => {
        const interaction = new autocomplete(client, raw(InteractionType.ApplicationCommandAutocomplete, opts));
        try {
          interaction.options.getSubcommand(false);
          const focused = interaction.options.getFocused(true);
          String(focused.value);
        } catch (err) {
          // discord.js refuses a tree with no focused option this way; the handler logs it and offers nothing.
          expect(err).toBeInstanceOf(Error);
          expect((err as Error & { code?: string }).code).toMatch(/^AutocompleteInteractionOptionNoFocusedOption$|^CommandInteractionOptionNotFound$/);
        }
      }),
      FUZZ,
    );
  });

  it('rank never throws, and returns only names it was given (all of them when nothing was typed)', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20 }), fc.string(), (names, typed) => {
        const ranked = rank(names, typed);
        for (const name of ranked) expect(names).toContain(name);
        if (typed === '') expect(ranked).toEqual(names);
      }),
      FUZZ,
    );
  });
});
