import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** `<t:…:D>` for 10:00 UTC of a day: Discord writes it as that date in each reader's own language. */
const stamp = (day: string) => `<t:${Date.parse(`${day}T10:00:00Z`) / 1000}:D>`;

describe('discord.js adapter: dates in each reader’s own locale', () => {
  it('writes season dates as Discord timestamps (<t:…:D>), never a fixed format', async () => {
    h = await startHarness();
    await h.slash(h.ann, 'season', 'start', { name: 'Autumn' });
    const status = await h.slash(h.alice, 'season', 'status');
    expect(status.text).toBe(`Season **Autumn** is running since ${stamp('2026-11-23')}.`);

    h.world.clock.set('2026-12-03T09:00:00Z');
    const ended = await h.slash(h.ann, 'season', 'end');
    expect(ended.text).toContain(`**Season Autumn** · ${stamp('2026-11-23')} to ${stamp('2026-12-03')}`);
    const archive = await h.slash(h.alice, 'season', 'archive');
    expect(archive.text).toContain(`• **Autumn** · ${stamp('2026-11-23')} to ${stamp('2026-12-03')}`);
    // No date written out in words anywhere: Discord does that, per reader.
    expect(`${status.text}${ended.text}${archive.text}`).not.toMatch(/Nov 2026|Dec 2026|2026-1\d-\d\d/);
  });
});
