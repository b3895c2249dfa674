import { describe, expect, it } from 'vitest';
import { replyText } from '../../../src/core/reply.js';
import { DAY, HOUR, admin, alice, channel, createHarness, postRecords, question, testBank } from './helpers.js';

describe('when the platform refuses a scheduled post', () => {
  it('logs it with context, tells the admin who set the schedule, and posts the next slot as usual', async () => {
    const h = await createHarness({ start: '2026-11-23T08:00:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    h.platform.failNext(new Error('Missing Access'));

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

  it('does not retry the failed slot on its own, even after a restart inside the catch-up window', async () => {
    const h = await createHarness({ start: '2026-11-23T08:29:00Z' });
    await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
    await h.daily.start();
    h.platform.failNext(new Error('timeout'));
    await h.runFor(2 * 60_000);
    await h.daily.stop();

    const restarted = h.restart();
    await restarted.daily.start();
    await restarted.runFor(HOUR);
    expect(h.platform.posts()).toEqual([]);
    await restarted.daily.stop();
  });

  it('returns the question to the rotation, so the next post shows the one that failed', async () => {
    const run = async (failFirst: boolean) => {
      const { bank } = testBank([question('alpha'), question('beta'), question('gamma'), question('delta')]);
      const h = await createHarness({ start: '2026-11-23T08:00:00Z', bank });
      await h.daily.configure(channel, { when: '09:30', timezone: 'Europe/Berlin' }, admin);
      await h.daily.start();
      if (failFirst) h.platform.failNext();
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
    h.platform.failNext(new Error('down'), 2);
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
