import { describe, expect, it } from 'vitest';
import { renderReply, renderSingle } from '../../../src/adapters/discord/render.js';
import type { Button, Reply } from '../../../src/core/reply.js';

const json = (reply: Reply) => renderReply(reply).map((m) => ({ content: m.content, embeds: m.embeds.map((e) => e.toJSON()), components: m.components.map((r) => r.toJSON()) }));

describe('discord.js adapter: replies become Discord messages', () => {
  it('a question becomes an embed with title, rendered description and footer, with its buttons in a row', () => {
    const [message, ...more] = json({
      blocks: [
        { type: 'question', title: 'Daily question', markdown: 'What is **attention**?\n\n| a | b |\n|---|---|\n| 1 | 2 |', footer: 'NLP · React 👀 to see the answer' },
        {
          type: 'buttons',
          buttons: [
            { action: 'daily:hint:abc', label: 'Hint', style: 'secondary' },
            { action: 'daily:reveal:abc', label: 'Reveal', style: 'primary' },
          ],
        },
      ],
    });
    expect(more).toEqual([]);
    expect(message?.content).toBeUndefined();
    const embed = message?.embeds[0];
    expect(embed?.title).toBe('Daily question');
    expect(embed?.description).toMatch(/What is \*\*attention\*\*\?/);
    // Tables become code blocks: Discord has no tables.
    expect(embed?.description).toMatch(/```/);
    expect(embed?.footer?.text).toBe('NLP · React 👀 to see the answer');
    expect(message?.components[0]?.components.map((c) => ('custom_id' in c ? c.custom_id : ''))).toEqual(['daily:hint:abc', 'daily:reveal:abc']);
  });

  it('text is content, context is -# subtext, spoilers are ||…||, fields are an embed', () => {
    const [message] = json({
      blocks: [
        { type: 'context', markdown: 'Answer to daily question #3 · NLP' },
        { type: 'text', markdown: 'The *answer*.', spoiler: true },
        {
          type: 'fields',
          fields: [
            { label: 'Graded', value: '12' },
            { label: 'Streak', value: '4 days' },
          ],
        },
      ],
    });
    expect(message?.content).toBe('-# Answer to daily question #3 · NLP\n||The *answer*.||');
    expect(message?.embeds[0]?.fields).toEqual([
      { name: 'Graded', value: '12', inline: true },
      { name: 'Streak', value: '4 days', inline: true },
    ]);
  });

  it('a deadline is subtext ending in a relative timestamp Discord keeps counting down; a marked pick is a disabled button', () => {
    const [message] = json({
      blocks: [
        { type: 'deadline', markdown: '30s to answer · closes', at: 1_795_420_830_500 },
        {
          type: 'buttons',
          buttons: [
            { action: 'quiz:r:0:A', label: 'A', style: 'secondary', disabled: true },
            { action: 'quiz:r:0:B', label: '✓ B', style: 'success', disabled: true, selected: true },
          ],
        },
      ],
    });
    // Whole seconds: Discord's <t:…> takes a unix time.
    expect(message?.content).toBe('-# 30s to answer · closes <t:1795420830:R>');
    expect(message?.components[0]?.components).toEqual([
      { type: 2, custom_id: 'quiz:r:0:A', label: 'A', style: 2, disabled: true },
      { type: 2, custom_id: 'quiz:r:0:B', label: '✓ B', style: 3, disabled: true },
    ]);
  });

  it('rows hold five buttons, at most five rows a message; labels are cut to 80 characters', () => {
    const many: Button[] = Array.from({ length: 27 }, (_, i) => ({ action: `quiz:r:${i}:A`, label: `${'x'.repeat(90)}${i}` }));
    const messages = json({
      blocks: [
        { type: 'text', markdown: 'Pick' },
        { type: 'buttons', buttons: many },
      ],
    });
    expect(messages.map((m) => m.components.length)).toEqual([5, 1]);
    expect(messages[0]?.components.map((r) => r.components.length)).toEqual([5, 5, 5, 5, 5]);
    const label = messages[0]?.components[0]?.components[0];
    expect(label && 'label' in label ? label.label?.length : 0).toBe(80);
    expect(label && 'label' in label ? label.label?.endsWith('…') : false).toBe(true);
  });

  it('long text is split into messages under 2,000 characters, each spoiler closed, buttons on the last', () => {
    const long = Array.from({ length: 60 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(20)}`).join('\n\n');
    const messages = json({
      blocks: [
        { type: 'text', markdown: long, spoiler: true },
        { type: 'buttons', buttons: [{ action: 'daily:grade:a:got', label: 'Got it' }] },
      ],
    });
    expect(messages.length).toBeGreaterThan(2);
    for (const m of messages) {
      expect(m.content?.length ?? 0).toBeLessThanOrEqual(2000);
      expect(m.content).toMatch(/^\|\|[\s\S]*\|\|$/);
    }
    expect(messages.map((m) => m.components.length)).toEqual([...Array(messages.length - 1).fill(0), 1]);
  });

  it('an edit keeps everything in one message, its buttons included', () => {
    const long = 'word '.repeat(1000);
    const single = renderSingle({
      blocks: [
        { type: 'text', markdown: long },
        { type: 'buttons', buttons: [{ action: 'quiz:r:0:A', label: 'A', disabled: true }] },
      ],
    });
    expect(single.content?.length).toBe(2000);
    expect(single.components).toHaveLength(1);
  });

  it('Discord syntax in bank text is escaped: no fake subtext, no fake spoilers', () => {
    const [message] = json({ blocks: [{ type: 'text', markdown: '-# not small\n\n||not hidden||' }] });
    expect(message?.content).toBe('\\-# not small\n\n\\|\\|not hidden\\|\\|');
  });

  it('a question card with an empty title or footer is still sent (discord.js refuses empty ones)', () => {
    const [message] = json({ blocks: [{ type: 'question', title: '', markdown: 'What is **attention**?', footer: '\n' }] });
    expect(message?.embeds[0]).toMatchObject({ description: 'What is **attention**?' });
    expect(message?.embeds[0]?.title).toBeUndefined();
    expect(message?.embeds[0]?.footer).toBeUndefined();
  });
});
