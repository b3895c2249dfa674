import { afterEach, describe, expect, it } from 'vitest';
import { PERMS, answerOf, isEphemeral, modalPrefill } from '../../fakes/discord/index.js';
import { snowflake } from '../../fakes/discord/snowflake.js';
import { buttons, messageText } from '../../fakes/discord/state.js';
import { ADMIN_ROLE, GUILD, type Harness, STUDY, channel, startHarness } from './harness.js';

const MOD = snowflake();
const SHUT = snowflake();
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const guilds = () => [
  {
    id: GUILD,
    name: 'Study Group',
    channels: [
      { id: STUDY, name: 'study' },
      { id: MOD, name: 'mod' },
      { id: SHUT, name: 'shut', botDenied: PERMS.SendMessages },
    ],
    roles: [ADMIN_ROLE],
  },
];

async function press(harness: Harness, user: Harness['ann'], message: ReturnType<Harness['fake']['message']>, label: RegExp) {
  const target = buttons(message).find((b) => label.test(b.label));
  if (!target) throw new Error(`no ${label} on ${messageText(message)}`);
  const i = harness.fake.press({ message, customId: target.customId, user });
  await harness.fake.answered(i);
  return i;
}

describe('suggest on the fake Discord (real discord.js adapter, engine, store and bank overlay)', () => {
  it('suggest (modal) → moderation post → Approve: the question joins the bank with "suggested by", the author is told', async () => {
    h = await startHarness({ guilds: guilds() });
    const set = await h.slash(h.ann, 'suggest', 'channel', {}, MOD);
    expect(set.text).toMatch(/posted here for review/);

    const opened = h.fake.slash({ guildId: GUILD, channelId: STUDY, user: h.alice, name: 'suggest', subcommand: 'new' });
    await h.fake.answered(opened);
    expect(opened.modal?.['custom_id']).toBe('suggest:new');
    const submit = h.fake.submitModal({
      opened,
      user: h.alice,
      values: {
        question: 'What does **CAP** say about <partitions>?',
        answer: 'Pick two of consistency, availability, partition tolerance.',
        category: 'Distributed',
        tags: 'cap, theory',
        difficulty: 'medium',
      },
    });
    await h.fake.answered(submit);
    expect(isEphemeral(answerOf(submit))).toBe(true);
    expect(messageText(answerOf(submit))).toMatch(/s1.*pending/);

    const post = await h.fake.until(() => h?.fake.messages(MOD)[0], 'the moderation post');
    expect(messageText(post)).toMatch(/CAP/);
    expect(messageText(post)).toMatch(/suggested by Alice/);
    expect(buttons(post).map((b) => b.label)).toEqual(['Approve', 'Edit', 'Reject']);

    // Only admins review: a press by the author changes nothing.
    const notAllowed = await press(h, h.alice, post, /Approve/);
    expect(messageText(answerOf(notAllowed))).toMatch(/Only admins/);
    expect(h.engine.services.bank.all().some((q) => q.suggestedBy === 'Alice')).toBe(false);

    const approved = await press(h, h.ann, post, /Approve/);
    expect(messageText(answerOf(approved))).toMatch(/Approved s1/);
    const q = h.engine.services.bank.all().find((x) => x.suggestedBy === 'Alice');
    expect(q?.question).toBe('What does **CAP** say about <partitions>?');
    expect(q?.category).toBe('Distributed');
    await h.fake.until(() => /Approved by Ann/.test(messageText(h!.fake.message(post.id))), 'the moderation post to say approved');
    expect(buttons(h.fake.message(post.id))).toEqual([]);
    const dm = await h.fake.until(() => h?.fake.dms(h.alice.id)[0], 'the author’s DM');
    expect(messageText(dm)).toMatch(/approved/);

    // Shown like any bank question, with who suggested it; counted in the author's stats.
    const shown = await h.slash(h.ann, 'bank', 'show', { id: q?.id ?? '' });
    expect(shown.text).toMatch(/suggested by Alice/);
    const stats = await h.slash(h.alice, 'stats');
    expect(stats.text).toMatch(/Questions contributed/);
  });

  it('typed suggestion → Reject asks for a reason (modal) → the author alone is told why', async () => {
    h = await startHarness({ guilds: guilds() });
    await h.slash(h.ann, 'suggest', 'channel', {}, MOD);
    const made = await h.slash(h.bob, 'suggest', 'new', { text: 'Is a hot dog a sandwich? || || food' });
    expect(made.text).toMatch(/s1.*pending/);
    const post = await h.fake.until(() => h?.fake.messages(MOD)[0], 'the moderation post');
    expect(messageText(post)).toMatch(/discussion question/);

    const reject = await press(h, h.ann, post, /Reject/);
    expect(reject.callbacks.map((c) => c['type'])).toEqual([9]);
    const reason = h.fake.submitModal({ opened: reject, user: h.ann, values: { reason: 'Off topic for this bank.' } });
    await h.fake.answered(reason);
    expect(messageText(answerOf(reason))).toMatch(/Rejected s1/);
    const dm = await h.fake.until(() => h?.fake.dms(h.bob.id)[0], 'the author’s DM');
    expect(messageText(dm)).toMatch(/Off topic for this bank/);
    expect(h.fake.dms(h.alice.id)).toEqual([]);
    await h.fake.until(() => /Rejected by Ann/.test(messageText(h!.fake.message(post.id))), 'the moderation post to say rejected');
    // The reason is not in the channel's post.
    expect(messageText(h.fake.message(post.id))).not.toMatch(/Off topic/);

    const mine = await h.slash(h.bob, 'suggest', 'mine');
    expect(mine.text).toMatch(/s1.*rejected.*Off topic/);
    // Someone else's pending list is admins' only.
    const peek = await h.slash(h.alice, 'suggest', 'pending');
    expect(peek.text).toMatch(/admin/i);
  });

  it('suggest channel with a picked channel: run in #study, reviews go to #mod (a note there says so); a channel the bot cannot post in is refused', async () => {
    h = await startHarness({ guilds: guilds() });
    const refused = await h.slash(h.ann, 'suggest', 'channel', { channel: SHUT });
    expect(refused.text).toMatch(/cannot post in that channel.*nothing changed/is);
    expect((await h.engine.services.suggestions.settings(channel())).modChannel).toBeNull();

    const set = await h.slash(h.ann, 'suggest', 'channel', { channel: MOD });
    expect(isEphemeral(set.answer)).toBe(true);
    expect(set.text).toMatch(/posted in that channel/);
    expect(h.fake.messages(STUDY)).toEqual([]);
    const note = await h.fake.until(() => h?.fake.messages(MOD)[0], 'the note in #mod');
    expect(messageText(note)).toMatch(/Ann chose this channel for reviewing suggested questions/);

    await h.slash(h.bob, 'suggest', 'new', { text: 'What is a Bloom filter? || A set that may say yes wrongly, never no wrongly. || Data structures' });
    const post = await h.fake.until(() => h?.fake.messages(MOD)[1], 'the moderation post in #mod');
    expect(messageText(post)).toMatch(/Bloom filter/);
    expect(buttons(post).map((b) => b.label)).toEqual(['Approve', 'Edit', 'Reject']);

    // Non-admins cannot move the reviews; `off` stops them.
    const denied = await h.slash(h.bob, 'suggest', 'channel', { channel: STUDY });
    expect(denied.text).toMatch(/admin/i);
    const off = await h.slash(h.ann, 'suggest', 'channel', { off: true });
    expect(off.text).toMatch(/no channel/);
    await h.slash(h.alice, 'suggest', 'new', { text: 'What is a skip list? || Linked lists with express lanes.' });
    expect(h.fake.messages(MOD)).toHaveLength(2);
  });

  it('Edit on the moderation post opens the suggestion in a modal; the submission changes it, the post shows the change, Approve takes the edited words', async () => {
    h = await startHarness({ guilds: guilds() });
    await h.slash(h.ann, 'suggest', 'channel', {}, MOD);
    await h.slash(h.bob, 'suggest', 'new', { text: 'Wat is a mutex? || A lock. || concurency || locks' });
    const post = await h.fake.until(() => h?.fake.messages(MOD)[0], 'the moderation post');

    // Not for the author: only admins edit.
    const notAllowed = await press(h, h.bob, post, /Edit/);
    expect(notAllowed.callbacks.map((c) => c['type'])).not.toContain(9);
    expect(messageText(answerOf(notAllowed))).toMatch(/Only admins/);

    const edit = await press(h, h.ann, post, /Edit/);
    expect(edit.callbacks.map((c) => c['type'])).toEqual([9]);
    expect(edit.modal?.['custom_id']).toBe('suggest:save:s1');
    const shown = modalPrefill(edit.modal);
    expect(shown).toEqual({ question: 'Wat is a mutex?', answer: 'A lock.', category: 'concurency', tags: 'locks' });

    // A refused value: Discord's modal has closed, so the problem comes back privately and nothing changes.
    const bad = h.fake.submitModal({ opened: edit, user: h.ann, values: { ...shown, question: 'Hm' } });
    await h.fake.answered(bad);
    expect(isEphemeral(answerOf(bad))).toBe(true);
    expect(messageText(answerOf(bad))).toMatch(/question.*at least 5/is);
    expect((await h.engine.services.suggestions.pending(channel(MOD), true))[0]?.question).toBe('Wat is a mutex?');

    const saved = h.fake.submitModal({
      opened: edit,
      user: h.ann,
      values: { ...shown, question: 'What is a mutex?', answer: 'A lock that one thread holds at a time.', category: 'Concurrency', difficulty: 'easy' },
    });
    await h.fake.answered(saved);
    expect(isEphemeral(answerOf(saved))).toBe(true);
    expect(messageText(answerOf(saved))).toMatch(/Saved your changes to s1; it is still pending/);
    await h.fake.until(() => /What is a mutex\?/.test(messageText(h!.fake.message(post.id))), 'the moderation post to show the edit');
    const updated = h.fake.message(post.id);
    expect(messageText(updated)).toMatch(/one thread holds at a time/);
    expect(messageText(updated)).toMatch(/Concurrency/);
    expect(buttons(updated).map((b) => b.label)).toEqual(['Approve', 'Edit', 'Reject']);

    const stale = structuredClone(updated);
    await press(h, h.ann, updated, /Approve/);
    const q = h.engine.services.bank.all().find((x) => x.suggestedBy === 'Bob');
    expect(q).toMatchObject({ question: 'What is a mutex?', answer: 'A lock that one thread holds at a time.', category: 'Concurrency', difficulty: 'easy' });
    // An Edit pressed on an old copy of the post, once decided, says to use bank edit instead.
    const late = await press(h, h.ann, stale, /Edit/);
    expect(late.callbacks.map((c) => c['type'])).not.toContain(9);
    expect(messageText(answerOf(late))).toMatch(/approved already; edit the question with `bank edit`/);
  });
});
