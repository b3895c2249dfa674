import { createClient } from '@keyv/redis';
import sqlite3 from 'sqlite3';
import type { BankLoadResult, Question } from '../../src/bank/types.js';
import { dueScore } from '../../src/core/practice/due-index.js';
import { practiceKeys } from '../../src/core/practice/keys.js';
import type { WorkspaceRef } from '../../src/core/refs.js';
import { seededRandom } from '../../src/core/random.js';
import { boardKey } from '../../src/store/keys.js';

export const WS: WorkspaceRef = { platform: 'discord', workspaceId: 'bench-guild' };
const CATEGORIES = ['Attention', 'Retrieval', 'Fine tuning', 'Evaluation', 'Serving'];
const DAY = 86_400_000;

export const questionId = (i: number): string => `q-${String(i).padStart(5, '0')}`;
export const userId = (p: number): string => `U-${String(p).padStart(5, '0')}`;

/** A bank of `n` answered questions with the ids the seeded cards use. */
export function syntheticBank(n: number): BankLoadResult {
  const questions: Question[] = Array.from({ length: n }, (_, i) => ({
    id: questionId(i),
    question: `Synthetic question ${i}?`,
    answer: `Answer ${i}.`,
    hints: [],
    category: CATEGORIES[i % CATEGORIES.length] ?? null,
    tags: [],
    difficulty: null,
    sources: [],
  }));
  return { questions, warnings: [], files: [] };
}

/**
 * One person's due index: `cards` question ids from the bank, due from 30 days ago to a year ahead, so
 * about one card in thirteen is due at `now` (a person back after a month away has more).
 */
export function dueEntries(p: number, cards: number, bankSize: number, now: number): { member: string; score: number }[] {
  const random = seededRandom(p + 1);
  const offset = Math.floor(random.next() * bankSize);
  return Array.from({ length: cards }, (_, i) => ({
    member: questionId((offset + i) % bankSize),
    score: dueScore(now - 30 * DAY + Math.floor(random.next() * 395 * DAY)),
  }));
}

/**
 * Straight into recall_boards, as the store's own rows (namespace#board:…), 500 rows per statement and
 * one transaction per 50 people: the store API writes one row per call, which would take hours for 20M.
 */
export async function seedSqlite(file: string, namespace: string, people: number, cards: number, bankSize: number, now: number, progress: (done: number) => void): Promise<void> {
  const db = new sqlite3.Database(file);
  const run = (sql: string, params: (string | number)[] = []) => new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  await run('PRAGMA journal_mode = WAL');
  await run('PRAGMA synchronous = OFF');
  const ROWS = 500;
  for (let p = 0; p < people; p++) {
    if (p % 50 === 0) await run('BEGIN');
    const board = boardKey(namespace, practiceKeys.due(WS, userId(p)));
    const entries = dueEntries(p, cards, bankSize, now);
    for (let i = 0; i < entries.length; i += ROWS) {
      const chunk = entries.slice(i, i + ROWS);
      await run(
        `INSERT INTO recall_boards (board, member, score) VALUES ${chunk.map(() => '(?, ?, ?)').join(',')}`,
        chunk.flatMap((e) => [board, e.member, e.score]),
      );
    }
    if (p % 50 === 49 || p === people - 1) {
      await run('COMMIT');
      progress(p + 1);
    }
  }
  await new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())));
}

/** ZADD of each person's whole index in one call, 64 people in flight. */
export async function seedRedis(url: string, namespace: string, people: number, cards: number, bankSize: number, now: number, progress: (done: number) => void): Promise<void> {
  const client = createClient({ url });
  await client.connect();
  const IN_FLIGHT = 64;
  for (let p = 0; p < people; p += IN_FLIGHT) {
    const batch = Array.from({ length: Math.min(IN_FLIGHT, people - p) }, (_, i) => p + i);
    await Promise.all(
      batch.map((q) =>
        client.zAdd(
          boardKey(namespace, practiceKeys.due(WS, userId(q))),
          dueEntries(q, cards, bankSize, now).map((e) => ({ score: e.score, value: e.member })),
        ),
      ),
    );
    if ((p / IN_FLIGHT) % 20 === 19 || p + IN_FLIGHT >= people) progress(Math.min(people, p + IN_FLIGHT));
  }
  await client.close();
}
