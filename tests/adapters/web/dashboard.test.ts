import { afterEach, describe, expect, it } from 'vitest';
import { loadSeeds } from '../../helpers/bank.js';
import { type Harness, buttonOf, messages, startHarness, textOf } from './harness.js';
import { seedsWithHostile } from './test-bank.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

interface BankJson {
  total: number;
  questions: { id: string; html: string; category: string | null; tags: string[]; answered: boolean; sources: { file: string; line: number }[] }[];
  categories: { name: string; questions: number; answered: number }[];
  tags: { name: string; questions: number }[];
  warnings: { file: string; line: number; message: string }[];
}

async function revealAndGrade(harness: Harness, user: string, grade: RegExp) {
  const post = (await messages(harness, user)).filter((m) => m.daily).at(-1);
  await harness.post('/api/reaction', { user, messageId: post?.id, emoji: '👀' });
  const answer = (await messages(harness, user)).filter((m) => m.onlyYou && m.parentId === post?.id).at(-1);
  const res = await harness.post('/api/action', { user, messageId: answer?.id, action: buttonOf(answer!, grade).action });
  expect(res.status).toBe(200);
}

describe('the dashboard API: boards, teams and seasons (real web adapter and scoring)', () => {
  it('ranks people and teams by period, says when no season runs, and archives a season', async () => {
    h = await startHarness();
    await h.post('/api/command', { user: 'Ada', text: 'team create Blue' });
    await h.post('/api/command', { user: 'Ada', text: 'team create Red' });
    await h.post('/api/command', { user: 'Ada', text: 'team join Blue' });
    await h.post('/api/command', { user: 'Bob', text: 'team join Red' });
    await revealAndGrade(h, 'Ada', /^Got it$/);
    await revealAndGrade(h, 'Bob', /^Partly$/);

    const people = await h.json<{ rows: { name: string; points: number }[]; periodLabel: string }>('/api/leaderboard?kind=people&period=month');
    expect(people.periodLabel).toBe('November 2026');
    expect(people.rows.map((r) => [r.name, r.points])).toEqual([
      ['Ada', 3],
      ['Bob', 1],
    ]);

    const teams = await h.json<{ rows: { name: string; points: number; members: number }[]; own: unknown }>('/api/leaderboard?kind=teams&period=all&user=Bob');
    expect(teams.rows.map((r) => [r.name, r.points, r.members])).toEqual([
      ['Blue', 3, 1],
      ['Red', 1, 1],
    ]);
    expect(teams.own).toEqual({ rank: 2, points: 1 });
    expect((await h.json<{ teams: { name: string }[] }>('/api/teams')).teams.map((t) => t.name)).toEqual(['Blue', 'Red']);

    const noSeason = await h.json<{ rows: unknown[]; notice: string }>('/api/leaderboard?period=season');
    expect(noSeason.rows).toEqual([]);
    expect(noSeason.notice).toMatch(/No season is running/);

    // Seasons are admin commands: the local person of the playground is its admin.
    await h.post('/api/command', { user: 'Ada', text: 'season start Autumn' });
    expect(await h.json('/api/seasons')).toMatchObject({ current: { name: 'Autumn' }, archive: [] });
    await h.post('/api/command', { user: 'Ada', text: 'daily now' });
    await revealAndGrade(h, 'Ada', /^Got it$/);
    await h.post('/api/command', { user: 'Ada', text: 'season end' });
    const seasons = await h.json<{ current: unknown; archive: { season: { name: string }; people: { name: string; points: number }[] }[] }>('/api/seasons');
    expect(seasons.current).toBeNull();
    expect(seasons.archive).toHaveLength(1);
    expect(seasons.archive[0]?.season.name).toBe('Autumn');
    expect(seasons.archive[0]?.people.map((p) => p.name)).toEqual(['Ada']);
  });

  it('draws points per ISO week from the weekly boards, leaders first', async () => {
    h = await startHarness();
    await revealAndGrade(h, 'Ada', /^Got it$/);
    // A week later, Bob and Ada both grade the next question.
    h.fake!.clock.advance(7 * 24 * 3600_000);
    await h.post('/api/command', { user: 'Ada', text: 'daily now' });
    await revealAndGrade(h, 'Bob', /^Got it$/);
    await revealAndGrade(h, 'Ada', /^Partly$/);
    const history = await h.json<{ weeks: string[]; series: { name: string; points: number[] }[] }>('/api/history?kind=people&weeks=3');
    expect(history.weeks).toEqual(['2026-W47', '2026-W48', '2026-W49']);
    expect(history.series.map((s) => [s.name, s.points])).toEqual([
      ['Ada', [0, 3, 1]],
      ['Bob', [0, 0, 3]],
    ]);
  });
});

