import { afterEach, describe, expect, it } from 'vitest';
import { isEphemeral } from '../../fakes/discord/index.js';
import { FAST, GUILD, type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const originalRoute = (harness: Harness, method: string) => harness.fake.requests.filter((r) => r.method === method && r.path.endsWith('/messages/@original'));

describe('discord.js adapter: answering inside the 3-second window', () => {
  it('answers fast work with the reply itself, in one callback', async () => {
    h = await startHarness();
    const status = await h.slash(h.alice, 'daily', 'status');
    expect(status.interaction.callbacks.map((c) => c['type'])).toEqual([4]);
    expect(isEphemeral(status.answer)).toBe(true);
  });

  it('defers slow work with the visibility it expects, then edits the answer in', async () => {
    h = await startHarness({ tuning: { ...FAST, deferAfterMs: 0 } });
    const status = await h.slash(h.alice, 'daily', 'status');
    expect(status.interaction.callbacks).toEqual([{ type: 5, data: { flags: 64 } }]);
    expect(originalRoute(h, 'PATCH')).toHaveLength(1);
    expect(status.text).toMatch(/No daily question is set up/);
    expect(isEphemeral(status.answer)).toBe(true);
  });

  it('when a deferral guessed private but the answer is public, the placeholder goes and the answer follows publicly; next time it guesses right', async () => {
    h = await startHarness({ tuning: { ...FAST, deferAfterMs: 0 } });
    const first = await h.slash(h.alice, 'leaderboard');
    expect(first.interaction.callbacks).toEqual([{ type: 5, data: { flags: 64 } }]);
    expect(first.interaction.deleted).toBe(true);
    expect(originalRoute(h, 'DELETE')).toHaveLength(1);
    expect(isEphemeral(first.answer)).toBe(false);

    const second = await h.slash(h.alice, 'leaderboard');
    expect(second.interaction.callbacks).toEqual([{ type: 5, data: { flags: 0 } }]);
    expect(second.interaction.deleted).toBe(false);
    expect(isEphemeral(second.answer)).toBe(false);
  });

  it('autocompletes teams of this server for /team join', async () => {
    h = await startHarness();
    await h.slash(h.ann, 'team', 'create', { name: 'Attention Heads' });
    await h.slash(h.ann, 'team', 'create', { name: 'Gradient Descenders' });
    const i = h.fake.autocomplete({ guildId: GUILD, channelId: STUDY, user: h.bob, name: 'team', subcommand: 'join', option: 'name', value: 'grad' });
    await h.fake.answered(i);
    expect(i.callbacks[0]).toEqual({ type: 8, data: { choices: [{ name: 'Gradient Descenders', value: 'Gradient Descenders' }] } });
  });
});
