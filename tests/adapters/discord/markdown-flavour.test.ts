import { describe, expect, it } from 'vitest';
import { renderDiscord } from '../../../src/adapters/discord/markdown-flavour.js';

describe('renderDiscord', () => {
  it('keeps bold, italic, inline code and masked links as Discord Markdown', () => {
    expect(renderDiscord('**bold**, _italic_, `code` and [the docs](https://example.com/docs)')).toBe('**bold**, *italic*, `code` and [the docs](https://example.com/docs)');
  });

  it('writes bullet lists with dashes and keeps ordered lists numbered from their start', () => {
    expect(renderDiscord('* one\n  * nested\n* two\n\n3. third\n4. fourth')).toBe('- one\n  - nested\n- two\n\n3. third\n4. fourth');
  });

  it('renders a GFM table as an aligned table inside a code block, with cell Markdown reduced to text', () => {
    const table = ['| Name | Role | Score |', '| :--- | :--- | ---: |', '| **Ann** | `dev` | 10 |', '| Bob | *design* | 7 |'].join('\n');

    expect(renderDiscord(table)).toBe(['```', 'Name | Role   | Score', '-----+--------+------', 'Ann  | dev    |    10', 'Bob  | design |     7', '```'].join('\n'));
  });

  it('aligns a real question-bank table whose cells mix bold and parentheses', () => {
    const table = [
      '| Model Type | Mechanism | Best For |',
      '| :--- | :--- | :--- |',
      '| **GANs** (Generative Adversarial Networks) | Two networks (Generator vs Discriminator) compete. | High-quality Image Generation |',
    ].join('\n');

    expect(renderDiscord(table)).toBe(
      [
        '```',
        'Model Type                             | Mechanism                                          | Best For',
        '---------------------------------------+----------------------------------------------------+------------------------------',
        'GANs (Generative Adversarial Networks) | Two networks (Generator vs Discriminator) compete. | High-quality Image Generation',
        '```',
      ].join('\n'),
    );
  });

  it('keeps fenced code blocks with their language', () => {
    expect(renderDiscord('```python\nprint("a < b")\n```')).toBe('```python\nprint("a < b")\n```');
  });

  it('keeps the three heading levels Discord draws and turns deeper headings into bold lines', () => {
    expect(renderDiscord('### Q1. Tokens\n\n#### Why **BPE** helps')).toBe('### Q1. Tokens\n\n**Why BPE helps**');
  });

  it('turns images into links, using the alt text as the label', () => {
    expect(renderDiscord('![Attention diagram](https://example.com/a.png)')).toBe('[Attention diagram](https://example.com/a.png)');
  });

  it('strips HTML anchors and turns <br> into a newline', () => {
    expect(renderDiscord('## Foundations <a id="foundations"></a>\n\nfirst<br>second')).toBe('## Foundations\n\nfirst\nsecond');
  });

  it('drops an anchor that sits on a line of its own', () => {
    expect(renderDiscord('<a id="x"></a>\n\nBody')).toBe('Body');
  });

  it('keeps only the text of links that point inside the bank', () => {
    expect(renderDiscord('1. [Foundations](#foundations)')).toBe('1. Foundations');
  });

  it('escapes a double pipe so bank text cannot turn into a spoiler', () => {
    expect(renderDiscord('use a || b here')).toBe('use a \\|\\| b here');
  });

  it('writes $math$ as Unicode text', () => {
    expect(renderDiscord('It learns $P(Y|X)$ with $x_i$ inputs.')).toBe('It learns P(Y|X) with xᵢ inputs.');
  });

  it('labels GitHub alerts instead of showing the [!NOTE] marker', () => {
    expect(renderDiscord('> [!NOTE]\n> Read this first.')).toBe('> **Note**\n> Read this first.');
  });
});
