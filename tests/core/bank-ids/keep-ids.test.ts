import { describe, expect, it } from 'vitest';
import { questionId } from '../../../src/bank/ids.js';
import type { Question } from '../../../src/bank/types.js';
import { keepIds, keepIdsInTurns } from '../../../src/core/bank-ids/keep-ids.js';
import { emptyKnownBank, knownBank } from '../../../src/core/bank-ids/record.js';

function question(text: string): Question {
  return { id: questionId(text), question: text, answer: null, hints: [], category: null, tags: [], difficulty: null, sources: [{ file: 'a.md', line: 1 }] };
}

/** A bank of n distinct questions; `edited` swaps two letters in every 10th one, as a typo fix would. */
function bank(n: number, edited = false): Question[] {
  return Array.from({ length: n }, (_, i) => {
    const text = `What does the pipeline stage number ${i} of the ingestion service do?`;
    return question(edited && i % 10 === 0 ? text.replace('ingestion', 'ingetsion') : text);
  });
}

describe('keeping ids in turns', () => {
  it('decides exactly as in one piece, and yields several times on a changed bank of thousands', async () => {
    const before = bank(5_000);
    const known = knownBank(
      before.map((q) => ({ id: q.id, text: q.question })),
      new Map(),
    );
    const after = bank(5_000, true);
    let pauses = 0;
    const inTurns = await keepIdsInTurns(after, known, async () => void pauses++);
    const whole = keepIds(after, known);
    expect(inTurns).toEqual(whole);
    expect(whole.carried).toHaveLength(500);
    expect(whole.carried.every((c) => c.how === 'edit')).toBe(true);
    // Every edited question kept the id it had before its typo.
    expect(whole.questions.map((q) => q.id)).toEqual(before.map((q) => q.id));
    // Slices are bounded by work, not by count: normalizing 500 gone and 500 new questions and matching
    // them is many slices' worth.
    expect(pauses).toBeGreaterThanOrEqual(4);
  });

  it('does not yield at all for a small bank, so a reload of a few questions costs no extra turns', async () => {
    let pauses = 0;
    const decision = await keepIdsInTurns(bank(20), emptyKnownBank(), async () => void pauses++);
    expect(decision.questions).toHaveLength(20);
    expect(pauses).toBe(0);
  });
});
