import { afterEach, describe, expect, it } from 'vitest';
import { blocksText, buttonIn, buttonsIn } from '../../fakes/slack/blocks.js';
import { blockAction } from '../../fakes/slack/payloads.js';
import { FAKE_BOT_TOKEN, FAKE_BOT_USER } from '../../fakes/slack/server.js';
import { scheduleAndPost } from './flows.js';
import { CHANNEL, type SlackHarness, alice, ann, bob, slackHarness } from './harness.js';

describe.each(['memory', 'sqlite'] as const)('Bolt HTTP adapter: a team’s day through real Bolt and a fake Slack (%s store)', (store) => {
  let h: SlackHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('calls auth.test once at start and answers Slack’s url_verification challenge', async () => {
    h = await slackHarness({ mode: 'http', store });
    expect(h.fake.callsTo('auth.test')).toHaveLength(1);
    const res = await h.sender?.event({ type: 'url_verification', token: 'legacy', challenge: 'c-42' });
    expect(res?.status).toBe(200);
    expect(res?.json()).toEqual({ challenge: 'c-42' });
  });

  it('answers `/recall` alone with help, ephemerally, inside the ack', async () => {
    h = await slackHarness({ mode: 'http', store });
    const help = await h.recall(alice, '');
    expect(help.responseType).toBe('ephemeral');
    expect(help.text).toMatch(/Recall\* turns your question bank into daily practice/);
    expect(help.text).toMatch(/`daily`/);
    expect(h.fake.responses).toEqual([]);
  });

  it('lets only an admin (users.info is_admin) set the schedule, then posts the daily question in Block Kit at 09:30 Berlin', async () => {
    h = await slackHarness({ mode: 'http', store });
    const denied = await h.recall(alice, 'daily set 09:30 weekdays Europe/Berlin');
    expect(denied).toMatchObject({ responseType: 'ephemeral', text: 'Only admins can use `daily set`.' });

    const { post } = await scheduleAndPost(h);
    expect(h.fake.callsTo('users.info').map((c) => c.body['user'])).toEqual(['U-alice', 'U-ann']);
    expect(post.token).toBe(FAKE_BOT_TOKEN);
    expect(post.body['channel']).toBe(CHANNEL);
    const blocks = post.body['blocks'] as { type: string; block_id: string }[];
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(new Set(blocks.map((b) => b.block_id)).size).toBe(blocks.length);
    expect(blocksText(blocks)).toMatch(/^Daily question\n/);
    expect(blocksText(blocks)).toMatch(/React :eyes: to see the answer/);
    const reveal = buttonIn(blocks, /Reveal/);
    expect(reveal.actionId).toMatch(/^daily:reveal:[0-9a-f]{12}$/);
    expect(reveal.value).toBe(reveal.actionId);
    expect(String(post.body['text'])).toMatch(/^Daily question: /);
  });

  it('reveals on reaction_added by chat.postEphemeral to that person only, once, and ignores other reactions and the bot’s own', async () => {
    h = await slackHarness({ mode: 'http', store });
    const { ts } = await scheduleAndPost(h);

    await h.react(alice, ts, 'eyes');
    await h.react(bob, ts, 'tada');
    await h.react({ userId: FAKE_BOT_USER, userName: 'recall' }, ts, 'eyes');
    await h.react(bob, ts, 'eyes::skin-tone-2');
    await h.react(alice, ts, 'eyes');
    await h.fake.waitFor(() => h?.fake.callsTo('chat.postEphemeral').length === 2, 'two reveals');
    await new Promise((r) => setTimeout(r, 100));

    const reveals = h.fake.callsTo('chat.postEphemeral');
    expect(reveals.map((c) => c.body['user'])).toEqual(['U-alice', 'U-bob']);
    const toAlice = reveals[0];
    expect(toAlice?.body['channel']).toBe(CHANNEL);
    expect(blocksText(toAlice?.body['blocks'])).toMatch(/Answer to daily question #1/);
    expect(buttonsIn(toAlice?.body['blocks']).map((b) => b.label)).toEqual(['Got it', 'Partly', 'Missed it']);
  });

  it('offers a discussion question’s reactor one Discussed button by chat.postEphemeral, scoring 1 for taking part', async () => {
    h = await slackHarness({ mode: 'http', store });
    // Multimodal Models in the seed bank holds discussion questions only; positional: time days zone categories reveal discussion.
    expect((await h.recall(ann, 'daily set 09:30 daily UTC "Multimodal Models" private yes')).text).toMatch(/Discussion questions: on/);
    expect((await h.recall(ann, 'daily now')).text).toMatch(/Posted daily question #1/);
    const post = h.fake.callsTo('chat.postMessage').at(-1);
    expect(blocksText(post?.body['blocks'])).toMatch(/Discussion question: share your answer in the thread/);
    await h.react(alice, String(post?.response['ts']), 'eyes');
    const reveal = await h.fake.waitForCall('chat.postEphemeral');
    expect(buttonsIn(reveal.body['blocks']).map((b) => b.label)).toEqual(['Discussed']);
    const pressed = await h.press(alice, buttonIn(reveal.body['blocks'], /Discussed/), { ephemeral: true });
    expect(pressed.text).toMatch(/Recorded: Discussed \(\+1\)/);
    expect((await h.recall(bob, 'leaderboard people week')).text).toMatch(/Alice[^\n]*\b1\b/);
  });

  it('counts a grade button delivered twice once (a Slack retry), and answers a second real press with "Already recorded"', async () => {
    h = await slackHarness({ mode: 'http', store });
    const { ts } = await scheduleAndPost(h);
    await h.react(alice, ts, 'eyes');
    const reveal = await h.fake.waitForCall('chat.postEphemeral');
    const got = buttonIn(reveal.body['blocks'], /Got it/);

    const first = await h.press(alice, got, { ephemeral: true, triggerId: 'trig-same' });
    expect(first.body['response_type']).toBe('ephemeral');
    // Pressed on Alice's own ephemeral reveal: her graded copy takes its place (buttons-remember.test.ts).
    expect(first.body['replace_original']).toBe(true);
    expect(first.text).toMatch(/Recorded: Got it \(\+3\)/);

    // The very same delivery again: acked and dropped before the engine.
    const before = h.fake.responses.length;
    await h.deliverAction(blockAction(alice, CHANNEL, got, h.fake.responseUrl(), { ephemeral: true, triggerId: 'trig-same' }));
    await new Promise((r) => setTimeout(r, 150));
    expect(h.fake.responses.length).toBe(before);

    const again = await h.press(alice, got, { ephemeral: true });
    expect(again.text).toMatch(/Already recorded: Got it/);

    const board = await h.recall(alice, 'leaderboard people week');
    expect(board.text).toMatch(/Alice[^\n]*3/);
    expect(board.text).not.toMatch(/Alice[^\n]*6/);
  });

  it('runs a solo quiz round end to end over buttons, then ranks it on the leaderboard', async () => {
    h = await slackHarness({ mode: 'http', store });
    const { ts } = await scheduleAndPost(h);
    await h.react(bob, ts, 'eyes');
    const reveal = await h.fake.waitForCall('chat.postEphemeral');
    expect((await h.press(bob, buttonIn(reveal.body['blocks'], /Partly/), { ephemeral: true })).text).toMatch(/Recorded: Partly/);
    expect((await h.recall(ann, 'team create Attention Heads')).text).toMatch(/Attention Heads/);
    expect((await h.recall(bob, 'team join Attention Heads')).text).toMatch(/Attention Heads/);

    const started = await h.recall(bob, 'quiz "Reinforcement Learning" 2 yes');
    expect(started.responseType).toBe('in_channel');
    expect(started.text).toMatch(/2 questions/);

    for (let i = 0; i < 2; i++) {
      const question = await h.fake.waitForCall('chat.postMessage', (c) => blocksText(c.body['blocks']).startsWith(`Question ${i + 1} of 2`));
      const [first] = buttonsIn(question.body['blocks']);
      if (!first) throw new Error(`no buttons on: ${blocksText(question.body['blocks'])}`);
      const answered = await h.press(bob, first, { messageTs: String(question.response['ts']) });
      if (/Reveal/.test(first.label)) await h.press(bob, buttonIn(answered.body['blocks'], /Got it/), { ephemeral: true });
    }
    const summary = await h.fake.waitForCall('chat.postMessage', (c) => /Quiz over!/.test(blocksText(c.body['blocks'])));
    expect(blocksText(summary.body['blocks'])).toMatch(/^\*Quiz over!\* 2 questions from Reinforcement Learning/);
    // Each question closes in place: chat.update on its own ts, with no buttons left to press.
    const updates = h.fake.callsTo('chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    for (const update of updates) expect(buttonsIn(update.body['blocks'])).toEqual([]);

    const teams = await h.recall(alice, 'leaderboard teams week');
    expect(teams.text).toMatch(/Attention Heads/);
    const people = await h.recall(alice, 'leaderboard people week');
    expect(people.responseType).toBe('in_channel');
    expect(people.text).toMatch(/Bob[^\n]*\d/);
    expect(h.world.logger.at('error')).toEqual([]);
  });
});
