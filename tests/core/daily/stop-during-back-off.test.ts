import { describe, expect, it } from 'vitest';
import { replyText } from '../../../src/core/reply.js';
import { HOUR, MINUTE, admin, channel, createHarness, postRecords } from './helpers.js';

/**
 * Two slots a minute apart (08:30 and 08:31 UTC). The 08:30 post fails twice, so when 08:31 posts, 08:30
 * is waiting out its back-off; every process then stops (a deploy), before that retry comes round.
 */
async function stoppedWithASlotInBackOff(config: { catchUpGraceMs?: number } = {}) {
  const h = await createHarness({ start: '2026-11-23T08:29:00Z', config });
  await h.daily.configure(channel, { when: '30,31 8 * * *', timezone: 'UTC' }, admin);
  await h.daily.start();
  h.platform.failNext(new Error('500 Internal Server Error'), 2);
  await h.tick(MINUTE); // 08:30 fails
  await h.tick(MINUTE); // 08:30 fails again (now 2 wakes of back-off); 08:31 posts
  expect((await postRecords(h)).map((p) => p.slotKey)).toEqual(['2026-11-23T08:31']);
  await h.daily.stop();
  return h;
}

describe('a slot still in back-off when every process stops', () => {
  it('is posted by the restarted process within the catch-up grace, once, although a later slot was done', async () => {
    const h = await stoppedWithASlotInBackOff();
    const restarted = h.restart();
    await restarted.daily.start();
    await restarted.runFor(HOUR);
    expect((await postRecords(h)).map((p) => p.slotKey)).toEqual(['2026-11-23T08:31', '2026-11-23T08:30']);
    expect(h.platform.privates()).toEqual([]);
    await restarted.daily.stop();
  });

  it('is reported to the admin with its last error when the restart comes after the grace, not dropped silently', async () => {
    const h = await stoppedWithASlotInBackOff({ catchUpGraceMs: 30 * MINUTE });
    h.world.clock.advance(2 * HOUR);
    const restarted = h.restart();
    await restarted.daily.start();
    await restarted.runFor(HOUR);
    expect((await postRecords(h)).map((p) => p.slotKey)).toEqual(['2026-11-23T08:31']);
    const reports = h.platform.privates('admin-ann').map((p) => replyText(p.reply));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('500 Internal Server Error');
    expect((await restarted.daily.status(channel)).problems).toMatchObject([{ kind: 'post-failed', slotKey: '2026-11-23T08:30' }]);
    await restarted.daily.stop();
  });
});
