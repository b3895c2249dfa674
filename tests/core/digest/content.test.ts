import { describe, expect, it } from 'vitest';
import { digestReply } from '../../../src/core/digest/replies.js';
import type { DigestContent } from '../../../src/core/digest/index.js';
import { replyText } from '../../../src/core/reply.js';
import { type Harness, admin, channel, openHarness, person, workspace } from './harness.js';

const [alice, bob, carol, dave, erin, frank, gina, hank, ivy] = ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Gina', 'Hank', 'Ivy'].map(person) as [
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
  ReturnType<typeof person>,
];

/** Daily post `seq` went out at 09:00Z on Nov 15 + seq: 1–7 in week 47 (Nov 16–22), 8–14 in week 48 (Nov 23–29). */
const postedAt = (seq: number): string => `2026-11-${String(15 + seq).padStart(2, '0')}T09:00:00Z`;

/**
 * Week 47: Alice 9 (3 got), Bob 6, Carol 3, Dave 0 (two misses). Week 48: Carol 18 (6 in a row up to the
 * latest post), Alice 6, Erin 6 (the two before the latest, which still takes grades), Ivy 3 (missed, then
 * changed to got), Bob 1 (partly), Frank, Gina, Hank 0. Question 12 is missed by Gina and by Hank (who first
 * said got), and got by Carol and Erin: the most missed, 2 of 4.
 */
async function seededWeek(): Promise<Harness> {
  const h = await openHarness({ start: '2026-11-10T08:00:00Z' });
  for (const [team, members] of [
    ['Red', [alice, dave]],
    ['Blue', [bob, carol]],
    ['Green', [erin]],
  ] as const) {
    await h.scoring.createTeam(workspace, team, admin);
    for (const m of members) await h.scoring.joinTeam(m, team);
  }
  const g = (user: typeof alice, seq: number, grade: 'got' | 'partly' | 'missed', lateBy = 1) =>
    h.grade(user, seq, postedAt(seq), grade, new Date(Date.parse(postedAt(seq)) + lateBy * 3_600_000).toISOString());
  for (const seq of [1, 2, 3]) await g(alice, seq, 'got');
  for (const seq of [4, 5]) await g(bob, seq, 'got');
  await g(carol, 7, 'got');
  for (const seq of [6, 7]) await g(dave, seq, 'missed');
  for (const seq of [9, 10, 11, 12, 13, 14]) await g(carol, seq, 'got');
  for (const seq of [8, 10]) await g(alice, seq, 'got');
  for (const seq of [12, 13]) await g(erin, seq, 'got');
  await g(bob, 11, 'partly');
  await g(frank, 14, 'missed');
  await g(gina, 12, 'missed');
  await g(hank, 12, 'got');
  await g(hank, 12, 'missed', 2);
  await g(ivy, 14, 'missed');
  await g(ivy, 14, 'got', 2);
  await h.latestDaily(14, postedAt(14));
  await h.digest.configure(channel, { weekday: 'sun', time: '18:00', timezone: 'Europe/Berlin' }, admin);
  return h;
}

const rows = (list: DigestContent['people']) => list.map((r) => [r.name, r.points, r.movement.kind === 'new' ? 'new' : r.movement.by]);