describe('the bank API (real bank service and renderers)', () => {
  it('lists every seed question with its source file:line, filters by category, tag and answer, and searches', async () => {
    h = await startHarness({ bank: seedsWithHostile() });
    const all = await h.json<BankJson>('/api/bank?limit=200');
    const seeds = loadSeeds();
    expect(all.total).toBe(seeds.questions.length + 4);
    expect(all.questions).toHaveLength(200);
    expect(all.questions[0]?.sources[0]).toEqual({ file: expect.stringMatching(/^questions\/.+\.(md|txt)$/), line: expect.any(Number) });

    const prompt = await h.json<BankJson>('/api/bank?category=Prompt%20Engineering&limit=200');
    expect(prompt.total).toBe(seeds.questions.filter((q) => q.category === 'Prompt Engineering').length);
    expect(prompt.questions.every((q) => q.category === 'Prompt Engineering')).toBe(true);

    const tagged = await h.json<BankJson>('/api/bank?tag=xss');
    expect(tagged.questions.map((q) => q.tags)).toEqual([
      ['xss', 'security'],
      ['xss', 'security'],
      ['xss', 'security'],
    ]);
    expect(all.tags).toContainEqual({ name: 'xss', questions: 3 });

    const open = await h.json<BankJson>('/api/bank?answered=no&limit=200');
    expect(open.total).toBe(seeds.questions.filter((q) => q.answer === null).length + 1);
    expect(open.questions.every((q) => !q.answered)).toBe(true);
    const answered = await h.json<BankJson>('/api/bank?answered=yes&tag=security');
    expect(answered.questions.map((q) => q.answered)).toEqual([true, true]);

    const found = await h.json<BankJson>('/api/bank?q=content%20security%20policy');
    expect(found.questions[0]?.html).toBe('<p>What does a Content-Security-Policy do?</p>');
    const byId = await h.json<BankJson>(`/api/bank?q=${found.questions[0]?.id}`);
    expect(byId.questions[0]?.id).toBe(found.questions[0]?.id);
  });

  it('reports the loader’s warnings as file:line: message', async () => {
    h = await startHarness();
    const { warnings } = await h.json<BankJson>('/api/bank');
    expect(warnings).toEqual([{ file: 'questions/broken.md', line: 5, message: expect.stringMatching(/never closed/) }]);
  });

  it('previews a question as Discord and Slack would show it, rendered on the server', async () => {
    h = await startHarness();
    const { questions } = await h.json<BankJson>('/api/bank?q=content%20security');
    const preview = await h.json<{ discord: { text: string; html: string }[]; slack: { text: string; html: string }[] }>(`/api/bank/${questions[0]?.id}/preview`);
    expect(preview.discord[0]?.text).toContain('**What does a Content-Security-Policy do?**');
    expect(preview.discord[0]?.html).toContain('<strong>What does a Content-Security-Policy do?</strong>');
    expect(preview.discord[0]?.html).toContain('<code>script-src &#39;self&#39;</code>');
    expect(preview.slack[0]?.text).toMatch(/\*What does a Content-Security-Policy do\?\*/);
    expect(preview.slack[0]?.html).toContain('<strong>What does a Content-Security-Policy do?</strong>');
    expect(preview.slack[0]?.html).toContain('<em>Category: Web safety · Tags: xss, security</em>');
  });
});

describe('escaping on every rendering path (real server, a bank with <script> in it)', () => {
  const SCRIPT = /<script/i;

  it('returns the question’s <script> as escaped text in the bank list and both previews', async () => {
    h = await startHarness();
    const res = await h.get('/api/bank?tag=xss');
    const raw = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(raw).not.toMatch(SCRIPT);
    const { questions } = JSON.parse(raw) as BankJson;
    const hostile = questions.find((q) => q.html.includes('__pwned=1'));
    expect(hostile?.html).toBe('<p>What does <span class="md-raw">&lt;script&gt;</span>window.__pwned=1<span class="md-raw">&lt;/script&gt;</span> do in a question?</p>');

    const preview = await (await h.get(`/api/bank/${hostile?.id}/preview`)).text();
    expect(preview).not.toMatch(SCRIPT);
  });

  it('returns it escaped in the channel too: the question and its answer as the bot posts them', async () => {
    h = await startHarness();
    const id = (await h.json<BankJson>('/api/bank?tag=xss')).questions.find((q) => q.html.includes('__pwned=1'))?.id;
    await h.post('/api/command', { user: 'Ada', text: `bank show ${id}` });
    const search = await h.post('/api/command', { user: 'Ada', text: 'bank search pwned' });
    expect(await search.text()).not.toMatch(SCRIPT);
    const res = await h.get('/api/messages?user=Ada');
    const raw = await res.text();
    expect(raw).toContain('__pwned=1');
    expect(raw).toContain('__pwned=2');
    expect(raw).not.toMatch(SCRIPT);
    const shown = (JSON.parse(raw) as { messages: { blocks: { html?: string }[] }[] }).messages.map((m) => textOf(m as never)).join('\n');
    expect(shown).toContain('<span class="md-raw">&lt;script&gt;</span>window.__pwned=2<span class="md-raw">&lt;/script&gt;</span> shows as text');
  });

  it('keeps what people type as text: escaped inside rendered HTML, plain in text-only fields', async () => {
    h = await startHarness();
    const name = '<img src=x onerror=alert(1)>';
    await h.post('/api/command', { user: name, text: 'team create <b>Bold</b>' });
    const [, reply] = await messages(h, name);
    // Text-only fields are set with textContent by the page (the browser test checks that end).
    expect(reply?.invokedBy).toEqual({ name, text: 'team create <b>Bold</b>' });
    const html = JSON.stringify(reply?.blocks);
    expect(html).toContain('&lt;b&gt;Bold&lt;/b&gt;');
    expect(html).not.toMatch(/<img|<b>/);
    const board = await (await h.get('/api/teams')).json();
    expect(JSON.stringify(board)).not.toMatch(/<img/);
  });
});
