import { afterEach, describe, expect, it } from 'vitest';
import type { Question } from '../../../src/bank/types.js';
import { blocksText, buttonIn } from '../../fakes/slack/blocks.js';
import { slack } from '../../helpers/people.js';
import { type SlackHarness, alice, ann, slackHarness } from './harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Week 47 (Nov 16–22): Alice got the question, Bob missed it, so it is the most missed of the week. */
async function seedWeek(harness: SlackHarness): Promise<Question> {
  const question = harness.engine.services.bank.all().find((q) => q.answer !== null && q.answer.length > 8);
  if (!question) throw new Error('the seed bank has no question with an answer');
  const postedAt = new Date('2026-11-20T09:00:00Z');
  for (const [user, grade] of [
    [slack.alice, 'got'],
    [slack.bob, 'missed'],
  ] as const) {
    await harness.engine.services.scoring.grade({
      postId: 'p-week-47',
      kind: 'daily',
      user,
      channel: slack.channel,
      questionId: question.id,
      category: question.category,
      grade,
      postedAt,
      closesAt: new Date(postedAt.getTime() + 86_400_000),
      at: new Date(postedAt.getTime() + 3_600_000),
      dailySeq: 1,
    });
  }
  return question;
}

describe.each(['http', 'socket'] as const)('Bolt adapter (%s): the weekly digest on the fake Slack', (mode) => {
  it('`/recall digest now` posts the digest with the most-missed answer behind a button, whose press shows it privately', async () => {
    h = await slackHarness({ mode });
    const question = await seedWeek(h);
    const now = await h.recall(ann, 'digest now');
    expect(now.responseType).toBe('ephemeral');
    expect(now.text).toBe('Posted the digest of 2026-W47.');

    const [post] = h.fake.callsTo('chat.postMessage');
    if (!post) throw new Error('no digest posted');
    const blocks = post.body['blocks'];
    const text = blocksText(blocks);
    expect(text).toContain('Weekly digest · week 47, 2026 (16 Nov – 22 Nov)');
    expect(text).toContain('Alice');
    expect(text).toContain('Most missed');
    // Slack has no spoiler: the answer is not in the message at all.
    expect(JSON.stringify(blocks)).not.toContain('Answer:');

    const button = buttonIn(blocks, /Show the answer/);
    expect(button.actionId).toMatch(/^digest:answer:/);
    const answer = await h.press(alice, button);
    expect(answer.body['response_type'] ?? 'ephemeral').toBe('ephemeral');
    expect(answer.body['replace_original']).not.toBe(true);
    expect(answer.text).toContain('Answer:');
    const words = (markdown: string): string => markdown.replace(/[*_`~]/g, '').replace(/\s+/g, ' ');
    expect(words(answer.text)).toContain(words(question.answer ?? '').slice(0, 20));
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});
