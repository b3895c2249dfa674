import { describe, expect, it } from 'vitest';
import type { ActionInvocation } from '../../../src/core/actions.js';
import type { DailyPost } from '../../../src/core/daily/index.js';
import { UserError } from '../../../src/core/errors.js';
import { type Reply, replyText } from '../../../src/core/reply.js';
import { loadSeeds } from '../../helpers/bank.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { DAY, admin, alice, buttonsOf, channel, createHarness, question, questionBlockOf, testBank } from './helpers.js';

const press = (action: string, user = alice): ActionInvocation => ({ action, user, channel, isAdmin: false });
/** The last small-print line: what a grade recorded. */
const noteOf = (reply: Reply): string | undefined => reply.blocks.flatMap((b) => (b.type === 'context' ? [b.markdown] : [])).at(-1);

async function postedQuestion(q = question('alpha', { hints: ['Starts with A.'], category: 'Greek letters' })) {
  const { bank } = testBank([q]);
  const h = await createHarness({ start: '2026-11-23T08:30:00Z', bank });
  const post = await h.daily.postNow(channel, admin);
  return { h, post };
}

describe('the daily post', () => {
  it('shows the question exactly as the bank has it, with category, reveal hint and buttons', async () => {
    const { h, post } = await postedQuestion();
    const [call] = h.platform.posts();
    const block = questionBlockOf(call?.reply ?? { blocks: [] });
    expect(block).toEqual({ type: 'question', title: 'Daily question', markdown: 'What is alpha?', footer: 'Greek letters · React 👀 to see the answer' });
    expect(buttonsOf(call?.reply ?? { blocks: [] })).toEqual([
      { action: `daily:hint:${post.postId}`, label: 'Hint', style: 'secondary' },
      { action: `daily:reveal:${post.postId}`, label: 'Reveal', style: 'primary' },
    ]);
    expect(post).toMatchObject({ channel, messageId: call?.messageId, questionId: 'alpha', category: 'Greek letters', dailySeq: 1, slotKey: null });
    expect(new Date(post.closesAt).getTime() - new Date(post.postedAt).getTime()).toBe(DAY);
  });

  it('never puts anything but the question into the question text, across the whole seed bank', async () => {
    const seeds = loadSeeds();
    const bank = createBankService(seeds, async () => seeds);
    const h = await createHarness({ bank });
    await h.daily.configure(channel, { when: '09:30', discussion: true }, admin);
    const posts: DailyPost[] = [];
    for (let i = 0; i < 40; i++) posts.push(await h.daily.postNow(channel, admin));
    h.platform.posts().forEach((call, i) => {
      expect(questionBlockOf(call.reply).markdown).toBe(bank.get(posts[i]?.questionId ?? '')?.question);
      expect(call.reply.blocks.filter((b) => b.type === 'text')).toEqual([]);
    });
  });

  it('has no Hint button when the question has no hints', async () => {
    const { h } = await postedQuestion(question('beta'));
    expect(buttonsOf(h.platform.posts()[0]?.reply ?? { blocks: [] }).map((b) => b.label)).toEqual(['Reveal']);
  });

  it('keeps every action id within the 100 characters Discord allows', async () => {
    const { h } = await postedQuestion();
    await h.daily.handleReaction({ user: alice, channel, messageId: h.platform.posts()[0]?.messageId ?? '', reaction: { name: 'eyes', raw: '👀' } });
    const actions = h.platform.calls.flatMap((c) => buttonsOf(c.reply)).map((b) => b.action);
    expect(actions.length).toBeGreaterThan(3);
    expect(actions.every((a) => a.length <= 100)).toBe(true);
  });
});

