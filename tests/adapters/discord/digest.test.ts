import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Question } from '../../../src/bank/types.js';
import type { UserRef } from '../../../src/core/refs.js';
import { isEphemeral, messageText } from '../../fakes/discord/index.js';
import { PNG_SIGNATURE, sharedRenderer } from '../../images/helpers.js';
import { GUILD, type Harness, STUDY, channel, removeTempDirs, startHarness } from './harness.js';

/**
 * `/digest now` on Monday 23 November reports week 47 (Nov 16–22): Alice got the question, Bob missed it,
 * so it is the week's most missed, and its answer must reach Discord behind `||…||`.
 */
describe('discord.js adapter against the fake Discord: the weekly digest', () => {
  let h: Harness;
  let missed: Question;
  beforeAll(async () => {
    h = await startHarness({ images: await sharedRenderer() });
    const found = h.bank.all().find((q) => q.answer !== null && q.answer.length > 8 && !q.answer.includes('|'));
    if (!found) throw new Error('the seed bank has no question with a plain answer');
    missed = found;
    const who = (u: { id: string; username: string; globalName?: string }): UserRef => ({
      platform: 'discord',
      workspaceId: GUILD,
      userId: u.id,
      name: u.globalName ?? u.username,
    });
    const postedAt = new Date('2026-11-20T09:00:00Z');
    for (const [user, grade] of [
      [who(h.alice), 'got'],
      [who(h.bob), 'missed'],
    ] as const) {
      await h.engine.services.scoring.grade({
        postId: 'p-week-47',
        kind: 'daily',
        user,
        channel: channel(),
        questionId: missed.id,
        category: missed.category,
        grade,
        postedAt,
        closesAt: new Date(postedAt.getTime() + 86_400_000),
        at: new Date(postedAt.getTime() + 3_600_000),
        dailySeq: 1,
      });
    }
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    removeTempDirs();
  });

  it('`/digest now` posts the digest in the channel with the most-missed answer as a spoiler and the board as an attachment', async () => {
    const now = await h.slash(h.ann, 'digest', 'now');
    expect(now.text).toBe('Posted the digest of 2026-W47.');
    expect(isEphemeral(now.answer)).toBe(true);

    const [post] = h.fake.messages(STUDY);
    if (!post) throw new Error('no digest in the channel');
    const text = messageText(post);
    expect(text).toContain('Weekly digest · week 47, 2026 (16 Nov – 22 Nov)');
    expect(text).toMatch(/1\. \*\*Alice\*\* · 3 points · new/);
    expect(text).toContain('Most missed');
    // The answer is in the message only inside a spoiler.
    const spoiler = /\|\|([\s\S]*?)\|\|/.exec(post.content);
    expect(spoiler?.[1]).toContain('Answer:');
    const outside = post.content.replace(/\|\|[\s\S]*?\|\|/g, '');
    expect(outside).not.toContain('Answer:');

    const [attachment] = post['attachments'] as { id: string; filename: string }[];
    expect(attachment?.filename).toBe('digest-2026-W47.png');
    expect([...(h.fake.rest.uploads.get(attachment?.id ?? '')?.data.subarray(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
  });

  it('refuses `/digest set` from a member who is not an admin', async () => {
    const refused = await h.slash(h.alice, 'digest', 'set', { weekday: 'sun', time: '18:00' });
    expect(refused.text).toBe('Only admins can use `digest set`.');
  });
});
