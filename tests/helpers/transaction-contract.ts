import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardIncrement, Store, TransactionPlan, TransactionSnapshot } from '../../src/store/store.js';
import type { ContractOptions } from './store-contract.js';

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** What a grade does, in miniature: a record, a counter beside it, and a board, moved together. */
const press = (snapshot: TransactionSnapshot): TransactionPlan<number> => {
  const count = (snapshot.value<number>('count') ?? 0) + 1;
  return {
    set: new Map<string, unknown>([
      ['count', count],
      ['last', { count }],
    ]),
    boardAdds: [{ board: 'all', member: 'alice', delta: 1 }],
    result: count,
  };
};

/** Store.transact and Store.scanKeys, as every backend promises them; each backend's test file runs it. */
export function describeTransactionContract(name: string, { open, clock }: ContractOptions): void {
  describe(`${name} store transactions`, () => {
    let store: Store;

    beforeEach(async () => {
      if (clock === 'fake') vi.useFakeTimers({ toFake: ['Date'] });
      store = await open();
    });

    afterEach(async () => {
      await store.close();
      vi.useRealTimers();
    });

    /** The values and the one board every test here touches, to compare before and after a refused transaction. */
    const state = async () => ({
      count: await store.get('count'),
      last: await store.get('last'),
      board: await store.boardTop('all', 10),
      other: await store.boardTop('other', 10),
    });

    it('shows fn the current values and scores and commits its values and board adds together', async () => {
      await store.set('count', 4);
      await store.boardAdd('all', 'alice', 10);
      const seen: unknown[] = [];
      const result = await store.transact(
        {
          keys: ['count', 'last'],
          scores: [
            { board: 'all', member: 'alice' },
            { board: 'all', member: 'bob' },
          ],
        },
        (s) => {
          seen.push([s.value('count'), s.value('last'), s.score('all', 'alice'), s.score('all', 'bob')]);
          return press(s);
        },
      );
      expect(result).toBe(5);
      expect(seen.at(-1)).toEqual([4, undefined, 10, null]);
      expect(await state()).toEqual({ count: 5, last: { count: 5 }, board: [{ member: 'alice', score: 11 }], other: [] });
    });

    it('writes nothing when fn throws', async () => {
      await store.set('count', 1);
      await store.boardAdd('all', 'alice', 1);
      const before = await state();
      await expect(
        store.transact({ keys: ['count', 'last'] }, () => {
          throw new Error('decided nothing');
        }),
      ).rejects.toThrow('decided nothing');
      expect(await state()).toEqual(before);
    });

    it('writes nothing when one write of the plan is invalid, even the ones listed before it', async () => {
      await store.set('count', 1);
      const before = await state();
      const adds: BoardIncrement[] = [
        { board: 'all', member: 'alice', delta: 3 },
        { board: 'other', member: 'alice', delta: 3 },
        { board: 'all', member: 'bob', delta: Number.NaN },
      ];
      await expect(store.transact({ keys: ['count', 'last'] }, (s) => ({ ...press(s), boardAdds: adds }))).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
      });
      await expect(
        store.transact({ keys: ['count'] }, (s) => ({
          ...press(s),
          set: new Map<string, unknown>([
            ['count', 2],
            ['last', { sneaked: true }],
          ]),
        })),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(
        store.transact({ keys: ['count', 'last'] }, (s) => ({
          ...press(s),
          set: new Map<string, unknown>([
            ['count', 2],
            ['last', 10n],
          ]),
        })),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect(await state()).toEqual(before);
    });

    it('refuses to show fn a value or score it did not ask for', async () => {
      await expect(store.transact({ keys: ['count'] }, (s) => ({ result: s.value('last') }))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(store.transact({ keys: [] }, (s) => ({ result: s.score('all', 'alice') }))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    });

    it('never takes a floored score below its floor, and lifts one already below it', async () => {
      await store.boardAdd('all', 'alice', 2);
      await store.boardAdd('all', 'bob', -4);
      await store.transact({ keys: [] }, () => ({
        boardAdds: [
          { board: 'all', member: 'alice', delta: -3, floor: 0 },
          { board: 'all', member: 'bob', delta: 1, floor: 0 },
          { board: 'all', member: 'cy', delta: -2, floor: 0 },
          { board: 'all', member: 'di', delta: -2 },
        ],
        result: null,
      }));
      expect(await store.boardTop('all', 10)).toEqual([
        { member: 'alice', score: 0 },
        { member: 'bob', score: 0 },
        { member: 'cy', score: 0 },
        { member: 'di', score: -2 },
      ]);
    });

    it('treats an expired value as missing', async () => {
      await store.set('count', 7, 100);
      if (clock === 'fake') vi.setSystemTime(Date.now() + 1000);
      else await new Promise((resolve) => setTimeout(resolve, 250));
      expect(await store.transact({ keys: ['count', 'last'] }, press)).toBe(1);
    });

    it('keeps values and board in step through 200 concurrent transactions', async () => {
      const results = await Promise.all(times(200, () => store.transact({ keys: ['count', 'last'] }, press)));
      expect(new Set(results).size).toBe(200);
      expect(await state()).toEqual({ count: 200, last: { count: 200 }, board: [{ member: 'alice', score: 200 }], other: [] });
    });

    it('loses no update when transactions and plain updates of one key interleave', async () => {
      await Promise.all(times(200, (i) => (i % 2 === 0 ? store.transact({ keys: ['count', 'last'] }, press) : store.update<number>('count', (n) => (n ?? 0) + 1))));
      expect(await store.get('count')).toBe(200);
      expect(await store.boardTop('all', 1)).toEqual([{ member: 'alice', score: 100 }]);
    });

    describe('scanKeys', () => {
      const scanAll = async (contains: string, limit: number): Promise<string[]> => {
        const found = new Set<string>();
        let cursor: string | null = null;
        do {
          const page = await store.scanKeys(contains, cursor, limit);
          for (const key of page.keys) found.add(key);
          cursor = page.cursor;
        } while (cursor !== null);
        return [...found].sort();
      };

      it('pages through every value key containing the text, and nothing else', async () => {
        const grades = times(45, (i) => `ws${i % 3}:grade:p${i}:u${i}`);
        for (const key of grades) await store.set(key, { i: key });
        await store.set('ws0:stats:u1', 1);
        await store.set('ws0:graded-elsewhere', 1);
        await store.boardAdd('ws0:grade:board', 'alice', 1);
        expect(await scanAll(':grade:', 7)).toEqual([...grades].sort());
      });

      it('finds nothing in an empty store', async () => {
        expect(await scanAll(':grade:', 10)).toEqual([]);
      });
    });
  });
}
