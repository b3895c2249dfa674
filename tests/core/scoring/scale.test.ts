import sqlite3 from 'sqlite3';
import { expect, it } from 'vitest';
import { createScoringService } from '../../../src/core/scoring/index.js';
import { boardKey, DEFAULT_NAMESPACE } from '../../../src/store/keys.js';
import type { Store } from '../../../src/store/store.js';
import { type Harness, WS, describeEachStore, person } from './harness.js';

const PEOPLE = 100_000;
const BOARD = 'discord:guild-1:board:people:all';

/** Fills one board with 100,000 people, scores 0…99,999, without going through grading. */
async function seed(h: Harness): Promise<void> {
  if (!h.file) {
    for (let i = 0; i < PEOPLE; i++) await h.store.boardAdd(BOARD, `U-${i}`, i);
    return;
  }
  const db = new sqlite3.Database(h.file);
  const run = (sql: string, params: (string | number)[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (error: Error | null) => (error ? reject(error) : resolve())));
  await run('BEGIN');
  const board = boardKey(DEFAULT_NAMESPACE, BOARD);
  for (let i = 0; i < PEOPLE; i += 500) {
    const rows = Array.from({ length: Math.min(500, PEOPLE - i) }, (_, k) => i + k);
    await run(
      `INSERT INTO recall_boards (board, member, score) VALUES ${rows.map(() => '(?, ?, ?)').join(',')}`,
      rows.flatMap((n) => [board, `U-${n}`, n]),
    );
  }
  await run('COMMIT');
  await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

/** The store as the service sees it, recording how many rows each boardTop asked for. */
function watching(store: Store, topLimits: number[]): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'boardTop') {
        return (board: string, n: number) => {
          topLimits.push(n);
          return target.boardTop(board, n);
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describeEachStore('a board with 100,000 people', (h) => {
  it('shows the top 10 and a rank deep in the board quickly, reading only the top rows', { timeout: 60_000 }, async () => {
    await seed(h());
    const topLimits: number[] = [];
    const scoring = createScoringService({ world: { ...h().world, store: watching(h().store, topLimits) }, config: h().config });

    const started = performance.now();
    const board = await scoring.leaderboard({ workspace: WS, kind: 'people', period: 'all', user: person('U-10'), at: h().world.clock.now() });
    const took = performance.now() - started;

    expect(board.rows).toHaveLength(10);
    expect(board.rows[0]).toMatchObject({ rank: 1, id: 'U-99999', points: 99_999 });
    expect(board.own).toEqual({ rank: PEOPLE - 10, points: 10 });
    expect(topLimits).toEqual([10]);
    expect(took).toBeLessThan(1000);
  });
});
