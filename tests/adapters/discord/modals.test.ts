import { afterEach, describe, expect, it } from 'vitest';
import { modalProblems } from '../../../src/core/reply.js';
import { answerOf, isEphemeral, messageText } from '../../fakes/discord/index.js';
import { REFUSED_WORDS, TEST_FORM, standInForm } from '../../helpers/stand-ins.js';
import { GUILD, type Harness, STUDY, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

// The core's side is stood in for (tests/helpers/stand-ins.ts), so these pin what the real discord.js
// adapter sends and reads; the suggest wire tests drive the same path with the real command.

describe('discord.js adapter: modals', () => {
  it('the test form is within every platform limit', () => {
    expect(modalProblems(TEST_FORM)).toEqual([]);
    expect(modalProblems({ ...TEST_FORM, title: 'A title far too long for Slack' })).toHaveLength(1);
  });

  it('answers a command with the form (callback 9), and routes the submission (type 5) back with its values', async () => {
    h = await startHarness();
    const submitted = standInForm(h.engine);
    const opened = h.fake.slash({ guildId: GUILD, channelId: STUDY, user: h.alice, name: 'stats' });
    await h.fake.answered(opened);
    expect(opened.callbacks.map((c) => c['type'])).toEqual([9]);
    expect(opened.modal).toMatchObject({ custom_id: 'test:filled', title: 'A form' });
    const components = opened.modal?.['components'] as Record<string, unknown>[];
    expect(components.map((c) => [c['type'], c['label'], (c['component'] as Record<string, unknown>)['type']])).toEqual([
      [18, 'Words', 4],
      [18, 'Note', 4],
      [18, 'Kind', 3],
    ]);
    expect(components[0]?.['component']).toMatchObject({ custom_id: 'words', style: 2, required: true, max_length: 50, placeholder: 'Say something' });
    expect(components[1]?.['component']).toMatchObject({ custom_id: 'note', style: 1, required: false, value: 'prefilled' });
    // Nothing was posted: the form is the whole answer.
    expect(h.fake.messages(STUDY)).toEqual([]);

    const submit = h.fake.submitModal({ opened, user: h.alice, values: { words: 'hello <@everyone>', kind: 'two' } });
    await h.fake.answered(submit);
    const answer = answerOf(submit);
    expect(isEphemeral(answer)).toBe(true);
    expect(messageText(answer)).toContain('Got hello');
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({
      action: 'test:filled',
      values: { words: 'hello <@everyone>', note: '', kind: 'two' },
      user: { platform: 'discord', workspaceId: GUILD, userId: h.alice.id },
      channel: { platform: 'discord', workspaceId: GUILD, channelId: STUDY },
      isAdmin: false,
    });
    expect(h.fake.messages(STUDY)).toEqual([]);
  });

  it('says refused values in words (a closed modal cannot show them) and marks an admin as such', async () => {
    h = await startHarness();
    const submitted = standInForm(h.engine);
    const opened = h.fake.slash({ guildId: GUILD, channelId: STUDY, user: h.ann, name: 'stats' });
    await h.fake.answered(opened);
    const submit = h.fake.submitModal({ opened, user: h.ann, values: { words: 'bad', kind: 'one' } });
    await h.fake.answered(submit);
    expect(messageText(answerOf(submit))).toContain(REFUSED_WORDS);
    expect(isEphemeral(answerOf(submit))).toBe(true);
    expect(submitted[0]?.isAdmin).toBe(true);
  });

  it('opens the form from a button press too', async () => {
    h = await startHarness();
    standInForm(h.engine);
    h.engine.runCommand = async () => ({ blocks: [{ type: 'buttons', buttons: [{ action: 'test:open', label: 'Open the form' }] }], ephemeral: true });
    const first = await h.slash(h.bob, 'stats');
    const pressed = h.fake.press({ message: first.answer, customId: 'test:open', user: h.bob });
    await h.fake.answered(pressed);
    expect(pressed.callbacks.map((c) => c['type'])).toEqual([9]);
    const submit = h.fake.submitModal({ opened: pressed, user: h.bob, values: { words: 'from a button', kind: 'one' } });
    await h.fake.answered(submit);
    expect(messageText(answerOf(submit))).toContain('Got from a button');
  });

  it('shows the words instead when the answer comes too late for a form (after a deferral)', async () => {
    h = await startHarness({ tuning: { restRetries: 1, restTimeoutMs: 2_000, waitGuildTimeoutMs: 1_000, deferAfterMs: 0 } });
    standInForm(h.engine, { commandDelayMs: 50 });
    const opened = h.fake.slash({ guildId: GUILD, channelId: STUDY, user: h.alice, name: 'stats' });
    await h.fake.answered(opened);
    expect(opened.callbacks.map((c) => c['type'])).toEqual([5]);
    expect(opened.modal).toBeUndefined();
    expect(messageText(answerOf(opened))).toContain('Type `form <words>` instead.');
  });
});
