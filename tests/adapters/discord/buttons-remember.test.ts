import { afterEach, describe, expect, it } from 'vitest';
import { type FakeMessage, buttons, isEphemeral, messageText } from '../../fakes/discord/index.js';
import { type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const callbackTypes = (i: { callbacks: Record<string, unknown>[] }) => i.callbacks.map((c) => c['type']);
/** Each button as a person sees it: label, and whether it can still be pressed. */
const shown = (m: FakeMessage) => buttons(m).map((b) => `${b.label}${b.disabled ? ' (off)' : ''}`);
const styleOf = (m: FakeMessage, label: string) =>
  (m.components as { components: { label: string; style: number }[] }[]).flatMap((r) => r.components).find((c) => c.label === label)?.style;

async function dailyPost(harness: Harness): Promise<FakeMessage> {
  await harness.slash(harness.ann, 'daily', 'now');
  const post = harness.fake.messages(STUDY)[0];
  if (!post) throw new Error('no daily post');
  return post;
}

describe('discord.js adapter: buttons that remember what the person chose', () => {
  it('a grade in the reveal DM updates that DM: the pick marked ✓ and off, the others live; a changed grade moves the mark', async () => {
    h = await startHarness();
    const post = await dailyPost(h);
    h.fake.react({ message: post, user: h.alice, emoji: '👀' });
    const dm = await h.fake.until(() => h?.fake.dms(h.alice.id)[0], 'the reveal DM');
    expect(shown(dm)).toEqual(['Got it', 'Partly', 'Missed it']);

    const partly = await h.press(h.alice, dm, /^Partly$/);
    // Callback 7: the DM itself is updated, no new message is added.
    expect(callbackTypes(partly.interaction)).toEqual([7]);
    expect(h.fake.dms(h.alice.id)).toHaveLength(1);
    const afterPartly = h.fake.message(dm.id);
    expect(shown(afterPartly)).toEqual(['Got it', '✓ Partly (off)', 'Missed it']);
    expect(messageText(afterPartly)).toMatch(/Recorded: Partly \(\+1\)/);
    // The answer stays on the message the person was reading.
    expect(messageText(afterPartly)).toMatch(/Answer to daily question #1/);

    const got = await h.press(h.alice, afterPartly, /^Got it$/);
    expect(callbackTypes(got.interaction)).toEqual([7]);
    const afterGot = h.fake.message(dm.id);
    expect(shown(afterGot)).toEqual(['✓ Got it (off)', 'Partly', 'Missed it']);
    expect(styleOf(afterGot, '✓ Got it')).toBe(3); // success, the grade's own colour
    expect(styleOf(afterGot, 'Partly')).toBe(2); // the rest grey
    expect(messageText(afterGot)).toMatch(/Changed from Partly to Got it \(\+2\)/);

    const board = await h.slash(h.bob, 'leaderboard', undefined, { board: 'people', period: 'week' });
    expect(board.text).toMatch(/Alice[^\n]*3/);
    // The channel post serves everyone: untouched.
    expect(shown(h.fake.message(post.id))).toEqual(shown(post));
  });

  it('Reveal on the channel post answers privately; a grade then replaces that private answer, and the post stays live for the others', async () => {
    h = await startHarness();
    const post = await dailyPost(h);
    const revealed = await h.press(h.alice, post, /^Reveal$/);
    expect(callbackTypes(revealed.interaction)).toEqual([4]); // a new ephemeral message: the post is not Alice's alone
    expect(isEphemeral(revealed.answer)).toBe(true);

    const graded = await h.press(h.alice, revealed.answer, /^Got it$/);
    expect(callbackTypes(graded.interaction)).toEqual([7]);
    expect(graded.answer.id).toBe(revealed.answer.id);
    expect(shown(h.fake.message(revealed.answer.id))).toEqual(['✓ Got it (off)', 'Partly', 'Missed it']);
    expect(isEphemeral(h.fake.message(revealed.answer.id))).toBe(true);

    // Bob still has a live Reveal on the same post, and his answer is his own.
    expect(shown(h.fake.message(post.id))).toContain('Reveal');
    const bobs = await h.press(h.bob, h.fake.message(post.id), /^Reveal$/);
    expect(shown(bobs.answer)).toEqual(['Got it', 'Partly', 'Missed it']);

    // Alice presses Reveal again: the answer comes back with her grade marked, not with buttons that forgot it.
    const again = await h.press(h.alice, h.fake.message(post.id), /^Reveal$/);
    expect(isEphemeral(again.answer)).toBe(true);
    expect(shown(again.answer)).toEqual(['✓ Got it (off)', 'Partly', 'Missed it']);
    expect(messageText(again.answer)).toMatch(/Your grade: Got it \(\+3\)\. Press another to change it\./);
    // And the `reveal` command says the same.
    const command = await h.slash(h.alice, 'reveal');
    expect(command.text).toMatch(/Your grade: Got it \(\+3\)/);
    // A change from there still moves the mark.
    const changed = await h.press(h.alice, again.answer, /^Partly$/);
    expect(shown(h.fake.message(changed.answer.id))).toEqual(['Got it', '✓ Partly (off)', 'Missed it']);
  });

  it('a grade pressed on a public message comes as a new private message with the mark, and the public one is unchanged', async () => {
    h = await startHarness();
    // Public-at mode posts the answer with grade buttons for everyone under the question.
    await h.slash(h.ann, 'daily', 'set', { time: '09:30', reveal: 'public-at after 1' });
    h.world.clock.set('2026-11-23T09:30:00Z');
    await h.wake.fire();
    const post = h.fake.messages(STUDY)[0];
    if (!post) throw new Error('no daily post');
    h.fake.react({ message: post, user: h.bob, emoji: '👀' });
    const answer = await h.fake.until(() => h?.fake.messages(post.id).find((m) => buttons(m).length > 0), 'the public answer in the thread');

    const pressed = await h.press(h.alice, answer, /^Missed it$/);
    expect(callbackTypes(pressed.interaction)).toEqual([4]);
    expect(isEphemeral(pressed.answer)).toBe(true);
    expect(shown(pressed.answer)).toEqual(['Got it', 'Partly', '✓ Missed it (off)']);
    expect(shown(h.fake.message(answer.id))).toEqual(['Got it', 'Partly', 'Missed it']);
  });
});

describe('discord.js adapter: a quiz question counts down and closes with the whole answer', () => {
  it('a flashcard: the private answer is replaced by the grade, the pick marked and every grade off', async () => {
    h = await startHarness();
    const started = h.world.clock.now().getTime();
    await h.slash(h.bob, 'quiz', undefined, { category: 'mlops', count: 1 });
    const question = await h.fake.until(() => h?.fake.messages(STUDY).find((m) => buttons(m).some((b) => b.customId.startsWith('quiz:'))), 'the quiz question');
    expect(buttons(question).map((b) => b.label)).toEqual(['Reveal answer']);
    // Discord draws <t:…:R> as "in 30 seconds", counting down in each reader's client.
    expect(question.content).toBe(`-# reveal, then grade yourself · 30s · closes <t:${Math.floor((started + 30_000) / 1000)}:R>`);
    const revealed = await h.press(h.alice, question, /Reveal answer/);
    const graded = await h.press(h.alice, revealed.answer, /^Partly$/);
    expect(callbackTypes(graded.interaction)).toEqual([7]);
    expect(graded.answer.id).toBe(revealed.answer.id);
    expect(shown(h.fake.message(revealed.answer.id))).toEqual(['Got it (off)', '✓ Partly (off)', 'Missed it (off)']);
    expect(messageText(h.fake.message(revealed.answer.id))).toMatch(/Noted: Partly \(\+1\)/);
    // Reveal again: the mark, not live buttons.
    const again = await h.press(h.alice, question, /Reveal answer/);
    expect(shown(again.answer)).toEqual(['Got it (off)', '✓ Partly (off)', 'Missed it (off)']);

    await h.world.timers.advance(31_000);
    const closed = await h.fake.until(() => (buttons(h!.fake.message(question.id)).every((b) => b.disabled) ? h!.fake.message(question.id) : undefined), 'the question to close');
    expect(closed.content).not.toContain('<t:');
    expect(messageText(closed)).toMatch(/0 of 1 said they got it/);
  });
});
