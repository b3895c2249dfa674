import { afterEach, describe, expect, it } from 'vitest';
import type { ActionInvocation } from '../../../src/core/actions.js';
import { blocksText } from '../../fakes/slack/blocks.js';
import { blockAction, slashCommand } from '../../fakes/slack/payloads.js';
import { REFUSED_WORDS, standInForm } from '../../helpers/stand-ins.js';
import { CHANNEL, type SlackHarness, alice, ann, slackHarness } from './harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The core's side stood in for (tests/helpers/stand-ins.ts); the suggest wire tests use the real command. */
async function withForm(mode: 'http' | 'socket'): Promise<{ harness: SlackHarness; submitted: ActionInvocation[] }> {
  const harness = await slackHarness({ mode });
  return { harness, submitted: standInForm(harness.engine) };
}

describe.each(['http', 'socket'] as const)('Bolt adapter (%s): modals', (mode) => {
  it('opens the form with the command’s trigger_id and routes view_submission back with the values', async () => {
    const { harness, submitted } = await withForm(mode);
    h = harness;
    const body = slashCommand(alice, CHANNEL, 'form', h.fake.responseUrl(), { triggerId: 'trig-form-1' });
    const ack = await h.deliverCommand(body);
    // The ack says nothing: the form is the answer.
    expect(ack === null || (ack['text'] === undefined && ack['blocks'] === undefined)).toBe(true);
    const opened = await h.fake.waitFor(() => h?.fake.views[0], 'views.open');
    expect(opened.triggerId).toBe('trig-form-1');
    expect(opened.view).toMatchObject({ type: 'modal', callback_id: 'test:filled', title: { text: 'A form' }, submit: { text: 'Send' } });
    const blocks = opened.view['blocks'] as Record<string, unknown>[];
    expect(blocks.map((b) => [b['block_id'], b['optional'], (b['element'] as Record<string, unknown>)['type']])).toEqual([
      ['words', false, 'plain_text_input'],
      ['note', true, 'plain_text_input'],
      ['kind', false, 'static_select'],
    ]);
    expect(blocks[0]?.['element']).toMatchObject({ multiline: true, max_length: 50 });
    expect(blocks[1]?.['element']).toMatchObject({ initial_value: 'prefilled' });
    expect(blocks[2]?.['element']).toMatchObject({ initial_option: { value: 'one' } });

    const closed = await h.submitView(alice, opened, { words: 'hello & <b>', kind: 'two' });
    expect(closed === null || closed['response_action'] === undefined).toBe(true);
    expect(submitted).toHaveLength(1);
    expect(submitted[0]).toMatchObject({
      action: 'test:filled',
      values: { words: 'hello & <b>', note: '', kind: 'two' },
      user: { platform: 'slack', userId: alice.userId },
      channel: { platform: 'slack', channelId: CHANNEL },
      isAdmin: false,
    });
    // The answer goes to the channel the form came from, privately.
    const said = await h.fake.waitForCall('chat.postEphemeral');
    expect(said.body['channel']).toBe(CHANNEL);
    expect(said.body['user']).toBe(alice.userId);
    expect(blocksText(said.body['blocks'])).toContain('Got hello');
  });

  it('keeps the form open with the refused values’ messages (response_action: errors)', async () => {
    const { harness, submitted } = await withForm(mode);
    h = harness;
    await h.deliverCommand(slashCommand(ann, CHANNEL, 'form', h.fake.responseUrl()));
    const opened = await h.fake.waitFor(() => h?.fake.views[0], 'views.open');
    const ack = await h.submitView(ann, opened, { words: 'bad', kind: 'one' });
    expect(ack).toEqual({ response_action: 'errors', errors: { words: REFUSED_WORDS } });
    expect(submitted[0]?.isAdmin).toBe(true);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
  });

  it('opens the form from a button press (block_actions trigger_id)', async () => {
    const { harness } = await withForm(mode);
    h = harness;
    await h.deliverAction(blockAction(alice, CHANNEL, { actionId: 'test:open', value: 'test:open' }, h.fake.responseUrl(), { triggerId: 'trig-press-1' }));
    const opened = await h.fake.waitFor(() => h?.fake.views[0], 'views.open');
    expect(opened.triggerId).toBe('trig-press-1');
    await h.submitView(alice, opened, { words: 'pressed', kind: 'one' });
    const said = await h.fake.waitForCall('chat.postEphemeral');
    expect(blocksText(said.body['blocks'])).toContain('Got pressed');
  });

  it('shows the words instead when Slack refuses the form (an expired trigger)', async () => {
    const { harness } = await withForm(mode);
    h = harness;
    h.fake.expiredTriggers.add('trig-old');
    const responseUrl = h.fake.responseUrl();
    await h.deliverCommand(slashCommand(alice, CHANNEL, 'form', responseUrl, { triggerId: 'trig-old' }));
    const answer = await h.fake.waitForResponse((r) => r.id === responseUrl.split('/').at(-1));
    expect(blocksText(answer.body['blocks'])).toContain('form &lt;words&gt;` instead.');
    expect(answer.body['response_type']).toBe('ephemeral');
    expect(h.fake.views).toEqual([]);
  });
});