describe('the digest of a seeded week', () => {
  it('ranks the top five people with their points and their movement since the week before', async () => {
    const h = await seededWeek();
    const content = await h.digest.content(channel, new Date('2026-11-29T17:00:00Z'));
    expect(content.weekId).toBe('2026-W48');
    expect(content.weekLabel).toBe('week 48, 2026 (23 Nov – 29 Nov)');
    expect(rows(content.people)).toEqual([
      ['Carol', 18, 2],
      ['Alice', 6, -1],
      ['Erin', 6, 'new'],
      ['Ivy', 3, 'new'],
      ['Bob', 1, -3],
    ]);
  });

  it('ranks the teams the same way, a team without points the week before as new', async () => {
    const h = await seededWeek();
    const content = await h.digest.content(channel, new Date('2026-11-29T17:00:00Z'));
    expect(rows(content.teams)).toEqual([
      ['Blue', 19, 1],
      ['Red', 6, -1],
      ['Green', 6, 'new'],
    ]);
  });

  it('lists running streaks only: up to the latest post, or the one before while the latest still takes grades', async () => {
    const h = await seededWeek();
    const open = await h.digest.content(channel, new Date('2026-11-29T17:00:00Z'));
    // Dave's two in a row stopped in week 47; Alice's and Bob's are 1.
    expect(open.streaks.map((s) => [s.name, s.streak])).toEqual([
      ['Carol', 6],
      ['Erin', 2],
    ]);
    const closed = await h.digest.content(channel, new Date('2026-11-30T12:00:00Z'));
    expect(closed.weekId).toBe('2026-W48');
    expect(closed.streaks.map((s) => [s.name, s.streak])).toEqual([['Carol', 6]]);
  });

  it('counts the people who graded at least once, against the week before', async () => {
    const h = await seededWeek();
    const content = await h.digest.content(channel, new Date('2026-11-29T17:00:00Z'));
    expect(content.participation).toEqual({ thisWeek: 8, weekBefore: 4 });
  });

  it('names the most-missed question with how many missed it, counting changed grades as they ended', async () => {
    const h = await seededWeek();
    const content = await h.digest.content(channel, new Date('2026-11-29T17:00:00Z'));
    expect(content.mostMissed).toMatchObject({ questionId: 'q12', question: 'What is q12?', answer: 'q12 is the answer.', missed: 2, graded: 4 });
  });

  it('a Monday digest reports the week that ended the night before; the week before it has its own figures', async () => {
    const h = await seededWeek();
    const monday = await h.digest.content(channel, new Date('2026-11-30T08:00:00Z'));
    expect(monday.weekId).toBe('2026-W48');
    const saturday = await h.digest.content(channel, new Date('2026-11-28T08:00:00Z'));
    expect(saturday.weekId).toBe('2026-W47');
    expect(rows(saturday.people)).toEqual([
      ['Alice', 9, 'new'],
      ['Bob', 6, 'new'],
      ['Carol', 3, 'new'],
      ['Dave', 0, 'new'],
    ]);
    expect(saturday.participation).toEqual({ thisWeek: 4, weekBefore: 0 });
    expect(saturday.mostMissed).toMatchObject({ questionId: 'q6', missed: 1, graded: 1 });
  });

  it('hides the answer behind a spoiler where the platform has spoilers, else behind a button whose press shows it privately', async () => {
    const h = await seededWeek();
    const content = await h.digest.content(channel, new Date('2026-11-29T17:00:00Z'));
    const onDiscord = digestReply(content, 'post-1', { spoilers: true });
    const spoiler = onDiscord.blocks.find((b) => b.type === 'text' && b.spoiler);
    expect(spoiler).toEqual({ type: 'text', markdown: 'Answer: q12 is the answer.', spoiler: true });
    expect(replyText(onDiscord)).toContain('1. **Carol** · 18 points · ▲2');
    expect(replyText(onDiscord)).toContain('5. **Bob** · 1 point · ▼3');
    expect(replyText(onDiscord)).toContain('3. **Erin** · 6 points · new');
    expect(replyText(onDiscord)).toContain('8 people graded at least once (▲4 against 4 the week before)');

    const onSlack = digestReply(content, 'post-1', { spoilers: false });
    expect(replyText(onSlack)).not.toContain('q12 is the answer');
    expect(onSlack.blocks.some((b) => b.type === 'text' && b.spoiler)).toBe(false);
    expect(onSlack.blocks).toContainEqual({ type: 'buttons', buttons: [{ action: 'digest:answer:post-1', label: 'Show the answer', style: 'secondary' }] });
  });

  it('posts it with `digest now`, and the answer button of that post shows the answer to whoever presses it', async () => {
    const h = await seededWeek();
    h.world.clock.set('2026-11-29T17:30:00Z');
    const post = await h.digest.postNow(channel, admin);
    expect(post).toMatchObject({ weekId: '2026-W48', questionId: 'q12', slotKey: null });
    const answer = await h.digest.handleAction({ action: `digest:answer:${post.postId}`, user: bob, channel, isAdmin: false, messageId: post.messageId });
    expect(answer).toMatchObject({ ephemeral: true });
    expect(replyText(answer)).toBe('**Answer:** q12 is the answer.');
    await expect(h.digest.handleAction({ action: 'digest:answer:nope', user: bob, channel, isAdmin: false, messageId: 'm9' })).rejects.toThrow(/no longer in the bank/);
  });

  it('asks the port whether the channel has spoilers, not which platform it is', async () => {
    const h = await seededWeek();
    h.world.clock.set('2026-11-29T17:30:00Z');
    h.platform.spoilers = false;
    await h.digest.postNow(channel, admin);
    h.platform.spoilers = true;
    await h.digest.postNow(channel, admin);
    const [without, withSpoilers] = h.platform.posts().map((p) => p.reply.blocks);
    expect(without?.some((b) => b.type === 'buttons')).toBe(true);
    expect(without?.some((b) => b.type === 'text' && b.spoiler)).toBe(false);
    expect(withSpoilers).toContainEqual({ type: 'text', markdown: 'Answer: q12 is the answer.', spoiler: true });
    expect(withSpoilers?.some((b) => b.type === 'buttons')).toBe(false);
  });

  it('says so when nobody graded, and leaves out what has no data', async () => {
    const h = await openHarness({ start: '2026-11-29T17:00:00Z' });
    const content = await h.digest.content(channel, h.world.clock.now());
    expect(content).toMatchObject({ people: [], teams: [], streaks: [], participation: { thisWeek: 0, weekBefore: 0 }, mostMissed: null, practice: null });
    expect(replyText(digestReply(content, 'p', { spoilers: true }))).toContain('Nobody graded a question this week.');
  });
});
