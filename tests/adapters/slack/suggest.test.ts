import { afterEach, describe, expect, it } from 'vitest';
import { blocksText, buttonIn } from '../../fakes/slack/blocks.js';
import { blockAction, slashCommand, viewPrefill } from '../../fakes/slack/payloads.js';
import { FAKE_TEAM } from '../../fakes/slack/server.js';
import { CHANNEL, type SlackHarness, alice, ann, bob, slackHarness } from './harness.js';

const MOD = 'C-MOD';
let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The moderation post the bot made in MOD (chat.postMessage), newest last. */
const modPosts = (harness: SlackHarness) => harness.fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === MOD);

describe.each(['http', 'socket'] as const)('suggest on the fake Slack (%s; real Bolt adapter, engine, store and bank overlay)', (mode) => {
  it('/recall suggest opens a view → view_submission → moderation post → Approve: in the bank, the author told privately', async () => {
    h = await slackHarness({ mode });
    const set = await h.recall(ann, 'suggest channel', MOD);
    expect(set.text).toMatch(/posted here for review/);

    await h.deliverCommand(slashCommand(alice, CHANNEL, 'suggest', h.fake.responseUrl()));
    const opened = await h.fake.waitFor(() => h?.fake.views[0], 'views.open');
    expect(opened.view['callback_id']).toBe('suggest:new');
    // A refused value keeps the form open with the message under its field.
    const refused = await h.submitView(alice, opened, { question: 'Hm?' });
    expect(refused).toMatchObject({ response_action: 'errors', errors: { question: expect.stringMatching(/at least 5/) } });
    const closed = await h.submitView(alice, opened, { question: 'Why is the sky blue?', answer: 'Rayleigh scattering.', category: 'physics', tags: 'light', difficulty: 'easy' });
    expect(closed === null || closed['response_action'] === undefined).toBe(true);
    const pending = await h.fake.waitForCall('chat.postEphemeral', (c) => c.body['user'] === alice.userId);
    expect(blocksText(pending.body['blocks'])).toMatch(/s1.*pending/);

    const post = await h.fake.waitFor(() => modPosts(h!)[0], 'the moderation post');
    expect(blocksText(post.body['blocks'])).toMatch(/Why is the sky blue\?/);
    expect(blocksText(post.body['blocks'])).toMatch(/suggested by Alice/);
    const ts = String((post.response['ts'] as string | undefined) ?? '');

    const notAllowed = await h.press(alice, buttonIn(post.body['blocks'], /Approve/), { messageTs: ts });
    expect(notAllowed.text).toMatch(/Only admins/);
    const approved = await h.press(ann, buttonIn(post.body['blocks'], /Approve/), { messageTs: ts });
    expect(approved.text).toMatch(/Approved s1/);
    expect(h.engine.services.bank.all().find((q) => q.suggestedBy === 'Alice')?.question).toBe('Why is the sky blue?');
    const update = await h.fake.waitForCall('chat.update', (c) => c.body['ts'] === ts);
    expect(blocksText(update.body['blocks'])).toMatch(/Approved by Ann/);
    const told = await h.fake.waitForCall('chat.postEphemeral', (c) => c.body['user'] === alice.userId && /approved/.test(blocksText(c.body['blocks'])));
    expect(told.body['channel']).toBe(CHANNEL);
  });

  it('Reject opens a reason view; the reason goes to the author alone', async () => {
    h = await slackHarness({ mode });
    await h.recall(ann, 'suggest channel', MOD);
    const made = await h.recall(bob, 'suggest Tabs or spaces? || || style');
    expect(made.text).toMatch(/s1.*pending/);
    const post = await h.fake.waitFor(() => modPosts(h!)[0], 'the moderation post');
    const ts = String(post.response['ts'] ?? '');
    const reject = buttonIn(post.body['blocks'], /Reject/);
    await h.deliverAction(blockAction(ann, MOD, reject, h.fake.responseUrl(), { messageTs: ts, triggerId: 'trig-reject' }));
    const opened = await h.fake.waitFor(() => h?.fake.views.find((v) => v.triggerId === 'trig-reject'), 'the reason view');
    await h.submitView(ann, opened, { reason: 'A flame war, not a question.' });
    const told = await h.fake.waitForCall('chat.postEphemeral', (c) => c.body['user'] === bob.userId && /not taken/.test(blocksText(c.body['blocks'])));
    expect(blocksText(told.body['blocks'])).toMatch(/A flame war, not a question\./);
    const update = await h.fake.waitForCall('chat.update', (c) => c.body['ts'] === ts);
    expect(blocksText(update.body['blocks'])).toMatch(/Rejected by Ann/);
    expect(blocksText(update.body['blocks'])).not.toMatch(/flame war/);
    const mine = await h.recall(bob, 'suggest mine');
    expect(mine.text).toMatch(/rejected/);
  });

  it('suggest channel <#C-MOD|mod>: named from another channel, reviews go there with a note; a channel the bot is not in is refused', async () => {
    h = await slackHarness({ mode });
    h.fake.notInChannel.add('C-SHUT');
    const refused = await h.recall(ann, 'suggest channel <#C-SHUT|shut>');
    expect(refused.text).toMatch(/cannot post in that channel.*invite it.*nothing changed/is);
    expect(modPosts(h)).toEqual([]);

    const set = await h.recall(ann, `suggest channel <#${MOD}|mod>`);
    expect(set.text).toMatch(/posted in that channel/);
    const note = await h.fake.waitFor(() => modPosts(h!)[0], 'the note in the moderation channel');
    expect(blocksText(note.body['blocks'])).toMatch(/chose this channel for reviewing suggested questions/);
    expect(h.fake.callsTo('chat.postMessage').filter((c) => c.body['channel'] === CHANNEL)).toEqual([]);

    await h.recall(bob, 'suggest What is a monad? || A monoid in the category of endofunctors. || FP');
    const post = await h.fake.waitFor(() => modPosts(h!)[1], 'the moderation post');
    expect(blocksText(post.body['blocks'])).toMatch(/What is a monad\?/);
    expect(blocksText(post.body['blocks'])).toMatch(/Approve/);

    const off = await h.recall(ann, 'suggest channel off');
    expect(off.text).toMatch(/no channel/);
    await h.recall(alice, 'suggest What is a functor? || A structure you can map over.');
    expect(modPosts(h)).toHaveLength(2);
  });

  it('Edit on the moderation post opens the suggestion in a view; view_submission changes it (a refused value keeps the view open), Approve takes the edited words', async () => {
    h = await slackHarness({ mode });
    await h.recall(ann, 'suggest channel', MOD);
    await h.recall(bob, 'suggest Wat is a mutex? || A lock. || concurency || locks');
    const post = await h.fake.waitFor(() => modPosts(h!)[0], 'the moderation post');
    const ts = String(post.response['ts'] ?? '');
    const edit = buttonIn(post.body['blocks'], /Edit/);

    // Not for the author: no view opens, and they are told.
    const denied = await h.press(bob, edit, { messageTs: ts, triggerId: 'trig-bob' });
    expect(denied.text).toMatch(/Only admins/);
    expect(h.fake.views.find((v) => v.triggerId === 'trig-bob')).toBeUndefined();

    await h.deliverAction(blockAction(ann, MOD, edit, h.fake.responseUrl(), { messageTs: ts, triggerId: 'trig-edit' }));
    const opened = await h.fake.waitFor(() => h?.fake.views.find((v) => v.triggerId === 'trig-edit'), 'the edit view');
    expect(opened.view['callback_id']).toBe('suggest:save:s1');
    const shown = viewPrefill(opened.view);
    expect(shown).toEqual({ question: 'Wat is a mutex?', answer: 'A lock.', category: 'concurency', tags: 'locks' });

    const refused = await h.submitView(ann, opened, { ...shown, question: 'Hm' });
    expect(refused).toMatchObject({ response_action: 'errors', errors: { question: expect.stringMatching(/at least 5/) } });
    expect((await h.engine.services.suggestions.pending({ platform: 'slack', workspaceId: FAKE_TEAM }, true))[0]?.question).toBe('Wat is a mutex?');

    const closed = await h.submitView(ann, opened, {
      ...shown,
      question: 'What is a mutex?',
      answer: 'A lock one thread holds at a time.',
      category: 'Concurrency',
      difficulty: 'easy',
    });
    expect(closed === null || closed['response_action'] === undefined).toBe(true);
    const update = await h.fake.waitForCall('chat.update', (c) => c.body['ts'] === ts && /What is a mutex\?/.test(blocksText(c.body['blocks'])));
    expect(blocksText(update.body['blocks'])).toMatch(/one thread holds at a time/);
    expect(blocksText(update.body['blocks'])).toMatch(/Concurrency/);
    const saved = await h.fake.waitForCall('chat.postEphemeral', (c) => c.body['user'] === ann.userId && /Saved your changes to s1/.test(blocksText(c.body['blocks'])));
    expect(saved.body['channel']).toBe(MOD);

    const approved = await h.press(ann, buttonIn(update.body['blocks'], /Approve/), { messageTs: ts });
    expect(approved.text).toMatch(/Approved s1/);
    expect(h.engine.services.bank.all().find((q) => q.suggestedBy === 'Bob')).toMatchObject({
      question: 'What is a mutex?',
      answer: 'A lock one thread holds at a time.',
      category: 'Concurrency',
      difficulty: 'easy',
    });
  });
});
