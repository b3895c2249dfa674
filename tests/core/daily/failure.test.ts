import { describe, expect, it } from 'vitest';
import { PlatformRefusal } from '../../../src/core/platform.js';
import { replyText } from '../../../src/core/reply.js';
import { DAY, HOUR, admin, alice, channel, createHarness, postRecords, question, testBank } from './helpers.js';

describe('when the platform refuses a scheduled post for good (permissions, unknown channel)', () => {
  it('logs it with context, tells the admin who set the schedule at once, and posts the next slot as usual', async () => {
    const h = await createHarness({ start: '2026-11-23T08:00:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    h.platform.failNext(new PlatformRefusal('Missing Access'));

    await h.runFor(HOUR);

    expect(h.platform.posts()).toEqual([]);
    const logged = h.world.logger.at('error').find((e) => e.msg === 'daily post failed');
    expect(logged?.obj).toMatchObject({ channel, slotKey: '2026-11-23T09:30', setBy: 'admin-ann' });
    const [report, ...more] = h.platform.privates('admin-ann');
    expect(more).toEqual([]);
    expect(report?.channel).toEqual(channel);
    expect(replyText(report?.reply ?? { blocks: [] })).toBe(
      'I could not post the daily question for Mon 23 Nov, 09:30 (Europe/Berlin) in this channel: Missing Access. I will try again at the next time, Tue 24 Nov, 09:30 (Europe/Berlin).',
    );
    expect((await h.daily.status(channel)).problems).toMatchObject([{ kind: 'post-failed', slotKey: '2026-11-23T09:30', message: 'Missing Access' }]);

    await h.runFor(DAY);
    expect((await postRecords(h)).map((p) => [p.slotKey, p.dailySeq])).toEqual([['2026-11-24T09:30', 1]]);
    await h.daily.stop();
  });

  it('does not retry a refused slot, even after a restart inside the catch-up window', async () => {
    const h = await createHarness({ start: '2026-11-23T08:29:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    h.platform.failNext(new PlatformRefusal('the bot is missing Send Messages'));
    await h.runFor(2 * 60_000);
    await h.daily.stop();

    const restarted = h.restart();
    await restarted.daily.start();
    await restarted.runFor(HOUR);
    expect(h.platform.posts()).toEqual([]);
    expect(h.platform.privates('admin-ann')).toHaveLength(1);
    await restarted.daily.stop();
  });

  it('returns the question to the rotation, so the next post shows the one that failed', async () => {
    const run = async (failFirst: boolean) => {
      const { bank } = testBank([question('alpha'), question('beta'), question('gamma'), question('delta')]);
      const h = await createHarness({ start: '2026-11-23T08:00:00Z', bank });
      await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
      await h.daily.start();
      if (failFirst) h.platform.failNext(new PlatformRefusal('Missing Access'));
      await h.runFor(2 * DAY);
      await h.daily.stop();
      return (await postRecords(h)).map((p) => p.questionId);
    };
    const undisturbed = await run(false);
    const afterFailure = await run(true);
    expect(afterFailure).toEqual([undisturbed[0]]);
  });

  it('keeps running when even the report to the admin fails', async () => {
    const h = await createHarness({ start: '2026-11-23T08:00:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    h.platform.failNext(new PlatformRefusal('Missing Access'), 2);
    await h.runFor(HOUR);
    expect(h.world.logger.at('error').map((e) => e.msg)).toEqual(['daily post failed', 'could not tell the admin that a daily post failed']);
    await h.runFor(DAY);
    expect(h.platform.posts()).toHaveLength(1);
    await h.daily.stop();
  });

  it('tells the admin when the channel filter leaves nothing to post after a bank reload', async () => {
    const { bank, setNext } = testBank([question('alpha', { category: 'Greek' }), question('one', { category: 'Numbers' })]);
    const h = await createHarness({ start: '2026-11-23T08:00:00Z', bank });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin', categories: 'greek' }, admin);
    setNext([question('one', { category: 'Numbers' })]);
    await bank.reload();
    await h.daily.start();
    await h.runFor(HOUR);

    expect(h.platform.posts()).toEqual([]);
    expect(replyText(h.platform.privates('admin-ann')[0]?.reply ?? { blocks: [] })).toContain("No question with an answer matches this channel's filter (Greek).");
    expect((await h.daily.status(channel)).problems[0]?.kind).toBe('nothing-to-post');
    await h.daily.stop();
  });

  it('a failed manual post is a friendly error and logged', async () => {
    const h = await createHarness();
    h.platform.failNext(new Error('Missing Permissions'));
    await expect(h.daily.postNow(channel, alice)).rejects.toThrow('I could not post here: Missing Permissions. It has been logged.');
    expect(h.world.logger.at('error')[0]?.msg).toBe('manual daily post failed');
  });
});

describe('when a scheduled post fails for a passing reason (5xx, timeouts, rate limits beyond the client)', () => {
  it('retries with back-off (1, 2, 4 … wakes) and posts the slot once, telling nobody', async () => {
    const h = await createHarness({ start: '2026-11-23T08:29:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    h.platform.failNext(new Error('503 Service Unavailable'), 3);
    await h.runFor(HOUR);

    const [post, ...more] = await postRecords(h);
    expect(more).toEqual([]);
    // Tried at :30, :31, :33 and posted at :37 (Berlin), one, two and four wakes apart.
    expect(post).toMatchObject({ slotKey: '2026-11-23T09:30', dailySeq: 1, postedAt: '2026-11-23T08:37:00.000Z' });
    expect(h.platform.privates()).toEqual([]);
    expect(h.world.logger.at('warn').filter((e) => e.msg === 'daily post failed; will retry')).toHaveLength(3);
    expect((await h.daily.status(channel)).problems).toEqual([]);
    await h.daily.stop();
  });

  it('posts the question the failed attempt chose, so the rotation is as if nothing happened', async () => {
    const run = async (failures: number) => {
      const { bank } = testBank([question('alpha'), question('beta'), question('gamma'), question('delta')]);
      const h = await createHarness({ start: '2026-11-23T08:00:00Z', bank });
      await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
      await h.daily.start();
      h.platform.failNext(new Error('500'), failures);
      await h.runFor(2 * DAY);
      await h.daily.stop();
      return (await postRecords(h)).map((p) => p.questionId);
    };
    expect(await run(2)).toEqual(await run(0));
  });

  it('keeps retrying across a restart and posts once', async () => {
    const h = await createHarness({ start: '2026-11-23T08:29:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    h.platform.failNext(new Error('timeout'), 2);
    await h.runFor(2 * 60_000);
    await h.daily.stop();

    const restarted = h.restart();
    await restarted.daily.start();
    await restarted.runFor(HOUR);
    expect((await postRecords(h)).map((p) => p.slotKey)).toEqual(['2026-11-23T09:30']);
    await restarted.daily.stop();
  });

  it('gives up when the catch-up grace runs out, and tells the admin once with the last error', async () => {
    const h = await createHarness({ start: '2026-11-23T08:29:00Z', config: { catchUpGraceMs: 30 * 60_000 } });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    h.platform.failNext(new Error('502 Bad Gateway'), 1000);
    await h.runFor(2 * HOUR);

    expect(h.platform.posts()).toEqual([]);
    const reports = h.platform.privates('admin-ann');
    expect(reports).toHaveLength(0);
    // The report itself went through the failing platform; what stays is the problem and the log.
    expect((await h.daily.status(channel)).problems).toMatchObject([{ kind: 'post-failed', slotKey: '2026-11-23T09:30', message: '502 Bad Gateway' }]);
    expect(h.world.logger.at('error').map((e) => e.msg)).toEqual(['daily post failed', 'could not tell the admin that a daily post failed']);
    await h.daily.stop();
  });
});
