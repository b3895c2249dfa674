import { describe, expect, it } from 'vitest';
import { fallbackText, slackEmoji, toSlackMessage } from '../../../src/adapters/slack/blocks.js';
import type { Reply, ReplyBlock } from '../../../src/core/reply.js';
import { blocksText, buttonsIn } from '../../fakes/slack/blocks.js';

type AnyBlock = {
  type: string;
  block_id?: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text: unknown; action_id?: string; value?: string; style?: string }[];
};
const blocksOf = (reply: Reply) => toSlackMessage(reply).blocks as AnyBlock[];

const grades: ReplyBlock = {
  type: 'buttons',
  buttons: [
    { action: 'daily:grade:abc:got', label: 'Got it', style: 'success' },
    { action: 'daily:grade:abc:partly', label: 'Partly', style: 'secondary' },
    { action: 'daily:grade:abc:missed', label: 'Missed it', style: 'danger' },
  ],
};

describe('Slack Block Kit rendering of a core Reply', () => {
  it('makes a question a header, mrkdwn sections and a context line, with the reaction as its Slack short name', () => {
    const blocks = blocksOf({
      blocks: [
        { type: 'question', title: 'Daily question', markdown: 'What is **attention** in `transformers`?', footer: 'Transformers · React 👀 to see the answer' },
        { type: 'buttons', buttons: [{ action: 'daily:reveal:abc', label: 'Reveal', style: 'primary' }] },
      ],
    });
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(blocks[1]?.text?.text).toContain('*attention*');
    expect(blocks[1]?.text?.text).toContain('`transformers`');
    expect(blocksText(blocks)).toContain('Transformers · React :eyes: to see the answer');
    expect(blocks[3]?.elements?.[0]).toMatchObject({ action_id: 'daily:reveal:abc', value: 'daily:reveal:abc', style: 'primary' });
  });

  it('splits a long answer across section blocks of at most 3000 characters, in order', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}: ${'word '.repeat(60)}`);
    const blocks = blocksOf({ blocks: [{ type: 'text', markdown: paragraphs.join('\n\n') }, grades] });
    const sections = blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThan(3);
    for (const s of sections) expect(s.text?.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((s) => s.text?.text ?? '').join('\n')).toMatch(/Paragraph 1:[\s\S]*Paragraph 40:/);
    expect(blocks.at(-1)?.type).toBe('actions');
  });

  it('never goes past 50 blocks, keeping the buttons at the end and saying where it cut', () => {
    const huge = Array.from({ length: 400 }, (_, i) => `Line ${i}: ${'x'.repeat(900)}`).join('\n\n');
    const blocks = blocksOf({ blocks: [{ type: 'text', markdown: huge }, grades] });
    expect(blocks).toHaveLength(50);
    expect(blocks.at(-1)?.type).toBe('actions');
    expect(blocksText(blocks)).toMatch(/too long for one Slack message/);
    expect(new Set(blocks.map((b) => b.block_id)).size).toBe(50);
  });

  it('leaves out disabled buttons, since Slack cannot grey one out, and the whole row when all are', () => {
    const blocks = blocksOf({
      blocks: [
        { type: 'text', markdown: 'Answer: **B**' },
        {
          type: 'buttons',
          buttons: [
            { action: 'quiz:r1:0:A', label: 'A', disabled: true },
            { action: 'quiz:r1:0:B', label: 'B', style: 'success', disabled: true },
          ],
        },
        {
          type: 'buttons',
          buttons: [
            { action: 'quiz:r1:1:A', label: 'A' },
            { action: 'quiz:r1:1:B', label: 'B', disabled: true },
          ],
        },
      ],
    });
    expect(blocks.map((b) => b.type)).toEqual(['section', 'actions']);
    expect(buttonsIn(blocks).map((b) => b.value)).toEqual(['quiz:r1:1:A']);
  });

  it('keeps a person’s own pick drawn, marked, though it is switched off: Slack cannot grey it, and it should not vanish', () => {
    const blocks = blocksOf({
      blocks: [
        {
          type: 'buttons',
          buttons: [
            { action: 'daily:grade:abc:got', label: '✓ Got it', style: 'success', disabled: true, selected: true },
            { action: 'daily:grade:abc:partly', label: 'Partly', style: 'secondary' },
            { action: 'daily:grade:abc:missed', label: 'Missed it', style: 'secondary', disabled: true },
          ],
        },
      ],
    });
    expect(buttonsIn(blocks).map((b) => b.label)).toEqual(['✓ Got it', 'Partly']);
    expect(blocks[0]?.elements?.[0]?.style).toBe('primary');
  });

  it('writes a deadline as a Slack date token, so each reader sees the closing time in their own zone, UTC as the fallback', () => {
    const blocks = blocksOf({ blocks: [{ type: 'deadline', markdown: '30s to answer · closes', at: Date.UTC(2026, 10, 23, 8, 0, 30, 400) }] });
    const unix = Math.floor(Date.UTC(2026, 10, 23, 8, 0, 30) / 1000);
    expect(blocks).toEqual([
      { type: 'context', block_id: expect.any(String), elements: [{ type: 'mrkdwn', text: `30s to answer · closes at <!date^${unix}^{time_secs}|08:00:30 UTC>` }] },
    ]);
  });

  it('keeps action ids unique within a message while the value stays the core action', () => {
    const blocks = blocksOf({
      blocks: [
        { type: 'buttons', buttons: [{ action: 'daily:hint:abc', label: 'Hint' }] },
        { type: 'buttons', buttons: [{ action: 'daily:hint:abc', label: 'Hint again' }] },
      ],
    });
    const buttons = buttonsIn(blocks);
    expect(buttons.map((b) => b.actionId)).toEqual(['daily:hint:abc', 'daily:hint:abc#1']);
    expect(buttons.map((b) => b.value)).toEqual(['daily:hint:abc', 'daily:hint:abc']);
  });

  it('shows fields as section fields, ten to a section', () => {
    const fields = Array.from({ length: 12 }, (_, i) => ({ label: `Stat ${i}`, value: `${i * 10}%` }));
    const blocks = blocksOf({ blocks: [{ type: 'fields', fields }] });
    expect(blocks.map((b) => b.fields?.length)).toEqual([10, 2]);
    expect(blocks[0]?.fields?.[0]?.text).toBe('*Stat 0*\n0%');
  });

  it('clips a header to 150 characters and escapes Slack’s control characters in the fallback text', () => {
    const long = 'Q'.repeat(200);
    const [header] = blocksOf({ blocks: [{ type: 'question', title: long, markdown: 'x' }] });
    expect(header?.text?.text.length).toBe(150);
    expect(fallbackText({ blocks: [{ type: 'text', markdown: 'Is `a < b && b > c`?' }] })).toBe('Is a &lt; b &amp;&amp; b &gt; c?');
    expect(fallbackText({ blocks: [{ type: 'text', markdown: 'word '.repeat(200) }] }).length).toBeLessThanOrEqual(300);
  });

  it('writes reactions the core knows by their Slack names and leaves other emoji alone', () => {
    expect(slackEmoji('React 👀 or 👍 · 🏆 winner')).toBe('React :eyes: or :+1: · 🏆 winner');
  });
});
