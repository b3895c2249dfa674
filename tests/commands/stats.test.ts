import { expect, it } from 'vitest';
import { ALICE, BOB, gradeIn, typist } from '../core/scoring/command-harness.js';
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
});
