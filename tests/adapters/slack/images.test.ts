import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.js';
import { slack } from '../../helpers/people.js';
import { PNG_SIGNATURE, pngSize, seedBoard, sharedRenderer } from '../../images/helpers.js';
import { CHANNEL, type SlackHarness, alice, slackHarness } from './harness.js';

const picture = async (): Promise<Reply> => {
  const png = await (await sharedRenderer()).leaderboard({ title: 'Teams', rows: [{ rank: 1, name: 'Owls', points: 9, colour: '#4f8ff7' }], empty: '' });
  return {
    blocks: [
      { type: 'text', markdown: 'Weekly recap' },
      { type: 'image', png, alt: 'Teams: 1. Owls 9', filename: 'teams.png' },
    ],
  };
};

describe('Bolt adapter against the fake Slack: pictures by files.uploadV2', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await slackHarness({ mode: 'http', images: await sharedRenderer() });
    await seedBoard(
      h.engine.services.scoring,
      slack.channel,
      [
        { user: slack.alice, points: 7, team: 'Owls' },
        { user: slack.bob, points: 3 },
      ],
      h.world.clock.now(),
    );
  }, 60_000);
  afterAll(async () => h?.close());
  beforeEach(() => {
    h.fake.missingScopes.clear();
    h.fake.files.clear();
  });

  it('answers `/recall leaderboard people week image` in the channel, then shares the PNG there with its alt text', async () => {
    const answer = await h.recall(alice, 'leaderboard people week image');
    expect(answer.responseType).toBe('in_channel');
    // The message carries the picture's words; the file follows it.
    expect(answer.text).toContain('People · week 48');
    const file = await h.fake.waitFor(() => [...h.fake.files.values()].find((f) => f.shared), 'a shared file');
    expect(file).toMatchObject({ filename: 'leaderboard-people-week.png', shared: { channel: CHANNEL } });
    expect(file.altText).toMatch(/^People · week 48.*1\. Alice 7; 2\. Bob 3/);
    expect([...(file.data?.subarray(0, 8) ?? [])]).toEqual(PNG_SIGNATURE);
    expect(pngSize(file.data ?? new Uint8Array()).width).toBe(800);
    // The three steps of uploadV2, in order, with the bot token.
    const steps = h.fake.calls.map((c) => c.method).filter((m) => m.startsWith('files.'));
    expect(steps).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
  });

  it('posts a picture after its message, and in the thread when the message is a thread reply', async () => {
    const { messageId } = await h.router.post(slack.channel, await picture());
    const post = h.fake.callsTo('chat.postMessage').at(-1);
    expect(JSON.stringify(post?.body['blocks'])).toContain('Teams: 1. Owls 9');
    const first = [...h.fake.files.values()].find((f) => f.shared);
    expect(first?.shared).toEqual({ channel: CHANNEL, title: 'teams.png' });

    h.fake.files.clear();
    await h.router.postInThread(slack.channel, messageId, await picture());
    expect([...h.fake.files.values()].map((f) => f.shared)).toEqual([{ channel: CHANNEL, threadTs: messageId, title: 'teams.png' }]);
  });

  it('without files:write posts the words alone and warns once per workspace, however many pictures', async () => {
    h.fake.missingScopes.add('files:write');
    const before = h.fake.callsTo('chat.postMessage').length;
    await h.router.post(slack.channel, await picture());
    await h.router.post(slack.channel, await picture());
    expect(h.fake.callsTo('chat.postMessage').length).toBe(before + 2);
    expect([...h.fake.files.values()].filter((f) => f.shared)).toEqual([]);
    const warnings = h.logs.lines.filter((l) => l.includes('files:write is missing'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('"level":40');
  });
});
