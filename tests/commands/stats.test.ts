import { expect, it } from 'vitest';
import { scoringKeys } from '../../src/core/scoring/keys.js';
import { ALICE, BOB, CHANNEL, gradeIn, typist } from '../core/scoring/command-harness.js';
import { describeEachStore } from '../core/scoring/harness.js';

describeEachStore('the stats command', (h) => {
  it('shows the asker’s own numbers privately', async () => {
    await h().scoring.grade(gradeIn({ postId: 'p1', dailySeq: 1, category: 'ai' }));
    await h().scoring.grade(gradeIn({ postId: 'p2', dailySeq: 2, category: 'ai', grade: 'missed' }));

    const reply = await typist(h()).reply('stats');

    expect(reply.ephemeral).toBe(true);
    expect(reply.blocks).toEqual([
      { type: 'text', markdown: '**Stats for Alice**' },
      {
        type: 'fields',
        fields: [
          { label: 'Graded', value: '2 (1 got it, 0 partly, 1 missed)' },
          { label: 'Got it', value: '50%' },
          { label: 'Streak', value: '2 now, best 2' },
          { label: 'Strongest', value: 'ai (50% of 2)' },
          { label: 'Weakest', value: 'not enough grades yet' },
          { label: 'Late', value: '0 (counted here, no points)' },
        ],
      },
    ]);
  });

  it('shows someone else’s stats by mention', async () => {
    await h().scoring.grade(gradeIn({ user: BOB }));
    expect(await typist(h()).say('stats <@bob>')).toContain('**Stats for Bob**');
  });

  it('says when someone has not graded anything yet', async () => {
    const { say } = typist(h());
    expect(await say('stats')).toBe('You have not graded any question yet.');
    expect(await say('stats @nobody')).toBe('**nobody** has not graded any question yet.');
    expect(await say('stats', { user: { ...ALICE, userId: 'alice' } })).toBe('You have not graded any question yet.');
  });

  it('finds a person by name or mention whatever the case: `stats Bob`, `stats BOB`, `stats @bob`', async () => {
    await h().scoring.grade(gradeIn({ user: BOB }));
    const { say } = typist(h());
    for (const line of ['stats Bob', 'stats BOB', 'stats @Bob', 'stats bob', 'stats <@bob>']) expect(await say(line), line).toContain('**Stats for Bob**');
  });

  it('finds a person by display name when the platform id looks nothing like it', async () => {
    const dana = { ...ALICE, userId: 'U-0042', name: 'Dana Scully' };
    await h().scoring.grade(gradeIn({ user: dana }));
    const { say } = typist(h());
    expect(await say('stats "dana  scully"')).toContain('**Stats for Dana Scully**');
    expect(await say('stats U-0042')).toContain('**Stats for Dana Scully**');
  });

  it('asks for a mention when two people share the name, and follows a rename', async () => {
    await h().scoring.grade(gradeIn({ user: { ...ALICE, userId: 'U-1', name: 'Sam' } }));
    await h().scoring.grade(gradeIn({ user: { ...ALICE, userId: 'U-2', name: 'sam' } }));
    const { say } = typist(h());
    expect(await say('stats SAM')).toBe('2 people here go by `SAM`; mention the one you mean (for example `@U-1`).');
    await h().scoring.rememberName({ ...ALICE, userId: 'U-2', name: 'Samantha' });
    expect(await say('stats SAM')).toContain('**Stats for Sam**');
    expect(await say('stats samantha')).toContain('**Stats for Samantha**');
  });

  it('indexes a profile kept before names were indexed on its owner’s next visit', async () => {
    const { say } = typist(h());
    await h().store.set(scoringKeys.profile(CHANNEL, 'U-7'), { name: 'Grace' });
    expect(await say('stats grace')).toBe('**grace** has not graded any question yet.');
    await h().scoring.grade(gradeIn({ user: { ...ALICE, userId: 'U-7', name: 'Grace' } }));
    expect(await say('stats grace')).toContain('**Stats for Grace**');
  });
});
