import { expect, it } from 'vitest';
import { practiceKeys } from '../../../src/core/practice/keys.js';
import type { CardRecord } from '../../../src/core/practice/types.js';
import { DAY, MINUTE, WS, alice, bankText, describeEachStore, shownId } from './harness.js';
import { gradeOf } from './grades.js';

describeEachStore('cards across bank reloads', (h) => {
  it('keeps the card of a question that left the bank, never shows it, and restores it when it comes back', async () => {
    const t0 = h().world.clock.now();
    await h().practice.learnFromGrade(gradeOf('rag-2', 'missed', t0));
    const before = await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'rag-2'));
    h().world.clock.advance(5 * MINUTE);
    expect((await h().practice.dueSummary(alice, h().world.clock.now())).due).toBe(1);

    h().setBank(bankText({ without: ['rag-2'] }));
    await h().bank.reload();
    expect((await h().practice.dueSummary(alice, h().world.clock.now())).due).toBe(0);
    expect((await h().practice.stats(alice, h().world.clock.now())).learned).toBe(0);
    await h().practice.setNewPerDay(alice, 0);
    expect(shownId(h(), await h().practice.start(alice, { kind: 'all' }))).toBeNull();
    expect(await h().store.get<CardRecord>(practiceKeys.card(WS, alice.userId, 'rag-2'))).toEqual(before);

    h().world.clock.advance(DAY);
    h().setBank(bankText());
    await h().bank.reload();
    expect((await h().practice.dueSummary(alice, h().world.clock.now())).due).toBe(1);
    expect(shownId(h(), await h().practice.start(alice, { kind: 'all' }))).toBe('rag-2');
  });
});
