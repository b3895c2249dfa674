import { expect, it } from 'vitest';
import { ALICE, ADMIN, BOB, gradeIn, typist } from '../core/scoring/command-harness.js';
import { describeEachStore } from '../core/scoring/harness.js';

describeEachStore('the leaderboard command', (h) => {
  it('shows this week’s people in the channel with the asker’s own rank', async () => {
    await h().scoring.grade(gradeIn({ user: BOB }));
    await h().scoring.grade(gradeIn({ user: ALICE, grade: 'partly' }));

    const { reply, say } = typist(h());

    expect((await reply('leaderboard')).ephemeral).toBeUndefined();
    expect(await say('leaderboard')).toBe(
      ['**People · week 48, 2026 (23 Nov – 29 Nov)**', '1. **Bob** · 3 points', '2. **Alice** · 1 point', '', 'You: #2 with 1 point'].join('\n'),
    );
  });

  it('says when the asker has no points in the period', async () => {
    await h().scoring.grade(gradeIn({ user: BOB }));
    expect(await typist(h()).say('leaderboard people month')).toContain('You have no points this month.');
  });

  it('says when the board is empty', async () => {
    expect(await typist(h()).say('leaderboard')).toContain('Nobody has points this week. Grade a daily question to get on the board.');
  });

  it('maps `leaderboard teams all` onto the team board, with sizes and averages', async () => {
    const { say } = typist(h());
    await say('team create Platform', { user: ADMIN });
    await say('team join Platform');
    await say('team join platform', { user: BOB });
    await h().scoring.grade(gradeIn({ user: ALICE }));
    await h().scoring.grade(gradeIn({ user: BOB, grade: 'partly' }));

    const text = await say('leaderboard teams all');

    expect(text).toContain('**Teams · all time**');
    expect(text).toContain('1. **Platform** · 4 points · 2 members · 2.0 per member');
    expect(text).toContain('Your team **Platform**: #1 with 4 points');
  });

  it('tells a teamless person how to join a team on the team board', async () => {
    expect(await typist(h()).say('leaderboard teams')).toContain('You are not in a team: `team list` shows them, `team join <name>` joins one.');
  });

  it('takes the period by name and explains a wrong value', async () => {
    const { say } = typist(h());
    expect(await say('leaderboard period:all')).toContain('**People · all time**');
    expect(await say('leaderboard people yesterday')).toBe('`period` is one of `week`, `month`, `season`, `all`, not `yesterday`.');
  });

  it('explains that there is no season board without a season', async () => {
    expect(await typist(h()).say('leaderboard people season')).toMatch(/^No season is running/);
  });

  it('shows names as typed rather than as formatting', async () => {
    await h().scoring.grade(gradeIn({ user: { ...BOB, name: '*star*_x_' } }));
    expect(await typist(h()).say('leaderboard')).toContain('1. **\\*star\\*\\_x\\_** · 3 points');
  });
});
