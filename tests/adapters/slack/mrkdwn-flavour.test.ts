import { describe, expect, it } from 'vitest';
import { renderSlack } from '../../../src/adapters/slack/mrkdwn-flavour.js';

/** slackify-markdown pads emphasis with zero-width spaces so Slack formats mid-word; they are invisible. */
function visible(mrkdwn: string): string {
  return mrkdwn.replaceAll('\u200B', '');
}

describe('renderSlack', () => {
  it('turns bold, italic and inline code into Slack mrkdwn', () => {
    expect(visible(renderSlack('**bold**, *italic* and `code`'))).toBe('*bold*, _italic_ and `code`');
  });

  it('turns links into <url|text>', () => {
    expect(renderSlack('see [the docs](https://example.com/docs)')).toBe('see <https://example.com/docs|the docs>');
  });

  it('writes bullet lists with bullets and keeps ordered lists numbered', () => {
    const rendered = renderSlack('- one\n- two\n\n1. first\n2. second');
    expect(rendered).toMatch(/^• +one$/m);
    expect(rendered).toMatch(/^• +two$/m);
    expect(rendered).toMatch(/^1\. +first$/m);
    expect(rendered).toMatch(/^2\. +second$/m);
  });

  it('keeps code blocks fenced, without the language tag Slack cannot use', () => {
    expect(renderSlack('```python\nprint("hi")\n```')).toBe('```\nprint("hi")\n```');
  });

  it('escapes &, < and > in text, every > on the line included', () => {
    expect(renderSlack('a < b & c > d > e')).toBe('a &lt; b &amp; c &gt; d &gt; e');
  });

  it('escapes &, < and > inside code too, since Slack decodes entities there as well', () => {
    expect(renderSlack('`a<b && c>d`\n\n```\nif a < b:\n```')).toBe('`a&lt;b &amp;&amp; c&gt;d`\n\n```\nif a &lt; b:\n```');
  });

  it('renders a GFM table as an aligned table inside a code block', () => {
    const table = ['| Name | Role | Score |', '| :--- | :--- | ---: |', '| **Ann** | `dev` | 10 |', '| Bob | *design* | 7 |'].join('\n');

    expect(renderSlack(table)).toBe(['```', 'Name | Role   | Score', '-----+--------+------', 'Ann  | dev    |    10', 'Bob  | design |     7', '```'].join('\n'));
  });

  it('escapes table cells without letting the entities break the alignment', () => {
    const rendered = renderSlack('| Pair | Note |\n| --- | --- |\n| Q & A | x |\n| B | y |');
    expect(rendered).toBe(['```', 'Pair  | Note', '------+-----', 'Q &amp; A | x', 'B     | y', '```'].join('\n'));
  });

  it('strips HTML anchors and turns <br> into a newline rather than a backslash', () => {
    expect(renderSlack('Intro <a id="x"></a>\n\nfirst<br>second')).toBe('Intro\n\nfirst\nsecond');
  });

  it('makes headings bold', () => {
    expect(visible(renderSlack('## Why **attention** matters'))).toBe('*Why attention matters*');
  });

  it('does not let private-use characters from the input turn into entities', () => {
    expect(renderSlack('a\uE000b\uE001c')).toBe('abc');
  });
});
