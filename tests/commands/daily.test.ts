import { describe, expect, it } from 'vitest';
import daily from '../../commands/daily.js';
import reveal from '../../commands/reveal.js';
import { replyText } from '../../src/core/reply.js';
import { HOUR, admin, alice, channel, commandLine, createHarness } from '../core/daily/helpers.js';

/** Monday 23 Nov 2026, 10:00 in Berlin. */
async function setup() {
  const h = await createHarness({ start: '2026-11-23T09:00:00Z' });
  return { h, run: commandLine(h, [daily, reveal]) };
}

const text = async (reply: Promise<Parameters<typeof replyText>[0]>): Promise<string> => replyText(await reply);

describe('daily set', () => {
  it('takes time, days and timezone as positional text and answers with the next run in local time', async () => {
    const { h, run } = await setup();
    const reply = await run('daily set 09:30 weekdays Europe/Berlin');
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toContain('**Daily question:** 09:30 on weekdays, Europe/Berlin');
    expect(replyText(reply)).toContain('Next: Tue 24 Nov, 09:30 (Europe/Berlin)');
    expect((await h.daily.status(channel)).settings?.setBy).toEqual(admin);
  });

  it('reads a timezone typed where the days go', async () => {
    const { run } = await setup();
    expect(await text(run('daily set 9am Europe/Berlin'))).toContain('09:00 every day, Europe/Berlin');
  });

  it('takes categories, reveal mode and discussion as named options', async () => {
    const { h, run } = await setup();
    const reply = await text(run('daily set 09:30 daily Europe/Berlin categories:basics reveal:public-at:17:00 discussion:yes'));
    expect(reply).toContain('Categories: Basics · Reveal: in the thread at 17:00 · Discussion questions: on');
    expect((await h.daily.status(channel)).settings).toMatchObject({ discussion: true, reveal: { kind: 'public-at', trigger: { kind: 'time', hour: 17, minute: 0 } } });
  });

  it('takes a cron line in quotes', async () => {
    const { run } = await setup();
    expect(await text(run('daily set "0 9 * * 1-5" America/New_York'))).toContain('cron `0 9 * * 1-5`, America/New_York');
  });

  it('reads an unquoted five-field cron line as one time, with a zone after it', async () => {
    const { h, run } = await setup();
    expect(await text(run('daily set 30 9 * * 1-5'))).toContain('cron `30 9 * * 1-5`, UTC');
    expect(await text(run('daily set 0 8 * jan-mar mon,wed Asia/Tokyo'))).toContain('cron `0 8 * jan-mar mon,wed`, Asia/Tokyo');
    expect((await h.daily.status(channel)).settings?.schedule).toMatchObject({ kind: 'cron', expression: '0 8 * jan-mar mon,wed' });
    // A time followed by days is still a time and days.
    expect(await text(run('daily set 9am mon,wed'))).toContain('09:00 on Mon, Wed');
  });

  it('says how many fields a cron line needs when it has the wrong number', async () => {
    const { run } = await setup();
    expect(await text(run('daily set 30 9 * *'))).toBe(
      '`30 9 * *` looks like a cron line, but it has 4 fields; a cron line has 5 (minute hour day month weekday), e.g. `0 9 * * 1-5`.',
    );
    expect(await text(run('daily set 0 30 9 * * 1-5'))).toMatch(/^`0 30 9 \* \* 1-5` looks like a cron line, but it has 6 fields/);
  });

  it('echoes a zone as it was written, even one the runtime renames', async () => {
    const { h, run } = await setup();
    const reply = await text(run('daily set 09:30 Asia/Kolkata'));
    expect(reply).toContain('09:30 every day, Asia/Kolkata');
    expect(reply).toContain('Next: Tue 24 Nov, 09:30 (Asia/Kolkata)');
    expect(reply).not.toContain('Calcutta');
    expect(await text(run('daily status', { user: alice, isAdmin: false }))).toContain('Asia/Kolkata');
    // A later `daily set` without a zone keeps the zone and its spelling.
    expect(await text(run('daily set 10:00'))).toContain('10:00 every day, Asia/Kolkata');
    expect((await h.daily.status(channel)).settings?.schedule.timezone).toBe('Asia/Kolkata');
    expect(await text(run('daily set 10:00 europe/berlin'))).toContain('10:00 every day, Europe/Berlin');
  });

  it('says which earlier choices a second `daily set` kept, and how to change them', async () => {
    const { run } = await setup();
    expect(await text(run('daily set 09:30 categories:basics reveal:thread discussion:yes'))).not.toContain('Kept from before');
    const again = await text(run('daily set 10:00'));
    expect(again).toContain(
      'Kept from before: categories Basics; reveal in the thread (as a spoiler) once someone reacts 👀; discussion questions on. Change them in the same line, e.g. `categories:all` `reveal:private` `discussion:no`.',
    );
    const partly = await text(run('daily set 10:00 reveal:private discussion:no'));
    expect(partly).toContain('Kept from before: categories Basics. Change it in the same line, e.g. `categories:all`.');
    expect(await text(run('daily set 10:00 categories:all'))).not.toContain('Kept from before');
  });

  it('says what is wrong with a time or a timezone', async () => {
    const { run } = await setup();
    expect(await text(run('daily set 25:00'))).toBe('`25:00` is not a time (use HH:MM, 00:00–23:59).');
    expect(await text(run('daily set 09:30 daily Mars/Olympus'))).toBe('`Mars/Olympus` is not a timezone (use an IANA name like Europe/Berlin).');
    expect(await text(run('daily set 09:30 someday'))).toBe('`someday` is not a day (use mon–sun, weekdays, weekends or daily).');
    expect(await text(run('daily set'))).toMatch(/^`time` is missing/);
  });

  it('lists the categories when a name matches none', async () => {
    const { run } = await setup();
    expect(await text(run('daily set 09:30 categories:astrology'))).toBe('`astrology` matches no category. Categories: Basics.');
  });

  it('is for admins only', async () => {
    const { h, run } = await setup();
    expect(await text(run('daily set 09:30', { user: alice, isAdmin: false }))).toBe('Only admins can use `daily set`.');
    expect((await h.daily.status(channel)).settings).toBeNull();
  });
});

