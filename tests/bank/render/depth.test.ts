import { readFileSync, readdirSync } from 'node:fs';
import type { PhrasingContent, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { discordFlavour, discordFromTree, renderDiscord } from '../../../src/adapters/discord/markdown-flavour.js';
import { renderSlack, slackFlavour, slackFromTree } from '../../../src/adapters/slack/mrkdwn-flavour.js';
import { markdownToHtml } from '../../../src/adapters/web/render/markdown-html.js';
import { capSourceNesting, MAX_PHRASING_NESTING, TOO_DEEP } from '../../../src/bank/render/depth.js';
import { plainFlavour, renderQuestionCard } from '../../../src/bank/render/index.js';
import { plainFromTree, renderPlain } from '../../../src/bank/render/plain.js';
import type { Question } from '../../../src/bank/types.js';

const renderers: Record<string, (markdown: string) => string> = {
  discord: renderDiscord,
  slack: renderSlack,
  plain: renderPlain,
  html: (markdown) => markdownToHtml(markdown),
};

const deepQuote = `${'> '.repeat(4500)}the bottom of the well`;
const deepList = `${'- '.repeat(4500)}the last item`;
const deepIndentedList = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');

/** Nesting the parser would need ages to build from text: built by hand, as a stored or generated tree could be. */
function deepEmphasisTree(depth: number): Root {
  let inner: PhrasingContent = { type: 'text', value: 'core' };
  for (let i = 0; i < depth; i++) {
    const type = i % 3 === 0 ? 'emphasis' : i % 3 === 1 ? 'strong' : 'delete';
    inner = { type, children: [{ type: 'text', value: 'a ' }, inner] };
  }
  return { type: 'root', children: [{ type: 'paragraph', children: [inner] }] };
}

describe('renderers on deeply nested Markdown', () => {
  for (const [name, render] of Object.entries(renderers)) {
    // micromark spent minutes on these (far past the test's timeout); the answer stays readable text.
    it(`${name}: 4,500 unmatched or nested emphasis markers render as text, within the test's time`, () => {
      expect(render('*a '.repeat(4500)).length).toBeGreaterThan(4500);
      expect(render(`${'*a '.repeat(4500)}${'a* '.repeat(4500)}`)).toContain(TOO_DEEP);
    });
    it(`${name}: a 4,500-deep blockquote renders, cut with a visible … and without the stack overflowing`, () => {
      const out = render(deepQuote);
      expect(out).toContain(TOO_DEEP);
      expect(out.length).toBeLessThan(5000);
    });

    it(`${name}: lists nested 4,500 deep on one line, and 300 deep by indentation, render with …`, () => {
      expect(render(deepList)).toContain(TOO_DEEP);
      const indented = render(deepIndentedList);
      expect(indented).toContain('level 0');
      expect(indented).toContain(TOO_DEEP);
    });
  }

  const fromTree = { discord: discordFromTree, slack: slackFromTree, plain: plainFromTree };
  for (const [name, render] of Object.entries(fromTree)) {
    it(`${name}: 10,000 nested emphasis, strong and strikethrough spans render with … in place of the depth`, () => {
      const out = render(deepEmphasisTree(10_000));
      expect(out).toContain(TOO_DEEP);
      expect(out).not.toContain('core');
      expect(out.split('a ').length - 1).toBeLessThanOrEqual(MAX_PHRASING_NESTING);
    });
  }

  it('a question card whose answer is a 4,500-deep quote renders on every target', () => {
    const question: Question = {
      id: 'deep',
      question: 'How deep is the well?',
      answer: deepQuote,
      hints: [],
      tags: [],
      category: null,
      difficulty: null,
      sources: [],
    } as unknown as Question;
    for (const flavour of [discordFlavour, slackFlavour, plainFlavour]) {
      const chunks = renderQuestionCard(question, flavour);
      expect(chunks.join('\n')).toContain(TOO_DEEP);
    }
  });

  it('leaves ordinary text as written: the seed banks have no line past the prefix cap', () => {
    for (const file of readdirSync('questions')) {
      const text = readFileSync(`questions/${file}`, 'utf8');
      expect(capSourceNesting(text), file).toBe(text);
    }
  });
});
