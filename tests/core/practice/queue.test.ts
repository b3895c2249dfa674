import { expect, it } from 'vitest';
import { replyText } from '../../../src/core/reply.js';
import { HOUR, MINUTE, alice, describeEachStore, gradeShown, shownId } from './harness.js';
import { gradeOf } from './grades.js';

const T0 = new Date('2026-12-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describeEachStore('which card comes next', (h) => {
  it('shows due cards earliest-due first, then new ones in bank order', async () => {
    // Each missed question comes back a minute after its grade.
    await h().practice.learnFromGrade(gradeOf('rag-2', 'missed', at(0)));
    await h().practice.learnFromGrade(gradeOf('ft-1', 'missed', at(HOUR)));
    await h().practice.learnFromGrade(gradeOf('ev-2', 'missed', at(30 * MINUTE)));
    await h().practice.learnFromGrade(gradeOf('att-2', 'got', at(HOUR + 5 * MINUTE))); // Good: back 10 minutes later, not due yet
    h().world.clock.set(at(HOUR + 10 * MINUTE));

    let reply = await h().practice.start(alice, { kind: 'all' });
    const seen: (string | null)[] = [];
    for (let i = 0; i < 5; i++) {
      seen.push(shownId(h(), reply));
      reply = await gradeShown(h(), reply, 'Good');
    }
    expect(seen).toEqual(['rag-2', 'ev-2', 'ft-1', 'att-1', 'att-3']);
  });

  it('brings a card graded Again back in the same session once it is due', async () => {
    await h().practice.setNewPerDay(alice, 1);
    let reply = await h().practice.start(alice, { kind: 'all' });
    expect(shownId(h(), reply)).toBe('att-1');
    reply = await gradeShown(h(), reply, 'Again');
    expect(replyText(reply)).toContain('Next card comes back in 1 minute.');
    h().world.clock.advance(MINUTE);
    reply = await h().practice.start(alice, { kind: 'all' });
    expect(shownId(h(), reply)).toBe('att-1');
    expect(replyText(reply)).toContain('due');
  });

  it('narrows due cards to a category too', async () => {
    await h().practice.learnFromGrade(gradeOf('att-1', 'missed', at(0)));
    await h().practice.learnFromGrade(gradeOf('rag-1', 'missed', at(0)));
    h().world.clock.set(at(5 * MINUTE));
    const reply = await h().practice.start(alice, { kind: 'category', category: 'retrieval' });
    expect(shownId(h(), reply)).toBe('rag-1');
  });
});
