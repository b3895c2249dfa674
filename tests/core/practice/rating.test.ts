import { describe, expect, it } from 'vitest';
import { GRADE_RATINGS, ratingForGrade } from '../../../src/core/practice/index.js';
import { emptyState, review } from '../../../src/core/practice/fsrs.js';
import { practiceKeys } from '../../../src/core/practice/keys.js';
import type { CardRecord } from '../../../src/core/practice/types.js';
import { WS, alice, describeEachStore } from './harness.js';
import { gradeOf } from './grades.js';

describe('the grade → FSRS rating mapping', () => {
  it('maps daily self-grades got/partly/missed to Good/Hard/Again', () => {
    expect(GRADE_RATINGS.daily).toEqual({ got: 'good', partly: 'hard', missed: 'again' });
  });

  it('maps a quiz answer right/wrong to Good/Again (and a flashcard partly to Hard)', () => {
    expect(ratingForGrade('quiz', 'got')).toBe('good');
    expect(ratingForGrade('quiz', 'missed')).toBe('again');
    expect(ratingForGrade('quiz', 'partly')).toBe('hard');
  });

  it('never maps a grade to Easy: nobody said the recall was effortless', () => {
    const ratings = Object.values(GRADE_RATINGS).flatMap((m) => Object.values(m));
    expect(ratings).not.toContain('easy');
  });
});

describeEachStore('grades from daily and quiz teach the card', (h) => {
  const at = new Date('2026-12-01T09:00:00Z');

  it('schedules a missed daily question like an Again, a got one like a Good', async () => {
    await h().practice.learnFromGrade(gradeOf('att-1', 'missed', at));
    await h().practice.learnFromGrade(gradeOf('rag-1', 'got', at));
    const missed = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'att-1'));
    const got = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'rag-1'));
    expect(missed?.fsrs).toEqual(review(emptyState(at), 'again', at));
    expect(got?.fsrs).toEqual(review(emptyState(at), 'good', at));
    expect(missed?.misses).toBe(1);
    expect(got?.misses).toBe(0);
  });

  it('a discussed grade (a question with no answer) makes no card and counts no review', async () => {
    await h().practice.learnFromGrade(gradeOf('att-1', 'discussed', at));
    expect(await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'att-1'))).toBeUndefined();
    expect((await h().practice.stats(alice, at)).reviews30).toBe(0);
  });

  it('learns a post once: a redelivery or a changed grade later records nothing more', async () => {
    const req = gradeOf('att-1', 'partly', at);
    await Promise.all([h().practice.learnFromGrade(req), h().practice.learnFromGrade(req)]);
    await h().practice.learnFromGrade({ ...req, grade: 'missed', at: new Date(at.getTime() + 60_000) });
    const card = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'att-1'));
    expect(card?.fsrs.reps).toBe(1);
    expect(card?.fsrs).toEqual(review(emptyState(at), 'hard', at));
    expect((await h().practice.stats(alice, at)).reviews30).toBe(1);
  });

  it('keeps the same question apart for two people and two workspaces', async () => {
    await h().practice.learnFromGrade(gradeOf('att-1', 'missed', at));
    const elsewhere = { platform: 'slack' as const, workspaceId: 'T-2', userId: alice.userId };
    await h().practice.learnFromGrade(gradeOf('att-1', 'got', at, { user: elsewhere }));
    const here = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'att-1'));
    const there = await h().store.get<CardRecord>(practiceKeys.card(elsewhere, alice.userId, 'att-1'));
    expect(here?.misses).toBe(1);
    expect(there?.misses).toBe(0);
  });
});
