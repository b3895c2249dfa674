import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../../src/store/store-error.js';
import type { Store } from '../../src/store/store.js';

export interface ContractOptions {
  /** Opens a fresh, empty store. */
  open: () => Promise<Store>;
  /**
   * 'fake': expiry is judged from stored timestamps, so the test moves Date forward.
   * 'real': the backend expires keys itself (Redis PX), so the test really waits.
   */
  clock: 'fake' | 'real';
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

/** The behaviour every backend promises; each backend's test file runs it. */
export function describeStoreContract(name: string, { open, clock }: ContractOptions): void {
  describe(`${name} store contract`, () => {
    let store: Store;
    let now = Date.now();

    /** Lets ms pass, in whichever way this backend's expiry can observe. */
    const elapse = async (ms: number): Promise<void> => {
      if (clock === 'fake') {
        now += ms;
        vi.setSystemTime(now);
      } else {
        await new Promise((resolve) => setTimeout(resolve, ms));
      }
    };

    beforeEach(async () => {
      if (clock === 'fake') {
        // Only Date: sqlite3 callbacks and real timers must keep running.
        vi.useFakeTimers({ toFake: ['Date'] });
        now = Date.now();
        vi.setSystemTime(now);
      }
      store = await open();
    });

    afterEach(async () => {
      await store.close();
      vi.useRealTimers();
    });

    describe('values', () => {
      it('gives back the JSON value that was set', async () => {
        const value = { name: 'cursor', at: 3, tags: ['a', 'b'], nested: { ok: true, none: null } };
        await store.set('question:1', value);
        expect(await store.get('question:1')).toEqual(value);
      });

      it('gives undefined for a key that was never set', async () => {
        expect(await store.get('nobody')).toBeUndefined();
      });

      it('keeps null, false, 0 and "" as values rather than treating them as missing', async () => {
        await store.set('null', null);
        await store.set('false', false);
        await store.set('zero', 0);
        await store.set('empty', '');
        expect([await store.get('null'), await store.get('false'), await store.get('zero'), await store.get('empty')]).toEqual([null, false, 0, '']);
      });

      it('replaces a value on a second set', async () => {
        await store.set('k', 1);
        await store.set('k', 2);
        expect(await store.get('k')).toBe(2);
      });

      it('deletes a value and reports whether there was one', async () => {
        await store.set('k', 'v');
        expect(await store.delete('k')).toBe(true);
        expect(await store.get('k')).toBeUndefined();
        expect(await store.delete('k')).toBe(false);
      });

      it('forgets a value once its ttl has passed, but not before', async () => {
        await store.set('short', 'lived', 200);
        await store.set('forever', 'stays');
        await elapse(clock === 'fake' ? 199 : 50);
        expect(await store.get('short')).toBe('lived');
        await elapse(clock === 'fake' ? 2 : 250);
        expect(await store.get('short')).toBeUndefined();
        expect(await store.get('forever')).toBe('stays');
      });

      it('reports false when deleting a value whose ttl has passed', async () => {
        await store.set('short', 'lived', 100);
        await elapse(clock === 'fake' ? 101 : 250);
        expect(await store.delete('short')).toBe(false);
      });

      it('refuses a ttl that is zero, negative or not a number', async () => {
        for (const ttl of [0, -5, Number.NaN]) {
          await expect(store.set('k', 1, ttl)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
        }
      });
    });

    describe('setIfAbsent', () => {
      it('is true for the first caller and false afterwards, keeping the first value', async () => {
        expect(await store.setIfAbsent('marker', { by: 'first' })).toBe(true);
        expect(await store.setIfAbsent('marker', { by: 'second' })).toBe(false);
        expect(await store.get('marker')).toEqual({ by: 'first' });
      });

      it('is false when the key was set by a plain set', async () => {
        await store.set('marker', 0);
        expect(await store.setIfAbsent('marker', 1)).toBe(false);
      });

      it('lets exactly one of 50 concurrent callers win', async () => {
        const results = await Promise.all(times(50, (i) => store.setIfAbsent('posted:2024-05-01', i)));
        expect(results.filter(Boolean)).toHaveLength(1);
        const winner = results.indexOf(true);
        expect(await store.get('posted:2024-05-01')).toBe(winner);
      });

      it('treats an expired marker as absent', async () => {
        expect(await store.setIfAbsent('lock', 'a', 100)).toBe(true);
        expect(await store.setIfAbsent('lock', 'b', 100)).toBe(false);
        await elapse(clock === 'fake' ? 101 : 250);
        expect(await store.setIfAbsent('lock', 'c', 100)).toBe(true);
        expect(await store.get('lock')).toBe('c');
      });
    });

    describe('renew', () => {
      const ttl = clock === 'fake' ? 100 : 300;

      it("keeps the holder's lock alive past its first expiry", async () => {
        expect(await store.setIfAbsent('lease', { owner: 'a' }, ttl)).toBe(true);
        await elapse(ttl * 0.6);
        expect(await store.renew('lease', { owner: 'a' }, ttl)).toBe(true);
        await elapse(ttl * 0.6);
        // Past the first expiry, inside the renewed one.
        expect(await store.setIfAbsent('lease', { owner: 'b' }, ttl)).toBe(false);
        expect(await store.get('lease')).toEqual({ owner: 'a' });
      });

      it('is false, and changes nothing, for a lock someone else holds or one that expired', async () => {
        expect(await store.setIfAbsent('lease', { owner: 'a' }, ttl)).toBe(true);
        expect(await store.renew('lease', { owner: 'b' }, ttl)).toBe(false);
        expect(await store.get('lease')).toEqual({ owner: 'a' });
        await elapse(ttl + (clock === 'fake' ? 1 : 150));
        expect(await store.renew('lease', { owner: 'a' }, ttl)).toBe(false);
        expect(await store.get('lease')).toBeUndefined();
        expect(await store.renew('never-set', { owner: 'a' }, ttl)).toBe(false);
      });

      it("release gives back only the caller's own live lock", async () => {
        expect(await store.setIfAbsent('lease', { owner: 'a' }, ttl)).toBe(true);
        expect(await store.release('lease', { owner: 'b' })).toBe(false);
        expect(await store.get('lease')).toEqual({ owner: 'a' });
        expect(await store.release('lease', { owner: 'a' })).toBe(true);
        expect(await store.get('lease')).toBeUndefined();
        expect(await store.setIfAbsent('lease', { owner: 'b' }, ttl)).toBe(true);
        // A's lock is gone; releasing again must not free B's.
        expect(await store.release('lease', { owner: 'a' })).toBe(false);
        expect(await store.get('lease')).toEqual({ owner: 'b' });
      });

      it('lets only one of two concurrent holders-to-be win after expiry, and only the winner renew', async () => {
        expect(await store.setIfAbsent('lease', 'a', ttl)).toBe(true);
        await elapse(ttl + (clock === 'fake' ? 1 : 150));
        const [b, c] = await Promise.all([store.setIfAbsent('lease', 'b', ttl), store.setIfAbsent('lease', 'c', ttl)]);
        expect([b, c].filter(Boolean)).toHaveLength(1);
        const winner = b ? 'b' : 'c';
        expect(await Promise.all(['a', 'b', 'c'].map((who) => store.renew('lease', who, ttl)))).toEqual(['a', 'b', 'c'].map((who) => who === winner));
      });
    });

    describe('update', () => {
      it('passes undefined for a missing key and stores what fn returns', async () => {
        const seen: unknown[] = [];
        const result = await store.update<number>('cursor', (current) => {
          seen.push(current);
          return (current ?? 10) + 1;
        });
        expect(result).toBe(11);
        expect(seen.at(-1)).toBeUndefined();
        expect(await store.get('cursor')).toBe(11);
      });

      it('ends at 200 after 200 concurrent increments', async () => {
        await Promise.all(times(200, () => store.update<number>('counter', (n) => (n ?? 0) + 1)));
        expect(await store.get('counter')).toBe(200);
      });

      it('drops the ttl of the value it replaces', async () => {
        await store.set('cursor', 5, 200);
        expect(await store.update<number>('cursor', (n) => (n ?? 0) + 1)).toBe(6);
        await elapse(clock === 'fake' ? 1000 : 300);
        expect(await store.get('cursor')).toBe(6);
      });

      it('treats an expired value as missing and keeps the result without expiry', async () => {
        await store.set('cursor', 5, 100);
        await elapse(clock === 'fake' ? 101 : 250);
        expect(await store.update<number>('cursor', (n) => (n ?? 0) + 1)).toBe(1);
        await elapse(clock === 'fake' ? 1000 : 250);
        expect(await store.get('cursor')).toBe(1);
      });
    });

    describe('boards', () => {
      const seed = async (scores: Record<string, number>): Promise<void> => {
        for (const [member, score] of Object.entries(scores)) await store.boardAdd('weekly', member, score);
      };

      it('returns the running score from boardAdd, starting at zero', async () => {
        expect(await store.boardAdd('weekly', 'alice', 2)).toBe(2);
        expect(await store.boardAdd('weekly', 'alice', 3.5)).toBe(5.5);
        expect(await store.boardAdd('weekly', 'alice', -1.5)).toBe(4);
      });

      it('loses nothing from 500 concurrent adds to one board', async () => {
        const members = ['ann', 'ben', 'cy', 'di', 'ed'];
        await Promise.all(times(500, (i) => store.boardAdd('weekly', members[i % members.length] ?? 'ann', 1)));
        expect(await store.boardSize('weekly')).toBe(5);
        expect(await store.boardTop('weekly', 5)).toEqual(members.map((member) => ({ member, score: 100 })));
      });

      it('lists the top n highest first, breaking ties by member ascending', async () => {
        await seed({ erin: 3, carol: 5, bob: 3, dave: 1, alice: 3 });
        expect(await store.boardTop('weekly', 10)).toEqual([
          { member: 'carol', score: 5 },
          { member: 'alice', score: 3 },
          { member: 'bob', score: 3 },
          { member: 'erin', score: 3 },
          { member: 'dave', score: 1 },
        ]);
      });

      it('cuts the top n inside a tie by keeping the members that sort first', async () => {
        await seed({ erin: 3, carol: 5, bob: 3, alice: 3 });
        expect(await store.boardTop('weekly', 2)).toEqual([
          { member: 'carol', score: 5 },
          { member: 'alice', score: 3 },
        ]);
        expect(await store.boardTop('weekly', 3)).toEqual([
          { member: 'carol', score: 5 },
          { member: 'alice', score: 3 },
          { member: 'bob', score: 3 },
        ]);
      });

      it('orders tied members by code point, as SQLite and Redis compare bytes', async () => {
        // U+1F600 sorts before U+FF5E in UTF-16 code units but after it by code point.
        await seed({ '\u{1F600}': 1, '\uFF5E': 1, z: 1, a: 1 });
        const members = (await store.boardTop('weekly', 4)).map((entry) => entry.member);
        expect(members).toEqual(['a', 'z', '\uFF5E', '\u{1F600}']);
        expect(await store.boardRank('weekly', '\u{1F600}')).toEqual({ rank: 4, score: 1 });
      });

      it('gives the whole board when n is larger than it, even Infinity', async () => {
        await seed({ bob: 1, alice: 2 });
        const whole = [
          { member: 'alice', score: 2 },
          { member: 'bob', score: 1 },
        ];
        expect(await store.boardTop('weekly', 50)).toEqual(whole);
        expect(await store.boardTop('weekly', Infinity)).toEqual(whole);
      });

      it('gives an empty list for n of zero or below, or a board that does not exist', async () => {
        await seed({ alice: 1 });
        expect(await store.boardTop('weekly', 0)).toEqual([]);
        expect(await store.boardTop('weekly', -3)).toEqual([]);
        expect(await store.boardTop('nothing', 5)).toEqual([]);
      });

      it('ranks the first and last members from 1, using the same tie order as boardTop', async () => {
        await seed({ erin: 3, carol: 5, bob: 3, dave: 1.5, alice: 3 });
        expect(await store.boardRank('weekly', 'carol')).toEqual({ rank: 1, score: 5 });
        expect(await store.boardRank('weekly', 'alice')).toEqual({ rank: 2, score: 3 });
        expect(await store.boardRank('weekly', 'erin')).toEqual({ rank: 4, score: 3 });
        expect(await store.boardRank('weekly', 'dave')).toEqual({ rank: 5, score: 1.5 });
      });

      it('gives a null rank for a member who is not on the board', async () => {
        await seed({ alice: 1 });
        expect(await store.boardRank('weekly', 'mallory')).toBeNull();
        expect(await store.boardRank('nothing', 'alice')).toBeNull();
      });

      it('keeps boards apart from each other and from values with similar names', async () => {
        await seed({ alice: 1 });
        await store.boardAdd('monthly', 'bob', 1);
        await store.set('board:weekly', 'a value');
        await store.set('weekly', 'another value');
        expect(await store.boardTop('weekly', 10)).toEqual([{ member: 'alice', score: 1 }]);
        expect(await store.boardSize('monthly')).toBe(1);
      });

      it('deletes a whole board and leaves the others', async () => {
        await seed({ alice: 1, bob: 2 });
        await store.boardAdd('monthly', 'bob', 1);
        await store.boardDelete('weekly');
        expect(await store.boardSize('weekly')).toBe(0);
        expect(await store.boardTop('weekly', 10)).toEqual([]);
        expect(await store.boardSize('monthly')).toBe(1);
      });

      it('refuses a delta that is not a finite number', async () => {
        await expect(store.boardAdd('weekly', 'alice', Number.NaN)).rejects.toBeInstanceOf(StoreError);
        await expect(store.boardAdd('weekly', 'alice', Infinity)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      });
    });

    describe('health', () => {
      it('answers ping while open and refuses it after close', async () => {
        await expect(store.ping()).resolves.toBeUndefined();
        await store.close();
        await expect(store.ping()).rejects.toMatchObject({ code: 'CLOSED' });
      });
    });
  });
}
