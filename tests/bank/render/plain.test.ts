import { describe, expect, it } from 'vitest';
import { renderPlain } from '../../../src/bank/render/plain.js';

describe('renderPlain', () => {
  it('drops emphasis, strikethrough and inline code marks', () => {
    expect(renderPlain('**bold**, *italic*, ~~old~~ and `code`')).toBe('bold, italic, old and code');
  });

  it('writes links as text followed by the URL in parentheses', () => {
    expect(renderPlain('see [the docs](https://example.com/docs)')).toBe('see the docs (https://example.com/docs)');
  });

  it('writes a bare URL once rather than as "url (url)"', () => {
    expect(renderPlain('go to https://example.com now')).toBe('go to https://example.com now');
  });

  it('keeps list markers as "- item" and "1. item", nested items indented', () => {
    expect(renderPlain('* one\n  * nested\n* two\n\n3. third\n4. fourth')).toBe('- one\n  - nested\n- two\n\n3. third\n4. fourth');
  });

  it('indents continuation lines of a list item under its text', () => {
    expect(renderPlain('1. first line\n   second line')).toBe('1. first line\n   second line');
  });

  it('writes headings as their text alone', () => {
    expect(renderPlain('## Transformers\n\nBody text.')).toBe('Transformers\n\nBody text.');
  });

  it('keeps code blocks as their text indented by four spaces, blank lines left empty', () => {
    expect(renderPlain('```js\nconst a = 1;\n\nreturn a;\n```')).toBe('    const a = 1;\n\n    return a;');
  });

  it('renders a GFM table as aligned text columns', () => {
    const table = ['| Name | Role | Score |', '| :--- | :--- | ---: |', '| **Ann** | `dev` | 10 |', '| Bob | *design* | 7 |'].join('\n');

    expect(renderPlain(table)).toBe(['Name | Role   | Score', '-----+--------+------', 'Ann  | dev    |    10', 'Bob  | design |     7'].join('\n'));
  });

  it('marks quotes with a bar instead of ">"', () => {
    expect(renderPlain('> quoted\n> text')).toBe('│ quoted\n│ text');
  });

  it('writes images as their alt text and URL', () => {
    expect(renderPlain('![diagram](https://example.com/d.png)')).toBe('diagram (https://example.com/d.png)');
  });

  it('strips HTML anchors and turns <br> into a newline', () => {
    expect(renderPlain('## Basics <a id="basics"></a>\n\none<br>two')).toBe('Basics\n\none\ntwo');
  });

  it('writes $math$ as Unicode and keeps characters Markdown would escape exactly as the reader should see them', () => {
    expect(renderPlain('$P(Y|X)$ costs 2 \\* 3 & more')).toBe('P(Y|X) costs 2 * 3 & more');
  });
});