describe('daily off, now and status', () => {
  it('off stops the schedule; only admins may', async () => {
    const { run } = await setup();
    await run('daily set 09:30 weekdays Europe/Berlin');
    expect(await text(run('daily off', { user: alice, isAdmin: false }))).toBe('Only admins can use `daily off`.');
    expect(await text(run('daily off'))).toBe('Daily questions are off in this channel. `daily set` turns them back on.');
    expect(await text(run('daily off'))).toBe('Daily questions were not on in this channel.');
    expect(await text(run('daily status', { user: alice, isAdmin: false }))).toMatch(/^\*\*Daily questions are off\*\* \(were 09:30 on weekdays, Europe\/Berlin\)\./);
  });

  it('now posts the next question at once; only admins may', async () => {
    const { h, run } = await setup();
    expect(await text(run('daily now', { user: alice, isAdmin: false }))).toBe('Only admins can use `daily now`.');
    expect(await text(run('daily now'))).toBe('Posted daily question #1.');
    expect(h.platform.posts()).toHaveLength(1);
  });

  it('status is for everyone and shows the next run in the channel local time and the last post', async () => {
    const { h, run } = await setup();
    await h.daily.configure(channel, { when: '09:30', days: 'weekdays', timezone: 'Europe/Berlin' }, admin);
    await h.daily.postNow(channel, admin);
    h.world.clock.advance(HOUR);
    const reply = await run('daily status', { user: alice, isAdmin: false });
    expect(reply.ephemeral).toBe(true);
    expect(replyText(reply)).toBe(
      [
        '**Daily question:** 09:30 on weekdays, Europe/Berlin',
        'Categories: all categories · Reveal: privately to whoever reacts 👀 · Discussion questions: off',
        'Next: Tue 24 Nov, 09:30 (Europe/Berlin); then Wed 25 Nov, 09:30 (Europe/Berlin), Thu 26 Nov, 09:30 (Europe/Berlin)',
        'Last post: #1, Mon 23 Nov, 10:00 (Europe/Berlin)',
      ].join('\n'),
    );
  });

  it('status explains how to start when nothing is set up', async () => {
    const { run } = await setup();
    expect(await text(run('daily status', { user: alice, isAdmin: false }))).toBe(
      'No daily question is set up in this channel. An admin can start one with `daily set 09:30 weekdays Europe/Berlin`.',
    );
  });

  it('an unknown subcommand names the ones there are', async () => {
    const { run } = await setup();
    expect(await text(run('daily later'))).toMatch(/^`daily later` is not a thing\. Try: `daily set`, `daily off`, `daily now`, `daily status`\./);
  });
});
