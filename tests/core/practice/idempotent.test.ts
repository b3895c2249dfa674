import { expect, it } from 'vitest';
import { practiceKeys } from '../../../src/core/practice/keys.js';
import type { CardRecord } from '../../../src/core/practice/types.js';
import { replyText } from '../../../src/core/reply.js';
import { WS, alice, button, describeEachStore, press, shownId } from './harness.js';

describeEachStore('grading a practice card', (h) => {
  it('records a double press once, and both presses show the next card', async () => {
    const first = await h().practice.start(alice, { kind: 'all' });
    const back = await press(h(), button(first, 'Show answer'));
    const good = button(back, 'Good');
    const [a, b] = await Promise.all([press(h(), good), press(h(), good)]);
    expect(shownId(h(), a)).toBe('att-2');
    expect(shownId(h(), b)).toBe('att-2');
    const card = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'att-1'));
    expect(card?.fsrs.reps).toBe(1);
    expect((await h().practice.stats(alice, h().world.clock.now())).reviews30).toBe(1);
  });

  it('records a redelivered press once, even after the session moved on', async () => {
    const first = await h().practice.start(alice, { kind: 'all' });
    const back = await press(h(), button(first, 'Show answer'));
    const next = await press(h(), button(back, 'Again'));
    const again = await press(h(), button(back, 'Easy')); // the same card's button, delivered late
    expect(shownId(h(), again)).toBe(shownId(h(), next));
    const card = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'att-1'));
    expect(card?.fsrs.reps).toBe(1);
    expect(card?.misses).toBe(1);
    const stopped = await press(h(), button(next, 'Stop'));
    expect(replyText(stopped)).toContain('1 reviewed, 0% correct');
  });

  it('counts a new card against the day once, however often its grade arrives', async () => {
    await h().practice.setNewPerDay(alice, 2);
    const first = await h().practice.start(alice, { kind: 'all' });
    const back = await press(h(), button(first, 'Show answer'));
    await Promise.all([1, 2, 3].map(() => press(h(), button(back, 'Easy'))));
    expect((await h().practice.dueSummary(alice, h().world.clock.now())).newAvailable).toBe(1);
  });
});