describe('the buttons under a daily post', () => {
  it('Hint shows the hints privately', async () => {
    const { h, post } = await postedQuestion();
    const reply = await h.daily.handleAction(press(`daily:hint:${post.postId}`));
    expect(reply.ephemeral).toBe(true);
    expect(reply.replaceMessage).toBeUndefined();
    // A Reveal of its own: pressed there, the answer takes the hint's place (the reply asks to replace).
    expect(replyText(reply)).toBe('**Hint:** Starts with A.\n[Reveal]');
    expect(buttonsOf(reply)).toEqual([{ action: `daily:reveal:${post.postId}`, label: 'Reveal', style: 'primary' }]);
    const revealed = await h.daily.handleAction(press(`daily:reveal:${post.postId}`));
    expect(revealed).toMatchObject({ ephemeral: true, replaceMessage: true });
    expect(replyText(revealed)).toContain('alpha is the answer.');
  });

  it('Reveal shows the answer privately with grade buttons', async () => {
    const { h, post } = await postedQuestion();
    const reply = await h.daily.handleAction(press(`daily:reveal:${post.postId}`));
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toContain('alpha is the answer.');
    expect(buttonsOf(reply).map((b) => b.action)).toEqual(['got', 'partly', 'missed'].map((g) => `daily:grade:${post.postId}:${g}`));
  });

  it('a discussion question says so on the post and reveals that the bank has no answer', async () => {
    const { bank } = testBank([question('open', { answer: null, category: null })]);
    const h = await createHarness({ bank });
    await h.daily.configure(channel, { when: '09:30', discussion: true }, admin);
    const post = await h.daily.postNow(channel, admin);
    expect(questionBlockOf(h.platform.posts()[0]?.reply ?? { blocks: [] }).footer).toBe('Discussion question: share your answer in the thread');
    expect(replyText(await h.daily.handleAction(press(`daily:reveal:${post.postId}`)))).toContain('No answer in the bank — discuss in the thread');
  });

  it('a discussion question offers Discussed, not Got it / Partly / Missed, and records it as discussed for +1', async () => {
    const { bank } = testBank([question('open', { answer: null, category: 'Culture' })]);
    const h = await createHarness({ bank });
    await h.daily.configure(channel, { when: '09:30', discussion: true }, admin);
    const post = await h.daily.postNow(channel, admin);
    const revealed = await h.daily.handleAction(press(`daily:reveal:${post.postId}`));
    expect(buttonsOf(revealed)).toEqual([{ action: `daily:grade:${post.postId}:discussed`, label: 'Discussed', style: 'primary' }]);
    const graded = await h.daily.handleAction(press(`daily:grade:${post.postId}:discussed`));
    expect(replyText(graded)).toContain('Recorded: Discussed (+1). Streak 1.');
    expect(buttonsOf(graded).map((b) => [b.label, b.selected === true])).toEqual([[expect.stringContaining('Discussed'), true]]);
    expect(h.scoring.requests.map((r) => r.grade)).toEqual(['discussed']);
  });

  it('a Got it button left on an older discussion post records discussed, never +3', async () => {
    const { bank } = testBank([question('open', { answer: null })]);
    const h = await createHarness({ bank });
    await h.daily.configure(channel, { when: '09:30', discussion: true }, admin);
    const post = await h.daily.postNow(channel, admin);
    expect(replyText(await h.daily.handleAction(press(`daily:grade:${post.postId}:got`)))).toContain('Recorded: Discussed (+1). Streak 1.');
    expect(h.scoring.requests.map((r) => r.grade)).toEqual(['discussed']);
  });

  it('an answered question cannot be graded discussed', async () => {
    const { h, post } = await postedQuestion();
    await expect(h.daily.handleAction(press(`daily:grade:${post.postId}:discussed`))).rejects.toThrow(
      new UserError('bad-input', 'This question has an answer: grade it Got it, Partly or Missed it.'),
    );
    expect(h.scoring.requests).toEqual([]);
  });

  it.each([
    ['thread', /is a discussion: share your answer in the thread, then mark it discussed/],
    ['public-at:after:1', /^Answer to daily question #1/],
  ])('a discussion question in %s reveal mode offers Discussed to whoever reacts', async (reveal, text) => {
    const { bank } = testBank([question('open', { answer: null })]);
    const h = await createHarness({ bank });
    await h.daily.configure(channel, { when: '09:30', discussion: true, reveal }, admin);
    const post = await h.daily.postNow(channel, admin);
    await h.daily.handleReaction({ user: alice, channel, messageId: post.messageId, reaction: { name: 'eyes', raw: '👀' } });
    const shown = h.platform.calls.filter((c) => buttonsOf(c.reply).some((b) => b.action.startsWith('daily:grade:')));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.some((c) => text.test(replyText(c.reply)))).toBe(true);
    for (const call of shown) expect(buttonsOf(call.reply).map((b) => b.label)).toEqual(['Discussed']);
  });

  it('a grade reaches scoring with the post, the person and the daily sequence number', async () => {
    const { h, post } = await postedQuestion();
    h.world.clock.advance(3_600_000);
    const reply = await h.daily.handleAction(press(`daily:grade:${post.postId}:got`));

    expect(h.scoring.requests).toEqual([
      {
        postId: post.postId,
        kind: 'daily',
        user: alice,
        channel,
        questionId: 'alpha',
        category: 'Greek letters',
        grade: 'got',
        postedAt: new Date('2026-11-23T08:30:00Z'),
        closesAt: new Date('2026-11-24T08:30:00Z'),
        at: new Date('2026-11-23T09:30:00Z'),
        dailySeq: 1,
      },
    ]);
    // The person's own copy of the answer, what was recorded, and the grade buttons with their pick marked;
    // the other grades stay live for a change of mind. It takes the pressed message's place where that was private.
    expect(reply).toEqual({
      ephemeral: true,
      replaceMessage: true,
      blocks: [
        { type: 'context', markdown: 'Answer to daily question #1 · Greek letters' },
        { type: 'text', markdown: 'alpha is the answer.' },
        { type: 'context', markdown: 'Recorded: Got it (+3). Streak 1.' },
        {
          type: 'buttons',
          buttons: [
            { action: `daily:grade:${post.postId}:got`, label: '✓ Got it', style: 'success', disabled: true, selected: true },
            { action: `daily:grade:${post.postId}:partly`, label: 'Partly', style: 'secondary' },
            { action: `daily:grade:${post.postId}:missed`, label: 'Missed it', style: 'secondary' },
          ],
        },
      ],
    });
  });

  it('a changed grade says what it changed from, and the same grade twice counts once', async () => {
    const { h, post } = await postedQuestion();
    const first = await h.daily.handleAction(press(`daily:grade:${post.postId}:partly`));
    const changed = await h.daily.handleAction(press(`daily:grade:${post.postId}:got`));
    const again = await h.daily.handleAction(press(`daily:grade:${post.postId}:got`));

    expect(noteOf(changed)).toBe('Changed from Partly to Got it (+2).');
    expect(noteOf(again)).toBe('Already recorded: Got it.');
    expect(h.scoring.counted).toBe(1);
    // The mark moves with the grade.
    const marks = (r: Reply) => buttonsOf(r).map((b) => `${b.label}${b.disabled ? ' (off)' : ''}`);
    expect(marks(first)).toEqual(['Got it', '✓ Partly (off)', 'Missed it']);
    expect(marks(changed)).toEqual(['✓ Got it (off)', 'Partly', 'Missed it']);
    expect(marks(again)).toEqual(['✓ Got it (off)', 'Partly', 'Missed it']);
  });

  it('Reveal (or `reveal`) after grading shows the grade marked ✓, the others live; once closed, all off', async () => {
    const { h, post } = await postedQuestion();
    await h.daily.handleAction(press(`daily:grade:${post.postId}:partly`));
    const marks = (r: Reply) => buttonsOf(r).map((b) => `${b.label}${b.disabled ? ' (off)' : ''}`);
    const again = await h.daily.handleAction(press(`daily:reveal:${post.postId}`));
    expect(replyText(again)).toContain('alpha is the answer.');
    expect(noteOf(again)).toBe('Your grade: Partly (+1). Press another to change it.');
    expect(marks(again)).toEqual(['Got it', '✓ Partly (off)', 'Missed it']);
    expect(marks(await h.daily.revealLatest(channel, alice))).toEqual(['Got it', '✓ Partly (off)', 'Missed it']);
    // Someone who has not graded still gets live buttons.
    expect(marks(await h.daily.handleAction(press(`daily:reveal:${post.postId}`, admin)))).toEqual(['Got it', 'Partly', 'Missed it']);
    h.world.clock.advance(DAY + 1);
    const closed = await h.daily.handleAction(press(`daily:reveal:${post.postId}`));
    expect(noteOf(closed)).toBe('Your grade: Partly (+1); the post has closed, so it stands.');
    expect(marks(closed)).toEqual(['Got it (off)', '✓ Partly (off)', 'Missed it (off)']);
  });

  it('a grade after the post closed is recorded for stats only', async () => {
    const { h, post } = await postedQuestion();
    h.world.clock.advance(DAY + 1);
    const late = await h.daily.handleAction(press(`daily:grade:${post.postId}:got`));
    expect(noteOf(late)).toBe('That post closed for scoring; recorded for your stats.');
    // Closed: nothing left to change, so every button is off, the pick still marked.
    expect(buttonsOf(late).map((b) => [b.label, b.disabled])).toEqual([
      ['✓ Got it', true],
      ['Partly', true],
      ['Missed it', true],
    ]);
  });

  it('a button of an unknown post says the question is gone', async () => {
    const { h } = await postedQuestion();
    const attempt = h.daily.handleAction(press('daily:grade:000000000000:got'));
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow('That question is no longer available.');
    expect(h.scoring.requests).toEqual([]);
  });

  it('a button of a post whose question left the bank says the question is gone', async () => {
    const { bank, setNext } = testBank([question('alpha'), question('beta')]);
    const h = await createHarness({ bank });
    const post = await h.daily.postNow(channel, admin);
    setNext([question(post.questionId === 'alpha' ? 'beta' : 'alpha')]);
    await bank.reload();
    await expect(h.daily.handleAction(press(`daily:reveal:${post.postId}`))).rejects.toThrow('That question is no longer available.');
  });

  it('refuses a grade that is not one of the three', async () => {
    const { h, post } = await postedQuestion();
    await expect(h.daily.handleAction(press(`daily:grade:${post.postId}:perfect`))).rejects.toThrow('That button is not one I know.');
  });
});
