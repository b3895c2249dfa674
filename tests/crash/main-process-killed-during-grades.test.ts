import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { slotsOf } from '../../src/core/scoring/boards.js';
import { boardName, scoringKeys } from '../../src/core/scoring/keys.js';
import type { GradeRecord } from '../../src/core/scoring/store.js';
import { parseGradeKey } from '../../src/core/scoring/repair.js';
import type { StatsRecord } from '../../src/core/scoring/stats-record.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { type MainProcess, freePort, startMain } from '../helpers/main-process.js';

const PEOPLE = 95;
const GRADES = ['Got it', 'Partly', 'Missed it'];

let running: MainProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  running?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
  running = undefined;
  dir = undefined;
});

interface Button {
  action: string;
  label: string;
}

async function startPlayground(file: string, opts: { firstStart: boolean }): Promise<{ main: MainProcess; url: string }> {
  const port = await freePort();
  const main = startMain({ HOME: dir ?? '', PORT: String(port), STORE_URL: file, LOG_LEVEL: 'warn' });
  running = main;
  await main.waitForOutput('Recall playground:', 60_000);
  const url = `http://127.0.0.1:${port}`;
  if (!opts.firstStart) return { main, url };
  // The address is printed before the engine starts: wait for today's question to be in the channel.
  const until = Date.now() + 30_000;
  for (;;) {
    const res = await fetch(`${url}/api/messages?user=Watcher`);
    const { messages } = (await res.json()) as { messages: { daily?: boolean }[] };
    if (messages.some((m) => m.daily === true)) break;
    if (Date.now() > until) throw new Error(`no daily question within 30 s; output:\n${main.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { main, url };
}

const post = async (url: string, route: string, body: Record<string, unknown>): Promise<Response> =>
  fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** Each person's private answer to today's question, with its grade buttons. */
async function reveal(url: string, user: string): Promise<{ messageId: string; buttons: Button[] }> {
  const res = await post(url, '/api/command', { user, text: 'reveal' });
  expect(res.status).toBe(200);
  const reply = (await res.json()) as { messageId: string; blocks: { buttons?: Button[] }[] };
  return { messageId: reply.messageId, buttons: reply.blocks.flatMap((b) => b.buttons ?? []) };
}

async function allGradeRecords(store: Store): Promise<{ key: string; userId: string; record: GradeRecord }[]> {
  const found: { key: string; userId: string; record: GradeRecord }[] = [];
  const seen = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await store.scanKeys(':grade:', cursor, 500);
    for (const key of page.keys) {
      const parsed = parseGradeKey(key);
      const record = parsed && !seen.has(key) ? await store.get<GradeRecord>(key) : undefined;
      seen.add(key);
      if (parsed && record) found.push({ key, userId: parsed.userId, record });
    }
    cursor = page.cursor;
  } while (cursor !== null);
  return found;
}

describe('src/main.ts killed with SIGKILL during a burst of grade presses on a SQLite store', () => {
  it('restarts with every board equal to the sum of the grade records, and none negative', { timeout: 240_000 }, async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'recall-crash-'));
    const file = path.join(dir, 'recall.sqlite');
    const people = Array.from({ length: PEOPLE }, (_, i) => `Person ${i}`);

    const first = await startPlayground(file, { firstStart: true });
    const answers = new Map<string, { messageId: string; buttons: Button[] }>();
    for (const user of people) answers.set(user, await reveal(first.url, user));

    // Every person presses each grade at once, three presses each; the process dies a third of the way in.
    const presses = people.flatMap((user) =>
      GRADES.map((label) => {
        const answer = answers.get(user);
        const button = answer?.buttons.find((b) => b.label === label);
        if (!answer || !button) throw new Error(`no ${label} button for ${user}`);
        return { user, messageId: answer.messageId, action: button.action };
      }),
    );
    let answered = 0;
    let killed = false;
    await Promise.allSettled(
      presses.map(async (press) => {
        await post(first.url, '/api/action', press);
        answered += 1;
        if (!killed && answered >= presses.length / 3) {
          killed = true;
          first.main.child.kill('SIGKILL');
        }
      }),
    );
    expect(killed, 'the process answered too few presses to be killed in the middle').toBe(true);
    expect(await first.main.exitWithin(10_000)).toBeNull();
    expect(answered).toBeLessThan(presses.length);

    // Restarted on the same file, everyone grades again: nothing is lost or counted twice, and a change
    // never subtracts points the boards did not get. (The channel's messages are revealed afresh: the
    // playground's log of private replies is not what this test is about.)
    const second = await startPlayground(file, { firstStart: false });
    const again = await Promise.all(
      people.map(async (user) => {
        const answer = await reveal(second.url, user);
        // Someone whose grade that landed before the kill was Partly sees it marked `✓ Partly` and switched
        // off (buttons that remember): their grade already stands, there is nothing to press.
        if (answer.buttons.some((b) => b.label === '✓ Partly')) return undefined;
        const partly = answer.buttons.find((b) => b.label === 'Partly');
        return post(second.url, '/api/action', { user, messageId: answer.messageId, action: partly?.action });
      }),
    );
    const failed = again.filter((res) => res !== undefined && res.status !== 200);
    expect(failed.length, await failed[0]?.text()).toBe(0);
    second.main.child.kill('SIGTERM');
    expect(await second.main.exitWithin(15_000), second.main.output()).toBe(0);

    const store = await createStore(file);
    try {
      const records = await allGradeRecords(store);
      expect(records).toHaveLength(PEOPLE);
      for (const { record, userId } of records) {
        expect(record.grade).toBe('partly');
        const ws = { platform: 'web' as const, workspaceId: parseGradeKey(records[0]?.key ?? '')?.ws.workspaceId ?? '' };
        for (const slot of slotsOf(record.placement)) {
          expect((await store.boardRank(boardName(ws, 'people', slot), userId))?.score, `${userId} on ${slot.period}`).toBe(record.points);
        }
        const stats = await store.get<StatsRecord>(scoringKeys.stats(ws, userId));
        expect(stats).toMatchObject({ graded: 1, counts: { got: 0, partly: 1, missed: 0 } });
      }
      const all = records[0] ? boardName(parseGradeKey(records[0].key)?.ws ?? { platform: 'web', workspaceId: '' }, 'people', { period: 'all' }) : '';
      const rows = await store.boardTop(all, 1000);
      expect(rows).toHaveLength(PEOPLE);
      expect(rows.every((row) => row.score >= 0)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
