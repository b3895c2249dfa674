import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/create-store.js';
import { type Harness, buttonOf, messages, startHarness, textOf } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const command = async (harness: Harness, user: string, text: string) => {
  const res = await harness.post('/api/command', { user, text });
  expect(res.status, text).toBe(200);
  return (await res.json()) as { messageId: string; ephemeral: boolean; blocks: { html?: string }[] };
};

describe('the playground channel over HTTP (real web adapter, real engine and commands)', () => {
  it('opens on today’s daily question, with a 09:00 daily schedule and private reveals set up on first start', async () => {
    h = await startHarness();
    const [post, ...rest] = await messages(h, 'Ada');
    expect(rest).toEqual([]);
    expect(post).toMatchObject({ kind: 'post', daily: true, onlyYou: false, invokedBy: null });
    expect(post?.blocks[0]).toMatchObject({ type: 'question', titleHtml: 'Daily question' });
    expect(post?.blocks[0]?.footerHtml).toContain('React 👀 to see the answer');

    const { channels } = await h.json<{ channels: Record<string, unknown>[] }>('/api/schedules');
    expect(channels).toEqual([
      expect.objectContaining({
        platform: 'web',
        channelId: 'playground',
        enabled: true,
        schedule: expect.stringMatching(/09:00/),
        timezone: 'UTC',
        reveal: expect.stringMatching(/private/i),
      }),
    ]);
    // Monday 23 Nov 2026, 08:00 UTC: the next posts are today, tomorrow and the day after at 09:00.
    expect(channels[0]?.['nextRuns']).toEqual(['Mon 23 Nov, 09:00 (UTC)', 'Tue 24 Nov, 09:00 (UTC)', 'Wed 25 Nov, 09:00 (UTC)']);
    expect(channels[0]?.['lastPost']).toMatchObject({ seq: 1 });
  });

  it('keeps the conversation across a restart on the same store and posts nothing new', async () => {
    const store = await createStore('memory://');
    const first = await startHarness({ store });
    await command(first, 'Ada', 'team join Blue');
    const before = await messages(first, 'Ada');
    await first.stop({ keepStore: true });

    h = await startHarness({ store });
    const after = await messages(h, 'Ada');
    expect(after.map((m) => m.id)).toEqual(before.map((m) => m.id));
    expect(after.filter((m) => m.daily)).toHaveLength(1);
    // New messages carry on the numbering instead of reusing an id the core may still know.
    const next = await command(h, 'Ada', 'help');
    expect(before.map((m) => m.id)).not.toContain(next.messageId);
  });

  it('reveals the answer to whoever reacts 👀, only to them, and their grade reaches the leaderboard', async () => {
    h = await startHarness();
    const [post] = await messages(h, 'Ada');
    const reacted = await h.post('/api/reaction', { user: 'Ada', messageId: post?.id, emoji: '👀' });
    expect(await reacted.json()).toEqual({ ok: true, added: true });

    const ada = await messages(h, 'Ada');
    const answer = ada.find((m) => m.onlyYou);
    expect(answer).toMatchObject({ kind: 'private', parentId: post?.id });
    expect(textOf(answer!)).toContain('Answer to daily question #1');
    expect(ada[0]?.reactions).toEqual([{ emoji: '👀', count: 1, mine: true }]);

    const bob = await messages(h, 'Bob');
    expect(bob.some((m) => m.onlyYou)).toBe(false);
    expect(bob[0]?.reactions).toEqual([{ emoji: '👀', count: 1, mine: false }]);

    const got = await h.post('/api/action', { user: 'Ada', messageId: answer?.id, action: buttonOf(answer!, /^Got it$/).action });
    expect(got.status).toBe(200);
    const gotBody = await got.json();
    expect(JSON.stringify(gotBody)).toMatch(/\+3|3 points/);
    // The grade took the private answer's place: one message, now with Ada's pick marked and switched off.
    expect(gotBody).toMatchObject({ replaced: answer?.id });
    const graded = (await messages(h, 'Ada')).filter((m) => m.kind === 'private');
    expect(graded.map((m) => m.id)).toEqual([answer?.id]);
    expect(buttonOf(graded[0]!, /^✓ Got it$/)).toMatchObject({ disabled: true, selected: true });

    const board = await h.json<{ rows: { name: string; points: number }[]; own: { rank: number; points: number } | null }>('/api/leaderboard?kind=people&period=week&user=Ada');
    expect(board.rows).toEqual([expect.objectContaining({ name: 'Ada', points: 3 })]);
    expect(board.own).toEqual({ rank: 1, points: 3 });
    const history = await h.json<{ weeks: string[]; series: { name: string; points: number[]; you: boolean }[] }>('/api/history?kind=people&user=Ada');
    expect(history.weeks).toHaveLength(8);
    expect(history.weeks.at(-1)).toBe('2026-W48');
    expect(history.series).toEqual([{ id: 'ada', name: 'Ada', points: [0, 0, 0, 0, 0, 0, 0, 3], you: true }]);

    // Taking the reaction back and reacting again does not reveal twice.
    await h.post('/api/reaction', { user: 'Ada', messageId: post?.id, emoji: '👀', remove: true });
    await h.post('/api/reaction', { user: 'Ada', messageId: post?.id, emoji: '👀' });
    expect((await messages(h, 'Ada')).filter((m) => m.kind === 'private')).toHaveLength(1);
  });

  it('runs typed commands like the bots: ephemeral replies for the asker, public ones for all, in order', async () => {
    h = await startHarness();
    const help = await command(h, 'Ada', 'help');
    expect(help.ephemeral).toBe(true);
    const adaHelp = (await messages(h, 'Ada')).find((m) => m.id === help.messageId);
    expect(adaHelp).toMatchObject({ onlyYou: true, invokedBy: { name: 'Ada', text: 'help' } });
    expect((await messages(h, 'Bob')).some((m) => m.id === help.messageId)).toBe(false);

    const unknown = await command(h, 'Ada', 'dance');
    expect(JSON.stringify(unknown)).toContain('There is no <code>dance</code> command');

    const quiz = await command(h, 'Ada', 'quiz count:1');
    expect(quiz.ephemeral).toBe(false);
    const bob = await messages(h, 'Bob');
    const announce = bob.findIndex((m) => m.id === quiz.messageId);
    expect(announce).toBeGreaterThan(0);
    expect(bob[announce]).toMatchObject({ kind: 'post', invokedBy: { name: 'Ada', text: 'quiz count:1' } });
    expect(textOf(bob[announce]!)).toContain('Quiz time!');
    const question = bob[announce + 1];
    expect(question?.kind).toBe('post');

    const [first] = question!.blocks.flatMap((b) => b.buttons ?? []);
    const pressed = await h.post('/api/action', { user: 'Bob', messageId: question?.id, action: first?.action });
    expect(pressed.status).toBe(200);
    expect((await messages(h, 'Bob')).at(-1)).toMatchObject({ kind: 'private', parentId: question?.id });

    // The time limit passes: the question closes with its buttons off, and the summary is posted.
    await h.fake!.timers.advance(31_000);
    const after = await messages(h, 'Ada');
    const closed = after.find((m) => m.id === question?.id);
    expect(closed?.blocks.flatMap((b) => b.buttons ?? []).every((b) => b.disabled)).toBe(true);
    expect(textOf(after.at(-1)!)).toContain('Quiz over!');

    const stale = await h.post('/api/action', { user: 'Bob', messageId: question?.id, action: first?.action });
    expect(stale.status).toBe(409);
  });

  it('only takes a button press for a button the message really carries, on a message the person can see', async () => {
    h = await startHarness();
    const [post] = await messages(h, 'Ada');
    const forged = await h.post('/api/action', { user: 'Ada', messageId: post?.id, action: 'daily:grade:whatever:got' });
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({ error: 'That button is not on this message.' });

    await h.post('/api/reaction', { user: 'Ada', messageId: post?.id, emoji: '👀' });
    const answer = (await messages(h, 'Ada')).find((m) => m.onlyYou);
    const notYours = await h.post('/api/action', { user: 'Bob', messageId: answer?.id, action: buttonOf(answer!, /^Got it$/).action });
    expect(notYours.status).toBe(404);
    expect((await h.post('/api/reaction', { user: 'Ada', messageId: 'web:playground:999', emoji: '👀' })).status).toBe(404);
  });

  it('streams a change event to the page whenever the channel changes', async () => {
    h = await startHarness();
    const controller = new AbortController();
    const res = await h.get('/api/events', { signal: controller.signal });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let seen = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(seen)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended; saw: ${seen}`);
        seen += decoder.decode(value);
      }
    };
    await readUntil(/event: change\ndata: \{"version":\d+\}/);
    const initial = Number(/"version":(\d+)/.exec(seen)?.[1]);
    await command(h, 'Ada', 'help');
    await readUntil(new RegExp(`"version":${initial + 1}\\b`));

    // An open stream must not hold up a shutdown.
    const stopping = Date.now();
    await h.stop();
    h = undefined;
    expect(Date.now() - stopping).toBeLessThan(2000);
    controller.abort();
  });
});
