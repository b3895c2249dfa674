import { expect, it } from 'vitest';
import { practiceKeys } from '../../../src/core/practice/keys.js';
import type { CardRecord } from '../../../src/core/practice/types.js';
import { DAY, WS, alice, describeEachStore, gradeShown, shownId } from './harness.js';

describeEachStore('practice stats', (h) => {
  it('counts cards learned, due today and over 7 days, and retention', async () => {
    let reply = await h().practice.start(alice, { kind: 'all' });
    reply = await gradeShown(h(), reply, 'Easy'); // att-1: back in days
    reply = await gradeShown(h(), reply, 'Good'); // att-2: back in 10 minutes
    reply = await gradeShown(h(), reply, 'Again'); // att-3: back in 1 minute
    const now = h().world.clock.now();
    const easy = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'att-1'));
    const easyInDays = Math.floor(((easy?.fsrs.due ?? 0) - now.getTime()) / DAY);
    expect(easyInDays).toBeGreaterThanOrEqual(1);

    const stats = await h().practice.stats(alice, now);
    const forecast = [2, 0, 0, 0, 0, 0, 0];
    if (easyInDays < 7) forecast[easyInDays] = 1;
    expect(stats.forecast).toEqual(forecast);
    expect(stats).toMatchObject({ learned: 3, dueToday: 2, dueWeek: easyInDays < 7 ? 3 : 2, reviews30: 3, streak: 1, bestStreak: 1 });
    expect(stats.retention).toBeCloseTo(2 / 3);
  });

  it('forgets reviews older than 30 days for retention, and ends a streak after a day off', async () => {
    const practiseOne = async () => {
      await h().practice.setNewPerDay(alice, 1 + (await h().practice.settings(alice)).newPerDay);
      const reply = await h().practice.start(alice, { kind: 'all' });
      await gradeShown(h(), reply, 'Again');
    };
    await practiseOne();
    h().world.clock.advance(DAY);
    await practiseOne();
    expect(await h().practice.stats(alice, h().world.clock.now())).toMatchObject({ reviews30: 2, retention: 0, streak: 2, bestStreak: 2 });
    h().world.clock.advance(2 * DAY);
    expect(await h().practice.stats(alice, h().world.clock.now())).toMatchObject({ streak: 0, bestStreak: 2 });
    h().world.clock.advance(29 * DAY);
    await practiseOne();
    const late = await h().practice.stats(alice, h().world.clock.now());
    expect(late.reviews30).toBe(1);
    expect(late.streak).toBe(1);
  });

  it('counts a category mastered card by card once FSRS holds it for three weeks', async () => {
    let reply = await h().practice.start(alice, { kind: 'category', category: 'fine' });
    expect(shownId(h(), reply)).toBe('ft-1');
    reply = await gradeShown(h(), reply, 'Easy');
    const before = await h().practice.stats(alice, h().world.clock.now());
    expect(before.mastery.find((m) => m.category === 'Fine tuning')).toEqual({ category: 'Fine tuning', questions: 2, cards: 1, mastered: 0, share: 0 });

    const card = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'ft-1'));
    h().world.clock.set(new Date(card?.fsrs.due ?? 0));
    reply = await h().practice.start(alice, { kind: 'category', category: 'fine' });
    expect(shownId(h(), reply)).toBe('ft-1');
    await gradeShown(h(), reply, 'Easy');
    const after = await h().practice.stats(alice, h().world.clock.now());
    const stable = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'ft-1'));
    expect(stable?.fsrs.stability).toBeGreaterThanOrEqual(21);
    expect(after.mastery.find((m) => m.category === 'Fine tuning')).toEqual({ category: 'Fine tuning', questions: 2, cards: 1, mastered: 1, share: 0.5 });
    expect(after.mastery.find((m) => m.category === 'Attention')).toEqual({ category: 'Attention', questions: 3, cards: 0, mastered: 0, share: 0 });
  });
});
