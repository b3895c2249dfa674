import { expect, it } from 'vitest';
import { ADMIN, ALICE, BOB, CHANNEL, gradeIn, typist } from '../core/scoring/command-harness.js';
import { describeEachStore } from '../core/scoring/harness.js';

describeEachStore('the season command', (h) => {
  it('starts a season in the channel, shows its status, ends it with final standings and archives them', async () => {
    const { reply, say } = typist(h());
    const started = await reply('season start Winter 2026', { user: ADMIN });
    expect(started.ephemeral).toBeUndefined();
    expect(await say('season status')).toBe('Season **Winter 2026** is running since 23 Nov 2026.');

    await h().scoring.grade(gradeIn({ user: ALICE }));
    await h().scoring.grade(gradeIn({ user: BOB, grade: 'partly' }));
    const ended = await say('season end', { user: ADMIN });
    expect(ended).toContain('Season **Winter 2026** has ended. Final standings:');
    expect(ended).toContain('1. **Alice** · 3 points\n2. **Bob** · 1 point');

    expect(await say('season status')).toBe('No season is running. An admin can start one with `season start <name>`.');
    expect(await say('season archive')).toContain('• **Winter 2026** · 23 Nov 2026 to 23 Nov 2026');
    expect(await say('season archive winter 2026')).toContain('1. **Alice** · 3 points');
  });

  it('writes dates one way (day, month name, year) on the workspace’s own calendar', async () => {
    const { say } = typist(h());
    await h().scoring.setTimezone(CHANNEL, 'Asia/Tokyo');
    // 23:30 UTC on 3 December is already 4 December in Tokyo; never `12/3/2026`, never UTC's day.
    await h().scoring.startSeason(CHANNEL, 'Spring', new Date('2026-12-03T23:30:00Z'));
    expect(await say('season status')).toBe('Season **Spring** is running since 4 Dec 2026.');
    await h().scoring.endSeason(CHANNEL, new Date('2027-03-01T01:00:00Z'));
    expect(await say('season archive')).toContain('• **Spring** · 4 Dec 2026 to 1 Mar 2027');
    expect(await say('season archive spring')).toContain('**Season Spring** · 4 Dec 2026 to 1 Mar 2027');
  });

  it('refuses a second season while one runs', async () => {
    const { say } = typist(h());
    await say('season start One', { user: ADMIN });
    expect(await say('season start Two', { user: ADMIN })).toBe('Season `One` is still running (since 23 Nov 2026). End it with `season end` before starting another.');
  });

  it('is for admins to start and end', async () => {
    const { say } = typist(h());
    expect(await say('season start Sneaky', { isAdmin: false })).toBe('Only admins can use `season start`.');
    expect(await say('season end', { isAdmin: false })).toBe('Only admins can use `season end`.');
    expect(await h().scoring.currentSeason(ALICE)).toBeNull();
  });

  it('explains ending with no season, an empty archive, and an unknown season', async () => {
    const { say } = typist(h());
    expect(await say('season end', { user: ADMIN })).toBe('No season is running. An admin can start one with `season start <name>`.');
    expect(await say('season archive')).toBe('No season has ended yet.');
    expect(await say('season archive Summer')).toBe('There is no archived season `Summer`. No season has ended yet.');
    expect(await say('season start', { user: ADMIN })).toMatch(/^`name` is missing/);
  });
});
