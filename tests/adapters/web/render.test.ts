import { describe, expect, it } from 'vitest';
import { blockView } from '../../../src/adapters/web/render/reply-view.js';
import { markdownToHtml } from '../../../src/adapters/web/render/markdown-html.js';
import { slackToHtml } from '../../../src/adapters/web/render/slack-html.js';

describe('the playground’s Markdown renderer (bank parser, escaped HTML out)', () => {
  it('shows raw HTML as text and escapes every character that could start markup', () => {
    const html = markdownToHtml('Hi <script>alert(1)</script> & <img src=x onerror=alert(2)> "quoted"');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&amp;');
    expect(html).toContain('&quot;quoted&quot;');
  });

  it('keeps only http(s) and mailto links, and turns images into links so nothing loads from elsewhere', () => {
    expect(markdownToHtml('[x](javascript:alert(1))')).toBe('<p>x</p>');
    expect(markdownToHtml('[docs](https://example.com/a?b=1&c=2)')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noopener noreferrer nofollow" target="_blank">docs</a></p>',
    );
    expect(markdownToHtml('![chart](https://example.com/c.png)')).toContain('<a href="https://example.com/c.png"');
    expect(markdownToHtml('![chart](https://example.com/c.png)')).not.toContain('<img');
  });

  it('draws the Markdown a bank uses: emphasis, code, lists, quotes, tables, and line breaks as chat shows them', () => {
    expect(markdownToHtml('**bold** *it* ~~gone~~ `a<b`')).toBe('<p><strong>bold</strong> <em>it</em> <del>gone</del> <code>a&lt;b</code></p>');
    expect(markdownToHtml('```python\nif a < b: pass\n```')).toBe('<pre data-lang="python"><code>if a &lt; b: pass</code></pre>');
    expect(markdownToHtml('- one\n- two')).toBe('<ul><li>one</li><li>two</li></ul>');
    expect(markdownToHtml('> quoted')).toBe('<blockquote><p>quoted</p></blockquote>');
    expect(markdownToHtml('| a | b |\n| - | - |\n| 1 | 2 |')).toContain('<thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody>');
    expect(markdownToHtml('line one\nline two')).toBe('<p>line one<br>line two</p>');
  });

  it('uncovers Discord spoilers only when asked to', () => {
    expect(markdownToHtml('the answer is ||42||', { spoilers: true })).toBe('<p>the answer is <span class="spoiler">42</span></p>');
    expect(markdownToHtml('the answer is ||42||')).toBe('<p>the answer is ||42||</p>');
  });
});

describe('the playground’s Slack mrkdwn preview renderer', () => {
  it('decodes Slack’s entities and escapes them again, so &lt;script&gt; stays text', () => {
    const html = slackToHtml('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>');
  });

  it('draws bold, italics, strike, code, blocks, quotes and links, refusing javascript: urls', () => {
    expect(slackToHtml('*bold* _it_ ~gone~ `a &lt; b`')).toBe('<p><strong>bold</strong> <em>it</em> <del>gone</del> <code>a &lt; b</code></p>');
    expect(slackToHtml('```\nx &lt; y\n```')).toBe('<pre><code>x &lt; y</code></pre>');
    expect(slackToHtml('> a quote\nafter')).toBe('<blockquote>a quote</blockquote><p>after</p>');
    expect(slackToHtml('<https://example.com|the docs>')).toBe('<p><a href="https://example.com" rel="noopener noreferrer nofollow" target="_blank">the docs</a></p>');
    expect(slackToHtml('<javascript:alert(1)|click>')).toBe('<p>click</p>');
    expect(slackToHtml('one\n\ntwo')).toBe('<p>one</p><p>two</p>');
  });
});

describe('the playground’s view of a reply’s live parts', () => {
  it('passes a deadline on as its words and the instant, for the page to count down; a marked pick keeps its mark', () => {
    expect(blockView({ type: 'deadline', markdown: '30s to answer · *closes*', at: 1_795_420_830_000 })).toEqual({
      type: 'deadline',
      html: '<p>30s to answer · <em>closes</em></p>',
      at: 1_795_420_830_000,
    });
    expect(
      blockView({
        type: 'buttons',
        buttons: [
          { action: 'q:a', label: '✓ A', style: 'success', disabled: true, selected: true },
          { action: 'q:b', label: 'B' },
        ],
      }),
    ).toEqual({
      type: 'buttons',
      buttons: [
        { action: 'q:a', label: '✓ A', style: 'success', disabled: true, selected: true },
        { action: 'q:b', label: 'B', style: 'secondary', disabled: false, selected: false },
      ],
    });
  });
});
