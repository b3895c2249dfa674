import { afterEach, describe, expect, it } from 'vitest';
import { blocksText, buttonIn, buttonsIn } from '../../fakes/slack/blocks.js';
import { type SlackHarness, alice, slackHarness } from './harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe.each(['http', 'socket'] as const)('Bolt adapter (%s): a practice session on the fake Slack (real engine, practice service and command)', (mode) => {
  it('/recall practice → Show answer → grade → next card → summary, each answer replacing the ephemeral card', async () => {
    h = await slackHarness({ mode });
    await h.recall(alice, 'practice settings new 2');
    const start = await h.recall(alice, 'practice');
    expect(start.responseType).toBe('ephemeral');
    expect(start.text).toMatch(/Practice · card 1/);

    let blocks = start.blocks;
    const press = async (label: RegExp) => {
      const answer = await h!.press(alice, buttonIn(blocks, label), { ephemeral: true });
      expect(answer.body['replace_original']).toBe(true);
      blocks = answer.body['blocks'];
      return answer;
    };
    const labels = () => buttonsIn(blocks).map((b) => b.label.replace(/ · .*/, ''));

    await press(/Show answer/);
    expect(labels()).toEqual(['Again', 'Hard', 'Good', 'Easy', 'Stop']);
    const graded = await press(/^Good/);
    expect(graded.text).toMatch(/Good: this card comes back in \d+ minutes/);
    expect(graded.text).toMatch(/Practice · card 2/);
    expect(labels()).toEqual(['Show answer', 'Stop']);

    await press(/Show answer/);
    const summary = await press(/^Again/);
    expect(blocksText(summary.body['blocks'])).toMatch(/Practice done\W*: 2 reviewed, 50% correct/);
    expect(buttonsIn(summary.body['blocks'])).toEqual([]);
    // Nothing said anywhere else: no new ephemeral, no post, no DM.
    expect(h.fake.callsTo('chat.postEphemeral')).toEqual([]);
    expect(h.fake.callsTo('chat.postMessage')).toEqual([]);
  });
});
