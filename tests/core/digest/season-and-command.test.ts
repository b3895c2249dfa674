import { describe, expect, it } from 'vitest';
import digestCommand from '../../../commands/digest.js';
import { replyText } from '../../../src/core/reply.js';
import type { ChannelRef } from '../../../src/core/refs.js';
import { commandHarness } from '../../helpers/commands.js';
import { admin, channel, openHarness, person, workspace } from './harness.js';

const quiet: ChannelRef = { ...workspace, channelId: 'quiet' };
const offChannel: ChannelRef = { ...workspace, channelId: 'was-on' };
const elsewhere: ChannelRef = { platform: 'discord', workspaceId: 'guild-2', channelId: 'general' };
const alice = person('Alice');
const bob = person('Bob');

describe('a season end', () => {
  it('posts the final standings once in every digest channel of its workspace, and nowhere else', async () => {
    const h = await openHarness({ start: '2026-11-20T08:00:00Z' });
    const other = h.second();
    const weekly = { weekday: 'sun', time: '18:00' };
    await h.digest.configure(channel, weekly, admin);
    await h.digest.configure(quiet, weekly, admin);
    await h.digest.configure(offChannel, weekly, admin);
    await h.digest.disable(offChannel);
    await h.digest.configure(elsewhere, weekly, { ...admin, workspaceId: 'guild-2' });
    await h.scoring.startSeason(workspace, 'Autumn', h.world.clock.now());
    await h.grade(alice, 1, '2026-11-20T09:00:00Z', 'got');
    await h.grade(bob, 1, '2026-11-20T09:00:00Z', 'partly');

    const ended = h.world.clock.now();
    const [first, second] = await Promise.allSettled([h.scoring.endSeason(workspace, ended), other.scoring.endSeason(workspace, ended)]);
    expect([first.status, second.status].sort()).toEqual(['fulfilled', 'rejected']);

    const posts = h.platform.posts();
    expect(posts.map((p) => p.channel.channelId).sort()).toEqual(['general', 'quiet']);
    const text = replyText(posts[0]?.reply ?? { blocks: [] });
    expect(text).toContain('**Season Autumn has ended · final standings**');
    expect(text).toContain('1. **Alice** · 3 points');
    expect(text).toContain('2. **Bob** · 1 point');
    // Dates written the one way (core/dates.ts), on the channel's calendar.
    expect(text).toMatch(/20 Nov 2026 to \d{1,2} [A-Z][a-z]{2} 2026 · `season archive Autumn`/);

    // The season's marker holds in every channel: telling the digest again posts nothing more.
    const archived = await h.scoring.archivedStandings(workspace, 'Autumn');
    await other.digest.seasonEnded(workspace, archived);
    expect(h.platform.posts()).toHaveLength(2);
  });
});

describe('the digest command', () => {
  async function typed() {
    const h = await openHarness({ start: '2026-11-23T08:00:00Z' });
    const cmd = commandHarness({ commands: [digestCommand], services: { digest: h.digest }, admin, user: admin, channel, now: () => h.world.clock.now() });
    return { h, cmd };
  }

  it('sets a weekday and time in a zone, reports status, and turns off', async () => {
    const { cmd } = await typed();
    expect(await cmd.say('digest set sun 18:00 Europe/Berlin')).toBe('Weekly digest set.\n**Weekly digest:** 18:00 on Sun, Europe/Berlin\nNext: Sun 29 Nov, 18:00 (Europe/Berlin)');
    expect(await cmd.say('digest status', { user: alice })).toContain('Next: Sun 29 Nov, 18:00 (Europe/Berlin)');
    expect(await cmd.say('digest off')).toBe('The weekly digest is off in this channel. `digest set` turns it back on.');
    expect(await cmd.say('digest status')).toBe('**The weekly digest is off** (was 18:00 on Sun, Europe/Berlin).');
    expect(await cmd.say('digest off')).toBe('The weekly digest was not on in this channel.');
  });

  it('takes the workspace zone when none is given', async () => {
    const { h, cmd } = await typed();
    await h.scoring.setTimezone(workspace, 'Asia/Tokyo');
    expect(await cmd.say('digest set mon 9:00')).toContain('09:00 on Mon, Asia/Tokyo');
  });

  it('refuses more than one day, a cron line, a bad time or zone with a sentence that shows what to type', async () => {
    const { cmd } = await typed();
    expect(await cmd.say('digest set weekdays 18:00')).toBe('The digest goes out once a week: name one day, like `digest set sun 18:00 Europe/Berlin`.');
    expect(await cmd.say('digest set mon,fri 18:00')).toContain('name one day');
    expect(await cmd.say('digest set sun 25:00')).toBe('`25:00` is not a time (use HH:MM, 00:00–23:59). For example `digest set sun 18:00 Europe/Berlin`.');
    expect(await cmd.say('digest set someday 18:00')).toBe('`someday` is not a day: use mon, tue, wed, thu, fri, sat or sun, like `digest set sun 18:00 Europe/Berlin`.');
    expect(await cmd.say('digest set sun 18:00 Mars/Base')).toBe(
      '`Mars/Base` is not a timezone (use an IANA name like Europe/Berlin). For example `digest set sun 18:00 Europe/Berlin`.',
    );
    expect(await cmd.say('digest set sun "0 9 * * 1"')).toBe('The digest takes a time of day (HH:MM), not a cron line: `digest set sun 18:00 Europe/Berlin`.');
  });

  it('is for admins, except status', async () => {
    const { cmd } = await typed();
    expect(await cmd.say('digest set sun 18:00', { user: alice })).toMatch(/admin/i);
    expect(await cmd.say('digest status', { user: alice })).toContain('No weekly digest is set up in this channel');
  });

  it('`digest now` posts the week just ended and says which', async () => {
    const { h, cmd } = await typed();
    expect(await cmd.say('digest now')).toBe('Posted the digest of 2026-W47.');
    expect(h.platform.posts()).toHaveLength(1);
  });
});
