import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, buttons, isEphemeral, messageText } from '../../fakes/discord/index.js';
import { type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('discord.js adapter: grade buttons', () => {
  it('score once even when Discord delivers the same press twice, and the board shows it', async () => {
    h = await startHarness();
    const { fake, alice } = h;
    await h.slash(h.ann, 'daily', 'now');
    const post = fake.messages(STUDY)[0];
    if (!post) throw new Error('no post');
    fake.react({ message: post, user: alice, emoji: '👀' });
    const dm = await fake.until(() => fake.dms(alice.id)[0], 'the reveal DM');

    // Pressed in the DM: no guild on the interaction; the adapter finds the server the DM came from.
    const first = await h.press(alice, dm, /Got it/);
    expect(first.interaction.guildId).toBeNull();
    expect(first.text).toMatch(/Recorded: Got it/);
    // The DM itself is updated (callback 7): the person's copy shows the grade; see buttons-remember.test.ts.
    expect(first.interaction.callbacks.map((c) => c['type'])).toEqual([7]);
    expect(first.answer.id).toBe(dm.id);

    fake.redeliver(first.interaction);
    await new Promise((r) => setTimeout(r, 200));
    expect(first.interaction.callbacks).toHaveLength(1);

    const again = await h.press(alice, dm, /Got it/);
    expect(again.text).toMatch(/Already recorded/);

    const board = await h.slash(h.bob, 'leaderboard', undefined, { board: 'people', period: 'week' });
    expect(isEphemeral(board.answer)).toBe(false);
    expect(board.text).toMatch(/Alice[^\n]*3/);
    // The board is public: it is in the channel, under the post.
    expect(
      fake
        .messages(STUDY)
        .map((m) => messageText(m))
        .join('\n'),
    ).toMatch(/Alice/);
    expect(h.logs.lines.filter((l) => l.level >= 50)).toEqual([]);
  });

  it('a grade button of a question that is gone answers clearly and privately', async () => {
    h = await startHarness();
    await h.slash(h.ann, 'daily', 'now');
    const post = h.fake.messages(STUDY)[0];
    if (!post) throw new Error('no post');
    const forged = { ...post, components: [{ type: 1, components: [{ type: 2, style: 3, label: 'Got it', custom_id: 'daily:grade:000000000000:got' }] }] };
    const pressed = await h.press(h.alice, forged, /Got it/);
    expect(pressed.text).toBe('That question is no longer available.');
    expect(isEphemeral(answerOf(pressed.interaction))).toBe(true);
  });

  it('a discussion question’s reveal DM offers one Discussed button, which scores 1 for taking part', async () => {
    h = await startHarness();
    const { fake, alice } = h;
    // Multimodal Models in the seed bank holds discussion questions only (no answers).
    const set = await h.slash(h.ann, 'daily', 'set', { time: '09:30', categories: 'Multimodal Models', discussion: true });
    expect(set.text).toMatch(/Daily question set/);
    await h.slash(h.ann, 'daily', 'now');
    const post = fake.messages(STUDY).at(-1);
    if (!post) throw new Error('no post');
    expect(messageText(post)).toMatch(/Discussion question: share your answer in the thread/);
    fake.react({ message: post, user: alice, emoji: '👀' });
    const dm = await fake.until(() => fake.dms(alice.id)[0], 'the reveal DM');
    const offered = buttons(dm);
    expect(offered.map((b) => b.label)).toEqual(['Discussed']);
    expect(offered[0]?.customId).toMatch(/^daily:grade:[0-9a-f]{12}:discussed$/);
    const pressed = await h.press(alice, dm, /Discussed/);
    expect(pressed.text).toMatch(/Recorded: Discussed \(\+1\)/);
    const board = await h.slash(h.bob, 'leaderboard', undefined, { board: 'people', period: 'week' });
    expect(board.text).toMatch(/Alice[^\n]*\b1\b/);
    expect(h.logs.lines.filter((l) => l.level >= 50)).toEqual([]);
  });
});
