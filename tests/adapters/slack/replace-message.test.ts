import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { blocksText, buttonIn } from '../../fakes/slack/blocks.js';
import { blockAction } from '../../fakes/slack/payloads.js';
import { card, standInCards } from '../../helpers/stand-ins.js';
import { type SlackHarness, alice, slackHarness } from './harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/**
 * The core's answer is stood in for by hand (the next card, replacing the pressed one), so these pin
 * what the real Bolt adapter sends to Slack; the practice wire test drives it with the real command.
 */
async function withCards(mode: 'http' | 'socket', answer: Reply): Promise<SlackHarness> {
  const harness = await slackHarness({ mode });
  standInCards(harness.engine, () => answer);
  return harness;
}

describe.each(['http', 'socket'] as const)('Bolt adapter (%s): a press answered with replaceMessage', (mode) => {
  it('replaces the ephemeral message that carried the button (replace_original at the response_url)', async () => {
    h = await withCards(mode, card(2, { ephemeral: true, replaceMessage: true }));
    const shown = await h.recall(alice, 'practice');
    expect(shown.responseType).toBe('ephemeral');
    const pressed = await h.press(alice, buttonIn(shown.blocks, /Next/), { ephemeral: true });
    expect(pressed.body['replace_original']).toBe(true);
    expect(pressed.text).toMatch(/Card 2/);
    expect(blocksText(pressed.body['blocks'])).toMatch(/\[Next\]/);
    // Nothing else was said: no new ephemeral, no post.
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });

  it('replaces a message in the presser’s DM with the bot', async () => {
    h = await withCards(mode, card(2, { ephemeral: true, replaceMessage: true }));
    const responseUrl = h.fake.responseUrl();
    await h.deliverAction(blockAction(alice, 'D-U-alice', { actionId: 'test:next:1', value: 'test:next:1', label: 'Next' }, responseUrl));
    const id = responseUrl.split('/').at(-1);
    const answer = await h.fake.waitForResponse((r) => r.id === id);
    expect(answer.body['replace_original']).toBe(true);
    expect(blocksText(answer.body['blocks'])).toMatch(/Card 2/);
  });

  it('never replaces a channel message: the answer comes as a new ephemeral one', async () => {
    h = await withCards(mode, card(2, { ephemeral: true, replaceMessage: true }));
    const pressed = await h.press(alice, { actionId: 'test:next:1', value: 'test:next:1', label: 'Next' }, { ephemeral: false });
    expect(pressed.body['replace_original']).toBe(false);
    expect(pressed.body['response_type']).toBe('ephemeral');
    expect(pressed.text).toMatch(/Card 2/);
  });

  it('an answer without replaceMessage is added below the ephemeral message, as before', async () => {
    h = await withCards(mode, { blocks: [{ type: 'text', markdown: 'Noted.' }], ephemeral: true });
    const pressed = await h.press(alice, { actionId: 'test:next:1', value: 'test:next:1', label: 'Next' }, { ephemeral: true });
    expect(pressed.body['replace_original']).toBe(false);
    expect(pressed.text).toBe('Noted.');
  });
});
