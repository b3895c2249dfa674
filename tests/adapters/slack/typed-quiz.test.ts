import { afterEach, describe, expect, it } from 'vitest';
import { blocksText, buttonIn } from '../../fakes/slack/blocks.js';
import { blockAction } from '../../fakes/slack/payloads.js';
import { quizBank } from '../../core/quiz/quick-facts.js';
import { CHANNEL, type SlackHarness, alice, ann, bob, slackHarness } from './harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const bank = quizBank({ 'acronyms.md': '# Acronyms\n\n## What does LoRA stand for?\nLow-rank adaptation\nAccept: LoRA\n' });

describe('Bolt adapter: a typed quiz answer', () => {
  it('opens views.open from "Type your answer" and scores the view_submission', async () => {
    h = await slackHarness({ mode: 'http', bank });
    expect((await h.recall(alice, 'quiz Acronyms 1')).text).toMatch(/1 question/);
    const question = await h.fake.waitForCall('chat.postMessage', (c) => blocksText(c.body['blocks']).startsWith('Question 1 of 1'));
    const type = buttonIn(question.body['blocks'], /Type your answer/);
    const pressType = (who: typeof bob, trigger: string) =>
      h!.deliverAction(blockAction(who, CHANNEL, { actionId: type.actionId, value: type.value }, h!.fake.responseUrl(), { triggerId: trigger }));
    await pressType(bob, 'trig-type-1');
    const opened = await h.fake.waitFor(() => h?.fake.views[0], 'views.open');
    expect(opened.view).toMatchObject({ type: 'modal', callback_id: type.value.replace(/type$/, 'typed'), title: { text: 'Question 1' } });

    const ack = await h.submitView(bob, opened, { answer: 'LORA!' });
    expect(ack === null || ack['response_action'] === undefined).toBe(true);
    // A match reads like a right choice: "Right!", the points and the bank's answer, then what was typed.
    const said = await h.fake.waitForCall('chat.postEphemeral', (c) => /Right!/.test(blocksText(c.body['blocks'])));
    expect(said.body['user']).toBe(bob.userId);
    expect(blocksText(said.body['blocks'])).toMatch(/Right! \+5 — Low-rank adaptation/);
    expect(blocksText(said.body['blocks'])).toContain('You typed “LORA!”');
    expect(blocksText(said.body['blocks'])).not.toContain('Noted');

    // A miss: the expected answer and the self-grade buttons, privately.
    await pressType(ann, 'trig-type-3');
    const annForm = await h.fake.waitFor(() => h?.fake.views[1], 'views.open for Ann');
    await h.submitView(ann, annForm, { answer: 'something else' });
    const miss = await h.fake.waitForCall('chat.postEphemeral', (c) => c.body['user'] === ann.userId && /You typed/.test(blocksText(c.body['blocks'])));
    expect(blocksText(miss.body['blocks'])).toMatch(/You typed “something else”: not a match\. The answer, to grade yourself by:[\s\S]*Low-rank adaptation/);
    expect(buttonIn(miss.body['blocks'], /Partly/).actionId).toMatch(/:grade:partly$|partly/);

    // An empty answer keeps the form open with the message under the field.
    await pressType(alice, 'trig-type-2');
    const again = await h.fake.waitFor(() => h?.fake.views[2], 'the third views.open');
    expect(await h.submitView(alice, again, { answer: '  ' })).toEqual({ response_action: 'errors', errors: { answer: 'type something' } });
  });
});
