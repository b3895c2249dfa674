import { afterEach, describe, expect, it } from 'vitest';
import { WEB_WORKSPACE } from '../../../src/adapters/web/refs.js';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

const say = async (harness: Harness, user: string, text: string) => {
  const res = await harness.post('/api/command', { user, text });
  expect(res.status, text).toBe(200);
  const body = (await res.json()) as { blocks: { html?: string }[] };
  return body.blocks.map((b) => b.html ?? '').join('\n');
};

describe('suggest channel in the playground (real web adapter, engine and commands over HTTP)', () => {
  it('names the moderation channel by name (`#mod`), `here` and `off` as words; new suggestions are posted there', async () => {
    h = await startHarness();
    expect(await say(h, 'Ada', 'suggest channel #mod')).toMatch(/posted in that channel/);
    expect((await h.engine.services.suggestions.settings(WEB_WORKSPACE)).modChannel).toEqual({ ...WEB_WORKSPACE, channelId: 'mod' });

    expect(await say(h, 'Bob', 'suggest What is a trie? || A tree of prefixes.')).toMatch(/s1.*pending/);
    const [s1] = await h.engine.services.suggestions.pending(WEB_WORKSPACE, true);
    expect(s1?.modPost?.channel.channelId).toBe('mod');

    expect(await say(h, 'Ada', 'suggest channel here')).toMatch(/posted here/);
    expect((await h.engine.services.suggestions.settings(WEB_WORKSPACE)).modChannel?.channelId).toBe('playground');
    expect(await say(h, 'Ada', 'suggest channel off')).toMatch(/no channel/);
    expect((await h.engine.services.suggestions.settings(WEB_WORKSPACE)).modChannel).toBeNull();
  });
});
