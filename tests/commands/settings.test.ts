import { expect, it } from 'vitest';
import { ADMIN, typist } from '../core/scoring/command-harness.js';
import { describeEachStore } from '../core/scoring/harness.js';

describeEachStore('the settings command', (h) => {
  it('shows the workspace timezone to anyone and lets an admin change it', async () => {
    const { say } = typist(h());
    expect(await say('settings timezone')).toBe('Leaderboard weeks and months are counted in **UTC**.');
    expect(await say('settings timezone america/new_york', { user: ADMIN })).toBe(
      'Leaderboard weeks and months are now counted in **America/New_York**; points already earned stay in their week.',
    );
    expect(await say('settings timezone')).toContain('**America/New_York**');
  });

  it('refuses a non-admin and a zone that does not exist', async () => {
    const { say } = typist(h());
    expect(await say('settings timezone Europe/Berlin', { isAdmin: false })).toBe('Only admins can change the workspace timezone.');
    expect(await say('settings timezone Mars/Olympus', { user: ADMIN })).toBe('`Mars/Olympus` is not a timezone (use an IANA name like Europe/Berlin)');
  });
});
