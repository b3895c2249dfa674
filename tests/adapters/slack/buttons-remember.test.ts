import { afterEach, describe, expect, it } from 'vitest';
import { blocksText, buttonIn, buttonsIn } from '../../fakes/slack/blocks.js';
import { scheduleAndPost } from './flows.js';
import { type SlackHarness, alice, bob, slackHarness } from './harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Json = Record<string, unknown>;
/** The buttons Slack would draw, with their colour (Slack has no disabled buttons: an off one is not drawn). */
const drawn = (blocks: unknown) =>
  (blocks as Json[])
    .filter((b) => b['type'] === 'actions')
    .flatMap((b) => b['elements'] as Json[])
    .map((e) => `${(e['text'] as Json)['text']}${e['style'] ? ` (${e['style']})` : ''}`);

describe('Bolt adapter (http): buttons that remember what the person chose', () => {
  it('a grade on the private reveal replaces it (replace_original): the answer, what was recorded, the pick marked ✓; a change moves the mark', async () => {
    h = await slackHarness({ mode: 'http' });
    const { ts } = await scheduleAndPost(h);
    await h.react(alice, ts, 'eyes');
    const reveal = await h.fake.waitForCall('chat.postEphemeral');
    expect(drawn(reveal.body['blocks'])).toEqual(['Got it (primary)', 'Partly', 'Missed it (danger)']);

    const got = await h.press(alice, buttonIn(reveal.body['blocks'], /^Got it$/), { ephemeral: true });
    expect(got.body['replace_original']).toBe(true);
    expect(got.body['response_type']).toBe('ephemeral');
    expect(got.text).toMatch(/Answer to daily question #1/);
    expect(got.text).toMatch(/Recorded: Got it \(\+3\)/);
    // The pick stays drawn, marked; the other grades are grey and live for a change of mind.
    expect(drawn(got.body['blocks'])).toEqual(['✓ Got it (primary)', 'Partly', 'Missed it']);

    const partly = await h.press(alice, buttonIn(got.body['blocks'], /^Partly$/), { ephemeral: true });
    expect(partly.body['replace_original']).toBe(true);
    expect(partly.text).toMatch(/Changed from Got it to Partly \(−2\)/);
    expect(drawn(partly.body['blocks'])).toEqual(['Got it', '✓ Partly', 'Missed it']);

    // Pressing the marked pick again (Slack cannot switch it off) changes nothing.
    const same = await h.press(alice, buttonIn(partly.body['blocks'], /✓ Partly/), { ephemeral: true });
    expect(same.text).toMatch(/Already recorded: Partly/);
    const board = await h.recall(bob, 'leaderboard people week');
    expect(board.text).toMatch(/Alice[^\n]*1/);
    // Nothing was posted in the channel for one person's grade.
    expect(h.fake.callsTo('chat.update')).toEqual([]);
  });

  it('Reveal on the channel post answers with a new ephemeral message; the post, which serves everyone, is never replaced', async () => {
    h = await slackHarness({ mode: 'http' });
    const { post, ts } = await scheduleAndPost(h);
    const answer = await h.press(alice, buttonIn(post.body['blocks'], /^Reveal$/), { messageTs: ts, ephemeral: false });
    expect(answer.body['replace_original']).toBe(false);
    expect(answer.body['response_type']).toBe('ephemeral');
    expect(drawn(answer.body['blocks'])).toEqual(['Got it (primary)', 'Partly', 'Missed it (danger)']);
    expect(h.fake.callsTo('chat.update')).toEqual([]);

    // Graded, then Reveal again: the answer comes back with the grade marked ✓, not buttons that forgot it.
    await h.press(alice, buttonIn(answer.body['blocks'], /^Missed it$/), { ephemeral: true });
    const again = await h.press(alice, buttonIn(post.body['blocks'], /^Reveal$/), { messageTs: ts, ephemeral: false });
    expect(again.body['response_type']).toBe('ephemeral');
    expect(again.text).toMatch(/Your grade: Missed it \(\+0\)\. Press another to change it\./);
    expect(drawn(again.body['blocks'])).toEqual(['Got it', 'Partly', '✓ Missed it (danger)']);
    expect((await h.recall(alice, 'reveal')).text).toMatch(/Your grade: Missed it/);
  });
});

describe('Bolt adapter (http): a quiz question counts down in each reader’s own time zone', () => {
  it('shows the closing time as a Slack date token; a flashcard grade replaces the private answer with only the marked pick drawn; the closed post loses the date', async () => {
    h = await slackHarness({ mode: 'http' });
    const started = h.world.clock.now().getTime();
    const round = await h.recall(bob, 'quiz mlops 1');
    expect(round.responseType).toBe('in_channel');
    const question = await h.fake.waitForCall('chat.postMessage', (c) => blocksText(c.body['blocks']).startsWith('Question 1 of 1'));
    const unix = Math.floor((started + 30_000) / 1000);
    // Slack renders {time_secs} in the viewer's zone and format; the fallback is UTC.
    expect(blocksText(question.body['blocks'])).toContain(`reveal, then grade yourself · 30s · closes at <!date^${unix}^{time_secs}|08:00:30 UTC>`);

    const revealed = await h.press(alice, buttonIn(question.body['blocks'], /Reveal answer/), { messageTs: String(question.response['ts']) });
    expect(revealed.body['replace_original']).toBe(false);
    const graded = await h.press(alice, buttonIn(revealed.body['blocks'], /^Got it$/), { ephemeral: true });
    expect(graded.body['replace_original']).toBe(true);
    expect(graded.text).toMatch(/Noted: Got it \(\+3\)/);
    // Slack cannot grey a button out, so the other grades are not drawn; the pick is, marked.
    expect(drawn(graded.body['blocks'])).toEqual(['✓ Got it (primary)']);

    await h.world.timers.advance(31_000);
    const closed = await h.fake.waitForCall('chat.update');
    expect(closed.body['ts']).toBe(question.response['ts']);
    const text = blocksText(closed.body['blocks']);
    expect(text).not.toContain('<!date');
    expect(text).toMatch(/1 of 1 said they got it/);
    expect(buttonsIn(closed.body['blocks'])).toEqual([]);
  });
});
