import { beforeAll, describe, expect, it } from 'vitest';
import type { BankLoadResult, Question } from '../../../src/bank/types.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { cycleOrder, pickNext, type RotationState } from '../../../src/core/daily/rotation.js';
import { UserError } from '../../../src/core/errors.js';
import { loadSeeds } from '../../helpers/bank.js';
import { admin, channel, createHarness, postRecords, question, testBank } from './helpers.js';

let seeds: BankLoadResult;
beforeAll(() => {
  seeds = loadSeeds();
});

const ids = (n: number, prefix = 'q'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);

/** Runs the pure rotation `times` times and returns the questions it took. */
function takeMany(eligible: () => readonly string[], times: number, start?: RotationState): { picks: string[]; state: RotationState | undefined } {
  let state = start;
  const picks: string[] = [];
  for (let i = 0; i < times; i++) {
    state = pickNext(state, eligible(), 7);
    picks.push(state.last ?? '');
  }
  return { picks, state };
}

describe('the rotation, as a pure function', () => {
  it('takes every eligible question once before any repeats, then reshuffles for the next cycle', () => {
    const all = ids(40);
    const { picks } = takeMany(() => all, 80);
    const first = picks.slice(0, 40);
    const second = picks.slice(40);
    expect(new Set(first).size).toBe(40);
    expect(new Set(second).size).toBe(40);
    expect(second).not.toEqual(first);
  });

  it('does not depend on the order the bank lists its questions in', () => {
    const all = ids(10);
    expect(cycleOrder({ seed: 1, cycle: 1 }, all)).toEqual(cycleOrder({ seed: 1, cycle: 1 }, [...all].reverse()));
  });

  it('never posts the same question twice in a row across a cycle boundary', () => {
    for (let seed = 0; seed < 50; seed++) {
      let state: RotationState | undefined;
      const picks: string[] = [];
      for (let i = 0; i < 6; i++) {
        state = pickNext(state, ['a', 'b', 'c'], seed);
        picks.push(state.last ?? '');
      }
      expect(picks[3]).not.toBe(picks[2]);
    }
  });

  it('keeps going without repeats when questions are added and removed mid-cycle', () => {
    let eligible = ids(30);
    const { picks: before, state } = takeMany(() => eligible, 10);
    const removed = eligible.filter((id) => !before.includes(id)).slice(0, 5);
    eligible = [...eligible.filter((id) => !removed.includes(id)), ...ids(8, 'new')];
    const { picks: after } = takeMany(() => eligible, eligible.length - 10, state);

    const cycle = [...before, ...after];
    expect(new Set(cycle).size).toBe(cycle.length);
    expect(cycle.filter((id) => removed.includes(id))).toEqual([]);
    expect(new Set(cycle)).toEqual(new Set(eligible));
  });
});

describe('the rotation over the whole seed bank', () => {
  it('posts every answered question once before any repeats, skipping unanswered ones', async () => {
    const bank = createBankService(seeds, async () => seeds);
    const answered = seeds.questions.filter((q) => q.answer !== null).map((q) => q.id);
    expect(answered.length).toBeGreaterThan(100);
    const h = await createHarness({ bank });

    for (let i = 0; i < answered.length + 1; i++) await h.daily.postNow(channel, admin);

    const posted = (await postRecords(h)).map((p) => p.questionId);
    const cycle = posted.slice(0, answered.length);
    expect(new Set(cycle)).toEqual(new Set(answered));
    expect(posted.at(-1)).not.toBe(posted.at(-2)); // the repeat starts a new cycle, not an echo
    expect(answered).toContain(posted.at(-1));
  });

  it('includes unanswered questions when discussion questions are on', async () => {
    const bank = createBankService(seeds, async () => seeds);
    const h = await createHarness({ bank });
    await h.daily.configure(channel, { when: '09:30', discussion: true }, admin);

    for (let i = 0; i < seeds.questions.length; i++) await h.daily.postNow(channel, admin);

    const posted = (await postRecords(h)).map((p) => p.questionId);
    expect(new Set(posted).size).toBe(seeds.questions.length);
  });

  it('keeps the no-repeat promise across a bank reload that adds and removes questions', async () => {
    const answered = seeds.questions.filter((q) => q.answer !== null);
    const initial = answered.slice(0, 60);
    const { bank, setNext } = testBank(initial);
    const h = await createHarness({ bank });
    for (let i = 0; i < 25; i++) await h.daily.postNow(channel, admin);
    const before = (await postRecords(h)).map((p) => p.questionId);

    const notYetPosted = initial.filter((q) => !before.includes(q.id));
    const removed = notYetPosted.slice(0, 10).map((q) => q.id);
    const reloaded: Question[] = [...initial.filter((q) => !removed.includes(q.id)), ...answered.slice(60, 75)];
    setNext(reloaded);
    await bank.reload();

    const remaining = reloaded.length - 25;
    for (let i = 0; i < remaining; i++) await h.daily.postNow(channel, admin);
    const cycle = (await postRecords(h)).map((p) => p.questionId);

    expect(cycle).toHaveLength(reloaded.length);
    expect(new Set(cycle).size).toBe(cycle.length);
    expect(cycle.filter((id) => removed.includes(id))).toEqual([]);
  });

  it('carries on where it was after a restart', async () => {
    const { bank } = testBank(ids(12).map((id) => question(id)));
    const h = await createHarness({ bank });
    for (let i = 0; i < 6; i++) await h.daily.postNow(channel, admin);
    const restarted = h.restart();
    for (let i = 0; i < 6; i++) await restarted.daily.postNow(channel, admin);

    const posted = (await postRecords(h)).map((p) => p.questionId);
    expect(new Set(posted).size).toBe(12);
    expect((await postRecords(h)).map((p) => p.dailySeq)).toEqual(ids(12).map((_, i) => i + 1));
  });
});

describe('a channel limited to categories', () => {
  it('draws only from the categories the admin named, as the bank resolves them', async () => {
    const bank = createBankService(seeds, async () => seeds);
    const h = await createHarness({ bank });
    const settings = await h.daily.configure(channel, { when: '09:30', categories: 'rag' }, admin);
    expect(settings.scope?.categories.length).toBeGreaterThan(0);
    expect(settings.scope?.categories.every((c) => /rag/i.test(c))).toBe(true);

    for (let i = 0; i < 10; i++) await h.daily.postNow(channel, admin);

    const categories = new Set((await postRecords(h)).map((p) => p.category));
    expect([...categories].every((c) => c !== null && settings.scope?.categories.includes(c))).toBe(true);
  });

  it('refuses a name that matches no category and lists the ones there are', async () => {
    const bank = createBankService(seeds, async () => seeds);
    const h = await createHarness({ bank });
    const attempt = h.daily.configure(channel, { when: '09:30', categories: 'astrology' }, admin);
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(/`astrology` matches no category\. Categories: .*Vector Database/);
  });

  it('refuses a filter that only holds unanswered questions unless discussion questions are on', async () => {
    const { bank } = testBank([question('a', { category: 'Open', answer: null }), question('b', { category: 'Closed' })]);
    const h = await createHarness({ bank });
    await expect(h.daily.configure(channel, { when: '09:30', categories: 'open' }, admin)).rejects.toThrow(/No question with an answer is in Open\. Add `discussion:yes`/);
    await expect(h.daily.configure(channel, { when: '09:30', categories: 'open', discussion: true }, admin)).resolves.toMatchObject({ discussion: true });
  });
});
