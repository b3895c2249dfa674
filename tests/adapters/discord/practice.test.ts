import { afterEach, describe, expect, it } from 'vitest';
import { buttons, isEphemeral, messageText } from '../../fakes/discord/index.js';
import { type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('discord.js adapter: a practice session on the fake Discord (real engine, practice service and command)', () => {
  it('/practice start → Show answer → grade → next card → summary, all in one ephemeral message updated in place', async () => {
    h = await startHarness();
    await h.slash(h.alice, 'practice', 'settings', { setting: 'new', value: '2' });
    const start = await h.slash(h.alice, 'practice', 'start');
    expect(isEphemeral(start.answer)).toBe(true);
    expect(start.text).toMatch(/Practice · card 1/);
    const card = start.answer.id;
    const seen = () => messageText(h!.fake.message(card));

    const shown = await h.press(h.alice, h.fake.message(card), /Show answer/);
    expect(shown.interaction.callbacks.map((c) => c['type'])).toEqual([7]);
    const labels = () => buttons(h!.fake.message(card)).map((b) => b.label.replace(/ · .*/, ''));
    expect(labels()).toEqual(['Again', 'Hard', 'Good', 'Easy', 'Stop']);

    const graded = await h.press(h.alice, h.fake.message(card), /^Good/);
    expect(graded.interaction.callbacks.map((c) => c['type'])).toEqual([7]);
    expect(seen()).toMatch(/Good: this card comes back in \d+ minutes/);
    expect(seen()).toMatch(/Practice · card 2/);
    expect(labels()).toEqual(['Show answer', 'Stop']);

    await h.press(h.alice, h.fake.message(card), /Show answer/);
    await h.press(h.alice, h.fake.message(card), /^Again/);
    expect(seen()).toMatch(/Practice done\*{0,2}: 2 reviewed, 50% correct/);
    expect(seen()).toMatch(/Due tomorrow: 2/);
    // The summary has no buttons left to press.
    expect(h.fake.message(card).components).toEqual([]);

    // Every answer went into the one message: no follow-ups, nothing in the channel, no DMs.
    const answers = h.fake.requests.filter((r) => r.method === 'POST' && /\/webhooks\//.test(r.path));
    expect(answers).toEqual([]);
    expect(h.fake.messages(STUDY)).toEqual([]);
    expect(h.fake.dms(h.alice.id)).toEqual([]);
    expect(h.logs.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('a stale Show answer pressed again (from an old copy of the message) shows the session as it now stands', async () => {
    h = await startHarness();
    const start = await h.slash(h.bob, 'practice', 'start');
    const card = h.fake.message(start.answer.id);
    const stale = { ...card, components: structuredClone(card.components) };
    await h.press(h.bob, card, /Show answer/);
    await h.press(h.bob, h.fake.message(card.id), /^Easy/);
    const after = messageText(h.fake.message(card.id));
    // The old Show answer, pressed again from a stale copy of the message.
    const again = await h.press(h.bob, stale, /Show answer/);
    expect(again.interaction.callbacks.map((c) => c['type'])).toEqual([7]);
    expect(messageText(h.fake.message(card.id))).toBe(after);
  });
});
