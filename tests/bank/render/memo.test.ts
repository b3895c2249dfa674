import { describe, expect, it } from 'vitest';
import { discordFlavour } from '../../../src/adapters/discord/markdown-flavour.js';
import { slackFlavour } from '../../../src/adapters/slack/mrkdwn-flavour.js';
import { render } from '../../../src/bank/render/index.js';
import { RenderMemo } from '../../../src/bank/render/memo.js';

describe('remembering renders', () => {
  it('makes a text once and returns the remembered result after that', () => {
    const memo = new RenderMemo(1000);
    let made = 0;
    const make = () => `rendered ${++made}`;
    expect(memo.get('a', make)).toBe('rendered 1');
    expect(memo.get('a', make)).toBe('rendered 1');
    expect(made).toBe(1);
  });

  it('drops the least recently used texts once it holds more than its bound', () => {
    // Each entry counts its key and its 8-character value: 13 or 14 characters, under a bound of 60.
    const memo = new RenderMemo(60);
    let made = 0;
    const make = () => `v${++made}`.padEnd(8, '.');
    memo.get('first', make);
    memo.get('second', make);
    memo.get('first', make);
    memo.get('third', make);
    memo.get('fourth', make);
    memo.get('fifth', make);
    expect(made).toBe(5);
    memo.get('first', make);
    expect(made).toBe(5);
    memo.get('second', make);
    expect(made).toBe(6);
  });

  it('does not keep a text larger than a quarter of its bound', () => {
    const memo = new RenderMemo(40);
    let made = 0;
    memo.get('big', () => 'x'.repeat(20 + made++));
    memo.get('big', () => 'x'.repeat(20 + made++));
    expect(made).toBe(2);
  });

  it('gives the same answer as rendering afresh', () => {
    const md = '**Bold** and `code`\n\n| a | b |\n| - | - |\n| 1 | 2 |';
    expect(render(md, slackFlavour)).toBe(render(md, slackFlavour));
    expect(render(md, discordFlavour)).toContain('```');
  });
});
