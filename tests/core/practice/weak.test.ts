import { expect, it } from 'vitest';
import { alice, describeEachStore, gradeShown, shownId } from './harness.js';
import { gradeOf } from './grades.js';

describeEachStore('practice weak', (h) => {
  it('shows the most-missed questions first, the weaker category first among equals, then the weakest categories', async () => {
    const t = (n: number) => new Date(h().world.clock.now().getTime() - n * 86_400_000);
    const learn = (id: string, category: string, grade: 'got' | 'missed', daysAgo: number) => h().practice.learnFromGrade(gradeOf(id, grade, t(daysAgo), { category }));
    await learn('rag-2', 'Retrieval', 'missed', 9);
    await learn('rag-2', 'Retrieval', 'missed', 8);
    await learn('rag-2', 'Retrieval', 'missed', 7);
    await learn('att-1', 'Attention', 'missed', 6);
    await learn('att-2', 'Attention', 'got', 6);
    await learn('ft-1', 'Fine tuning', 'missed', 5);
    await learn('ft-2', 'Fine tuning', 'missed', 5);
    await learn('ev-1', 'Evaluation', 'got', 5);
    await h().practice.setNewPerDay(alice, 0);

    let reply = await h().practice.start(alice, { kind: 'weak' });
    const seen: (string | null)[] = [];
    while (shownId(h(), reply) && seen.length < 10) {
      seen.push(shownId(h(), reply));
      reply = await gradeShown(h(), reply, 'Good');
    }
    // rag-2 (3 misses); then one miss each: Fine tuning misses 2 of 2, Attention 1 of 2; then the weakest
    // categories' due cards: att-2 (Attention) is due; ev-1 (Evaluation, never missed) is not among them.
    expect(seen.slice(0, 4)).toEqual(['rag-2', 'ft-1', 'ft-2', 'att-1']);
    expect(seen.slice(4)).toEqual(['att-2']);
  });

  it('is the whole deck for someone who never missed anything', async () => {
    const reply = await h().practice.start(alice, { kind: 'weak' });
    expect(shownId(h(), reply)).toBe('att-1');
  });
});
