import { expect, it } from 'vitest';
import { ALICE, ADMIN, BOB, gradeIn, typist } from '../core/scoring/command-harness.js';
import { describeEachStore } from '../core/scoring/harness.js';

describeEachStore('the team command', (h) => {
  it('lets an admin create a team in the channel and people join it privately', async () => {
    const { reply, say } = typist(h());
    const created = await reply('team create Platform Crew', { user: ADMIN });
    expect(created.ephemeral).toBeUndefined();
    expect(await say('team list')).toContain('**Platform Crew** · 0 members');

    const joined = await reply('team join platform crew');
    expect(joined.ephemeral).toBe(true);
    expect(await say('team join Platform Crew', { user: BOB })).toBe('You joined **Platform Crew** (2 members). Points you earn from now on count for it.');
    expect(await say('team join PLATFORM CREW')).toBe('You are already in **Platform Crew**.');
  });

  it('refuses team create for someone who is not an admin', async () => {
    expect(await typist(h()).say('team create Rogue', { user: BOB, isAdmin: false })).toBe('Only admins can use `team create`.');
    expect(await h().scoring.listTeams(ALICE)).toEqual([]);
  });

  it('explains an unknown team, listing the teams there are', async () => {
    const { say } = typist(h());
    await say('team create A', { user: ADMIN });
    await say('team create B', { user: ADMIN });
    expect(await say('team join Foo')).toBe('There is no team `Foo`. Teams: A, B. An admin can create one with `team create Foo`.');
  });

  it('moves someone between teams, keeping earlier points with the old team', async () => {
    const { say } = typist(h());
    await say('team create A', { user: ADMIN });
    await say('team create B', { user: ADMIN });
    await say('team join A');
    expect(await say('team join B')).toBe('You joined **B** (1 member). Points you earn from now on count for it. Points you earned for **A** stay with it.');
  });

  it('lets people leave, and says so when they are in no team', async () => {
    const { say } = typist(h());
    await say('team create A', { user: ADMIN });
    await say('team join A');
    expect(await say('team leave')).toBe('You left **A**. Points you earned for it stay with it.');
    expect(await say('team leave')).toBe('You are not in a team. `team list` shows the teams and `team join <name>` joins one.');
  });

  it('renames a team with quoted names, keeping its points', async () => {
    const { say } = typist(h());
    await say('team create "Old Name"', { user: ADMIN });
    await say('team join Old Name');
    await h().scoring.grade(gradeIn());

    expect(await say('team rename "old name" Brand New Name', { user: ADMIN })).toBe('Team renamed to **Brand New Name**; its points and members stay.');
    expect(await say('leaderboard teams all')).toContain('1. **Brand New Name** · 3 points · 1 member');
  });

  it('removes a team, leaving its members teamless', async () => {
    const { say } = typist(h());
    await say('team create Doomed', { user: ADMIN });
    await say('team join Doomed');
    await say('team join Doomed', { user: BOB });
    expect(await say('team remove doomed', { user: ADMIN })).toBe('Team **Doomed** removed. Its 2 members are teamless now, and it is off the leaderboards.');
    expect(await say('team list')).toBe('There are no teams yet. An admin can create one with `team create <name>`.');
    expect(await h().scoring.teamOf(ALICE)).toBeNull();
  });

  it('explains bad input: a missing name, a taken name, a long name, no subcommand', async () => {
    const { say } = typist(h());
    expect(await say('team join')).toMatch(/^`name` is missing/);
    await say('team create Ops', { user: ADMIN });
    expect(await say('team create OPS', { user: ADMIN })).toBe('There is already a team called `Ops`; names ignore case. Pick another name.');
    expect(await say(`team create ${'x'.repeat(41)}`, { user: ADMIN })).toMatch(/at most 40 characters/);
    expect(await say('team')).toMatch(/^`team` needs one of: join, leave, list, create, rename, remove\./);
  });

  it('lists teams with the asker’s own', async () => {
    const { say } = typist(h());
    await say('team create B', { user: ADMIN });
    await say('team create a', { user: ADMIN });
    await say('team join B');
    expect(await say('team list')).toBe(['**Teams** (2)', '• **a** · 0 members', '• **B** · 1 member', '', 'You are in **B**.'].join('\n'));
  });
});
