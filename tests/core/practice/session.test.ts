import { expect, it } from 'vitest';
import { replyText } from '../../../src/core/reply.js';
import { alice, button, describeEachStore, gradeShown, press, shownId } from './harness.js';

describeEachStore('a practice session', (h) => {
  it('shows a new card, its answer with four ratings, then says when it comes back and shows the next', async () => {
    const first = await h().practice.start(alice, { kind: 'all' });
    expect(first.ephemeral).toBe(true);
    expect(shownId(h(), first)).toBe('att-1');
    expect(replyText(first)).toContain('new card');

    const back = await press(h(), button(first, 'Show answer'));
    expect(back.replaceMessage).toBe(true);
    expect(replyText(back)).toContain('The answer to att-1.');
    expect(replyText(back)).toMatch(/\[Again · 1m\] \[Hard · \d+m\] \[Good · 10m\] \[Easy · \d+d\]/);

    const next = await press(h(), button(back, 'Good'));
    expect(next.replaceMessage).toBe(true);
    expect(next.ephemeral).toBe(true);
    expect(replyText(next)).toContain('Good: this card comes back in 10 minutes.');
    expect(shownId(h(), next)).toBe('att-2');
  });

  it('ends with a summary: reviewed, correct rate, due tomorrow', async () => {
    let reply = await h().practice.start(alice, { kind: 'category', category: 'fine' });
    reply = await gradeShown(h(), reply, 'Easy');
    reply = await gradeShown(h(), reply, 'Again');
    expect(shownId(h(), reply)).toBeNull();
    const text = replyText(reply);
    expect(text).toContain('**Practice done**: 2 reviewed, 50% correct.');
    expect(text).toContain('Due tomorrow: 1.');
    expect(text).toContain('Next card comes back in 1 minute.');
  });

  it('stops on Stop, with the summary', async () => {
    let reply = await h().practice.start(alice, { kind: 'all' });
    reply = await gradeShown(h(), reply, 'Good');
    const stopped = await press(h(), button(reply, 'Stop'));
    expect(replyText(stopped)).toContain('1 reviewed, 100% correct');
    const late = await press(h(), button(reply, 'Show answer'));
    expect(replyText(late)).toContain('1 reviewed, 100% correct');
    expect(late.blocks.some((b) => b.type === 'buttons')).toBe(false);
  });

  it('makes an older session stale when a new one starts', async () => {
    const old = await h().practice.start(alice, { kind: 'all' });
    await h().practice.start(alice, { kind: 'all' });
    expect(replyText(await press(h(), button(old, 'Show answer')))).toContain('This practice session has ended');
  });

  it('answers a malformed or foreign button privately instead of throwing', async () => {
    for (const action of ['practice:grade:abc:1:meh', 'practice:show', 'practice:show:ABC:1', 'practice:grade:abc:0:good']) {
      const reply = await press(h(), action);
      expect(reply.ephemeral).toBe(true);
      expect(replyText(reply)).toContain('This practice session has ended');
    }
  });

  it('refuses a category that matches nothing', async () => {
    await expect(h().practice.start(alice, { kind: 'category', category: 'astrology' })).rejects.toThrow('No category matches `astrology`.');
  });

  it('narrows the deck to one difficulty', async () => {
    let reply = await h().practice.start(alice, { kind: 'difficulty', difficulty: 'hard' });
    const seen: (string | null)[] = [];
    for (let i = 0; i < 5 && shownId(h(), reply); i++) {
      seen.push(shownId(h(), reply));
      reply = await gradeShown(h(), reply, 'Good');
    }
    expect(seen).toEqual(['att-3', 'rag-3', 'ft-2']);
  });

  it('never offers a discussion question (no answer to check against)', async () => {
    await h().practice.setNewPerDay(alice, 100);
    let reply = await h().practice.start(alice, { kind: 'all' });
    const seen: string[] = [];
    while (shownId(h(), reply)) {
      seen.push(shownId(h(), reply) ?? '');
      reply = await gradeShown(h(), reply, 'Easy');
    }
    expect(seen).toHaveLength(10);
    expect(seen).not.toContain('disc-1');
  });
});
