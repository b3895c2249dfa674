import { afterEach, describe, expect, it } from 'vitest';
import { isEphemeral, messageText } from '../../fakes/discord/index.js';
import { card, standInCards } from '../../helpers/stand-ins.js';
import { FAST, type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/*
 * The core's side is stood in for (tests/helpers/stand-ins.ts: an ephemeral card with a Next button
 * whose answer replaces it), so these tests pin what the real discord.js adapter sends; the practice
 * wire test drives the same path with the real practice command.
 */
const editsOfOriginal = (harness: Harness) => harness.fake.requests.filter((r) => r.method === 'PATCH' && r.path.endsWith('/messages/@original'));

describe('discord.js adapter: a press answered with replaceMessage', () => {
  it('updates the ephemeral message that carried the button (callback 7) instead of adding one', async () => {
    h = await startHarness();
    standInCards(h.engine, () => card(2, { ephemeral: true, replaceMessage: true }));
    const first = await h.slash(h.alice, 'stats');
    expect(isEphemeral(first.answer)).toBe(true);

    const pressed = await h.press(h.alice, first.answer, /Next/);
    expect(pressed.interaction.callbacks.map((c) => c['type'])).toEqual([7]);
    expect(pressed.interaction.followUps).toEqual([]);
    // The same message, now showing the next card and its own button.
    expect(pressed.answer.id).toBe(first.answer.id);
    expect(h.fake.message(first.answer.id).content).toBe('Card 2');
    expect(messageText(h.fake.message(first.answer.id))).toMatch(/Card 2/);
    expect(JSON.stringify(h.fake.message(first.answer.id).components)).toContain('test:next:2');
    expect(isEphemeral(h.fake.message(first.answer.id))).toBe(true);

    const again = await h.press(h.alice, h.fake.message(first.answer.id), /Next/);
    expect(again.interaction.callbacks.map((c) => c['type'])).toEqual([7]);
    expect(h.fake.messages(STUDY)).toEqual([]);
  });

  it('updates a DM the bot sent (the reveal DM with grade buttons) in place', async () => {
    h = await startHarness();
    const real = h.engine.handleAction.bind(h.engine);
    h.engine.handleAction = async (inv) => ({ ...(await real(inv)), replaceMessage: true });
    await h.slash(h.ann, 'daily', 'now');
    const post = h.fake.messages(STUDY)[0];
    if (!post) throw new Error('no post');
    h.fake.react({ message: post, user: h.alice, emoji: '👀' });
    const dm = await h.fake.until(() => h?.fake.dms(h.alice.id)[0], 'the reveal DM');

    const pressed = await h.press(h.alice, dm, /Got it/);
    expect(pressed.interaction.callbacks.map((c) => c['type'])).toEqual([7]);
    expect(h.fake.dms(h.alice.id)).toHaveLength(1);
    expect(messageText(h.fake.message(dm.id))).toMatch(/Got it/);
    // The grade counted once, as with any press.
    const board = await h.slash(h.bob, 'leaderboard', undefined, { board: 'people', period: 'week' });
    expect(board.text).toMatch(/Alice[^\n]*3/);
  });

  it('a slow answer is deferred as an update, then edits the pressed message (callback 6 + PATCH @original)', async () => {
    h = await startHarness({ tuning: { ...FAST, deferAfterMs: 0 } });
    standInCards(h.engine, () => card(2, { ephemeral: true, replaceMessage: true }));
    const first = await h.slash(h.alice, 'stats');
    const pressed = await h.press(h.alice, first.answer, /Next/);
    expect(pressed.interaction.callbacks).toEqual([{ type: 6 }]);
    expect(editsOfOriginal(h)).toHaveLength(2); // the command's deferred reply, then the card's update
    expect(pressed.interaction.followUps).toEqual([]);
    expect(h.fake.message(first.answer.id).content).toBe('Card 2');
  });

  it('a slow answer that does not replace follows as a new private message, and the card stays as it was', async () => {
    h = await startHarness({ tuning: { ...FAST, deferAfterMs: 0 } });
    standInCards(h.engine, () => ({ blocks: [{ type: 'text', markdown: 'Noted.' }], ephemeral: true }));
    const first = await h.slash(h.alice, 'stats');
    const pressed = await h.press(h.alice, first.answer, /Next/);
    expect(pressed.interaction.callbacks).toEqual([{ type: 6 }]);
    expect(pressed.interaction.followUps).toHaveLength(1);
    expect(pressed.answer.content).toBe('Noted.');
    expect(isEphemeral(pressed.answer)).toBe(true);
    expect(h.fake.message(first.answer.id).content).toBe('Card 1');
  });

  it('never replaces a channel message: a press on a public post gets a new ephemeral answer, the post is unchanged', async () => {
    h = await startHarness();
    h.engine.runCommand = async () => card(1);
    h.engine.handleAction = async () => card(2, { ephemeral: true, replaceMessage: true });
    const first = await h.slash(h.alice, 'stats');
    expect(isEphemeral(first.answer)).toBe(false);
    const posted = h.fake.messages(STUDY).at(-1);
    if (!posted) throw new Error('no public message');

    const pressed = await h.press(h.bob, posted, /Next/);
    expect(pressed.interaction.callbacks.map((c) => c['type'])).toEqual([4]);
    expect(isEphemeral(pressed.answer)).toBe(true);
    expect(pressed.answer.content).toBe('Card 2');
    expect(h.fake.message(posted.id).content).toBe('Card 1');
  });
});
