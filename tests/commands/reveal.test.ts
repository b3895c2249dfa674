import { describe, expect, it } from 'vitest';
import daily from '../../commands/daily.js';
import reveal from '../../commands/reveal.js';
import { replyText } from '../../src/core/reply.js';
import { admin, alice, bob, buttonsOf, channel, commandLine, createHarness, otherChannel } from '../core/daily/helpers.js';

async function setup() {
  const h = await createHarness({ start: '2026-11-23T09:00:00Z' });
  return { h, run: commandLine(h, [daily, reveal]) };
}

describe('reveal', () => {
  it('shows the caller the latest daily answer in this channel privately, with grade buttons', async () => {
    const { h, run } = await setup();
    await h.daily.postNow(channel, admin);
    const latest = await h.daily.postNow(channel, admin);

    const reply = await run('reveal', { user: alice, isAdmin: false });

    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toContain('Answer to daily question #2');
    expect(replyText(reply)).toContain(`${latest.questionId} is the answer.`);
    expect(buttonsOf(reply).map((b) => b.action)).toEqual(['got', 'partly', 'missed'].map((g) => `daily:grade:${latest.postId}:${g}`));
    expect(h.platform.calls.filter((c) => c.kind !== 'post')).toEqual([]); // nothing public, nothing sent aside
  });

  it('works for everyone, any number of times', async () => {
    const { h, run } = await setup();
    await h.daily.postNow(channel, admin);
    const first = await run('reveal', { user: bob, isAdmin: false });
    const again = await run('reveal', { user: bob, isAdmin: false });
    expect(again).toEqual(first);
  });

  it('says so when the channel has had no daily question yet', async () => {
    const { h, run } = await setup();
    await h.daily.postNow(otherChannel, admin);
    expect(replyText(await run('reveal', { user: alice, isAdmin: false }))).toBe('No daily question has been posted in this channel yet.');
  });

  it('takes no arguments', async () => {
    const { run } = await setup();
    expect(replyText(await run('reveal now please', { user: alice, isAdmin: false }))).toMatch(/^Too many values/);
  });
});
