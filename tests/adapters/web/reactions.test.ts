import { afterEach, describe, expect, it } from 'vitest';
import { mergedReactions } from '../../../src/adapters/web/channel-log.js';
import { reactionCharacter } from '../../../src/core/emoji.js';
import { type Harness, messages, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

describe('reactions in the playground: one chip per emoji, whichever way it was typed', () => {
  it('counts `eyes`, `:eyes:` and 👀 as one reaction, reveals once, and takes it back by any spelling', async () => {
    h = await startHarness();
    const post = (await messages(h, 'Ada')).find((m) => m.daily);
    await h.post('/api/reaction', { user: 'Ada', messageId: post?.id, emoji: 'eyes' });
    await h.post('/api/reaction', { user: 'Bob', messageId: post?.id, emoji: '👀' });
    // The same person again, spelled another way: still one reaction of theirs.
    const again = await h.post('/api/reaction', { user: 'Ada', messageId: post?.id, emoji: ':eyes:' });
    expect(await again.json()).toEqual({ ok: true, added: false });

    const seen = (await messages(h, 'Ada')).find((m) => m.id === post?.id);
    expect(seen?.reactions).toEqual([{ emoji: '👀', count: 2, mine: true }]);
    // The text spelling revealed the answer as 👀 does, once.
    expect((await messages(h, 'Ada')).filter((m) => m.onlyYou && m.parentId === post?.id)).toHaveLength(1);

    await h.post('/api/reaction', { user: 'Ada', messageId: post?.id, emoji: 'eyes', remove: true });
    expect((await messages(h, 'Ada')).find((m) => m.id === post?.id)?.reactions).toEqual([{ emoji: '👀', count: 1, mine: false }]);

    await h.post('/api/reaction', { user: 'Ada', messageId: post?.id, emoji: 'thumbsup' });
    await h.post('/api/reaction', { user: 'Bob', messageId: post?.id, emoji: '👍' });
    await h.post('/api/reaction', { user: 'Cy', messageId: post?.id, emoji: 'rocket' });
    expect((await messages(h, 'Bob')).find((m) => m.id === post?.id)?.reactions).toEqual([
      { emoji: '👀', count: 1, mine: true },
      { emoji: '👍', count: 2, mine: true },
      { emoji: ':rocket:', count: 1, mine: false },
    ]);
  });

  it('merges reactions a log kept under several spellings, each person once', () => {
    expect(mergedReactions({ eyes: ['u1', 'u2'], '👀': ['u2', 'u3'], '👀\ufe0f': ['u4'], '+1': ['u1'] })).toEqual({ '👀': ['u1', 'u2', 'u3', 'u4'], '👍': ['u1'] });
    expect(reactionCharacter(':+1::skin-tone-3:')).toBe('👍');
    expect(reactionCharacter('❤️')).toBe('❤');
    expect(reactionCharacter(':party_parrot:')).toBe(':party_parrot:');
  });
});
