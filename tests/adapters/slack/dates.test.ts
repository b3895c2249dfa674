import { afterEach, describe, expect, it } from 'vitest';
import { type SlackHarness, alice, ann, slackHarness } from './harness.js';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Slack's date token for 10:00 UTC of a day: each reader sees it in their own locale; the words after `|` are the fallback. */
const token = (day: string, fallback: string) => `<!date^${Date.parse(`${day}T10:00:00Z`) / 1000}^{date_short}|${fallback}>`;

describe('Bolt adapter (http): dates in each reader’s own locale', () => {
  it('writes season dates as Slack date tokens with `23 Nov 2026` as the fallback', async () => {
    h = await slackHarness({ mode: 'http' });
    await h.recall(ann, 'season start Autumn');
    const status = await h.recall(alice, 'season status');
    expect(status.text).toBe(`Season *Autumn* is running since ${token('2026-11-23', '23 Nov 2026')}.`);

    h.world.clock.set('2026-12-03T09:00:00Z');
    const ended = await h.recall(ann, 'season end');
    expect(ended.text).toContain(`*Season Autumn* · ${token('2026-11-23', '23 Nov 2026')} to ${token('2026-12-03', '3 Dec 2026')}`);
    const archive = await h.recall(alice, 'season archive');
    expect(archive.text).toContain(`• *Autumn* · ${token('2026-11-23', '23 Nov 2026')} to ${token('2026-12-03', '3 Dec 2026')}`);
  });
});
