import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.js';
import { suggestQuestions } from '../../../src/adapters/discord/autocomplete.js';
import { toDiscordCommands } from '../../../src/adapters/discord/commands.js';
import { loadBank } from '../../../src/bank/load.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { openSearchWorker } from '../../../src/io/search-worker-client.js';
import { GUILD, type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Choices = { choices: { name: string; value: string }[] };

/**
 * The bank's search index behind Discord autocomplete: `/bank show id` offers questions found by the
 * words typed (interaction type 4, answered with callback type 8), and the id picked shows the question.
 */
describe('discord.js adapter: question autocomplete from the bank search index', () => {
  it('registers /bank show id with autocomplete on', () => {
    const bank = toDiscordCommands(commands).find((c) => c.name === 'bank');
    const show = bank?.options?.find((o) => o.name === 'show');
    expect(show && 'options' in show ? show.options?.[0] : undefined).toMatchObject({ name: 'id', autocomplete: true, required: true });
  });

  it('offers questions for the words typed, LoRA first, with ids as values, and /bank show takes the picked id', async () => {
    h = await startHarness();
    const i = h.fake.autocomplete({ guildId: GUILD, channelId: STUDY, user: h.bob, name: 'bank', subcommand: 'show', option: 'id', value: 'LoRA' });
    await h.fake.answered(i);
    expect(i.callbacks[0]?.['type']).toBe(8);
    const { choices } = (i.callbacks[0]?.['data'] ?? { choices: [] }) as Choices;
    expect(choices.length).toBeGreaterThan(1);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]?.name).toMatch(/\bLoRA\b/);
    expect(choices.map((c) => c.name).join('\n')).not.toContain('exploration-exploitation');
    for (const c of choices) {
      expect(c.value).toMatch(/^[0-9a-z]+$/);
      expect(c.name.length).toBeLessThanOrEqual(100);
    }

    const shown = await h.slash(h.bob, 'bank', 'show', { id: choices[0]?.value ?? '' });
    expect(shown.text).toContain('LoRA');
    expect(shown.text).toContain(`id ${choices[0]?.value}`);
  });

  it('completes a word cut short and a typo, and an id prefix offers that question first', async () => {
    h = await startHarness();
    const ask = async (value: string) => {
      const i = (h as Harness).fake.autocomplete({ guildId: GUILD, channelId: STUDY, user: (h as Harness).bob, name: 'bank', subcommand: 'show', option: 'id', value });
      await (h as Harness).fake.answered(i);
      return ((i.callbacks[0]?.['data'] ?? { choices: [] }) as Choices).choices;
    };
    expect((await ask('quantiz'))[0]?.name).toMatch(/quantization/i);
    expect((await ask('reinforcment'))[0]?.name).toMatch(/reinforcement/i);
    const lora = (await ask('LoRA'))[1];
    expect((await ask(lora?.value.slice(0, 6) ?? ''))[0]).toEqual(lora);
    expect(await ask('   ')).toEqual([]);
  });
});

describe('discord.js adapter: question autocomplete with the index in a worker thread, built at start (as the bot runs a large bank)', () => {
  it('offers LoRA first for LoRA, and /bank search finds answers that discuss chunking', async () => {
    h = await startHarness({ search: { open: () => openSearchWorker(), atStart: true } });
    const i = h.fake.autocomplete({ guildId: GUILD, channelId: STUDY, user: h.bob, name: 'bank', subcommand: 'show', option: 'id', value: 'LoRA' });
    await h.fake.answered(i);
    const { choices } = (i.callbacks[0]?.['data'] ?? { choices: [] }) as Choices;
    expect(choices[0]?.name).toMatch(/\bLoRA\b/);
    const found = await h.slash(h.bob, 'bank', 'search', { words: 'chunking' });
    expect(found.text).toContain('Questions matching `chunking`');
  });
});

describe('question autocomplete while the search index is still being built', () => {
  it('answers in time with what the id alone finds, rather than waiting for the index', async () => {
    const loaded = loadBank([{ path: 'a.md', bytes: new TextEncoder().encode('1. What is a mutex?\n2. What is a futex?\n') }]);
    const real = createBankService(loaded, async () => loaded);
    const mutex = real.all()[0];
    // An index that never finishes building: suggest() never settles.
    const building = { ...real, suggest: () => new Promise<never>(() => undefined) };
    const started = Date.now();
    expect(await suggestQuestions(building, mutex?.id.slice(0, 6) ?? '', 50)).toEqual([{ name: 'What is a mutex?', value: mutex?.id }]);
    expect(await suggestQuestions(building, 'mutex', 50)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2_000);
    // Five letters are spelled as typed while completing (typos forgiven from six): the mutex only.
    expect(await suggestQuestions(real, 'mutex', 50)).toEqual([{ name: 'What is a mutex?', value: mutex?.id }]);
  });
});
