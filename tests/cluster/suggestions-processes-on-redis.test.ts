import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecallProcess, RedisServer, redisAvailability, redisRequired, startRecall, writeSmallBank } from './processes.js';

const SUITE = 'suggestions on two Recall processes (src/main.ts) sharing one real redis-server';
const { missing, binary } = redisAvailability(SUITE);

describe('the suggestions processes suite', () => {
  it.runIf(redisRequired)('has redis-server, as CI requires', () => {
    expect(binary, 'RECALL_REQUIRE_REDIS=1 but redis-server is not on PATH').not.toBeNull();
  });
});

/** What the page's text box gets back for a command line: every block as the page gets it (HTML), as one string to match. */
async function say(p: RecallProcess, user: string, text: string): Promise<string> {
  const res = await fetch(`${p.url}/api/command`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, text }) });
  const body = (await res.json()) as { blocks?: unknown[]; error?: string };
  if (res.status !== 200) throw new Error(`${p.name} ${text}: ${res.status} ${JSON.stringify(body)}`);
  return JSON.stringify(body.blocks ?? []);
}

async function post(p: RecallProcess, route: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${p.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** The dashboard's bank browser: what a search finds, each question's text as the page shows it. */
async function bankSearch(p: RecallProcess, words: string): Promise<{ id: string; html: string; suggestedBy: string | null }[]> {
  const res = await fetch(`${p.url}/api/bank?q=${encodeURIComponent(words)}`);
  const body = (await res.json()) as { questions: { id: string; html: string; suggestedBy: string | null }[] };
  return body.questions;
}

describe.skipIf(missing)(SUITE, () => {
  let dir: string;
  let redis: RedisServer;
  const processes: RecallProcess[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'recall-suggest-'));
    redis = await RedisServer.start(binary ?? 'redis-server', path.join(dir, 'redis'));
    const bankDir = writeSmallBank(path.join(dir, 'questions'));
    // Two playgrounds (no chat tokens): the person on 127.0.0.1 is their admin, as on a developer's machine.
    const env = { STORE_URL: redis.url, QUESTIONS_DIR: bankDir };
    processes.push(...(await Promise.all(['recall-a', 'recall-b'].map((name) => startRecall(name, env, dir)))));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
    await redis?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a suggestion approved on process A through its dashboard is served by process B at once, with who suggested it; an edit on B is what A approves', async () => {
    const [a, b] = processes as [RecallProcess, RecallProcess];
    const context = () => processes.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join('\n');

    expect(await say(a, 'Alice', 'suggest What is thrashing? || Paging so much that no work gets done. || Memory || paging')).toMatch(/s1.*pending/s);
    // B was running before the suggestion and has not served it: not in its bank yet.
    expect(await bankSearch(b, 'thrashing')).toEqual([]);

    // Approved on A's dashboard.
    const approved = await post(a, '/api/suggestions/decide', { user: 'Ada', workspace: 'web:local', id: 's1', decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    const questionId = (approved.json['suggestion'] as { questionId: string }).questionId;

    // B serves it on its next request, without a restart: its bank browser, `bank search` and `bank show`.
    const found = await bankSearch(b, 'thrashing');
    expect(found).toEqual([expect.objectContaining({ id: questionId, html: '<p>What is thrashing?</p>', suggestedBy: 'Alice' })]);
    expect(await say(b, 'Bob', 'bank search thrashing')).toMatch(/What is thrashing\?/);
    expect(await say(b, 'Bob', `bank show ${questionId}`)).toMatch(/suggestion by Alice/);
    // A approving again is once.
    const again = await post(a, '/api/suggestions/decide', { user: 'Ada', workspace: 'web:local', id: 's1', decision: 'approve' });
    expect(again.status).toBe(409);

    // The other way round: suggested on B, edited on B's dashboard, approved on A; B serves the edited words.
    expect(await say(b, 'Bob', 'suggest Wat is a TLB? || A cache. || Memory')).toMatch(/s2.*pending/s);
    const edited = await post(b, '/api/suggestions/edit', {
      user: 'Ada',
      workspace: 'web:local',
      id: 's2',
      question: 'What is a TLB?',
      answer: 'A cache of address translations.',
    });
    expect(edited.status, JSON.stringify(edited.json)).toBe(200);
    expect((await post(a, '/api/suggestions/decide', { user: 'Ada', workspace: 'web:local', id: 's2', decision: 'approve' })).status).toBe(200);
    const tlb = (await bankSearch(b, 'TLB')).find((q) => q.suggestedBy === 'Bob');
    expect(tlb?.html, context()).toBe('<p>What is a TLB?</p>');
    expect(await bankSearch(b, 'Wat')).toEqual([]);
  }, 120_000);
});
