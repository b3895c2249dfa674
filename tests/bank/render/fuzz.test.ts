import { embedLength } from 'discord.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/adapters/discord/limits.js';
import { renderReply } from '../../../src/adapters/discord/render.js';
import { SLACK_LIMITS, toSlackMessage } from '../../../src/adapters/slack/blocks.js';
import { markdownToHtml } from '../../../src/adapters/web/render/markdown-html.js';
import { discordFlavour } from '../../../src/adapters/discord/markdown-flavour.js';
import { slackFlavour } from '../../../src/adapters/slack/mrkdwn-flavour.js';
import { plainFlavour, renderQuestionCard } from '../../../src/bank/render/index.js';
import type { Question } from '../../../src/bank/types.js';
import type { Reply } from '../../../src/core/reply.js';

/** Generated cases render in milliseconds each, but 2,000 of them outlast the default per-test timeout. */
const TIMEOUT = 120_000;
/** Fixed, so CI runs the same cases every time; a failure prints the seed and path to replay it. */
const RUNS = { seed: 20261203, numRuns: 2000 };

/** Pieces of Markdown, math and chat markup that meet each other in odd orders. */
const TOKENS = [
  'word',
  'text ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '**',
  '*',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '```py\n',
  '~~~',
  '> ',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '# ',
  '###### ',
  '---',
  '===',
  '| a | b |\n|---|---|\n',
  '| ',
  '[',
  ']',
  '](',
  ')',
  '(',
  '![',
  '<',
  '>',
  '&',
  '&amp;',
  '<br>',
  '<!--',
  '-->',
  '<details>',
  '[^1]',
  '[x]: https://example.com/x',
  'https://example.com/a b',
  'www.example.com',
  '<https://x.y>',
  '$',
  '$$',
  '$5',
  '\\frac{a}{b}',
  'x_{new}',
  '\\sqrt{',
  '\\left(',
  '\\',
  '||',
  '-# ',
  '@everyone',
  '<@123>',
  '😀',
  '👍🏽',
  '👨‍👩‍👧',
  'é',
  '\u200b',
  '\r\n',
  '\uE000',
  '\uE020',
  '[!NOTE]',
  '- [ ] ',
];

const markdownish = fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }).map((parts) => parts.join(''));
const deep = fc
  .tuple(fc.constantFrom('> ', '- ', '* ', '1. ', '  - ', '>', '*a ', '_a ', '**a ', '[', '~~a ', '{'), fc.integer({ min: 21, max: 40 }), fc.constantFrom('x', 'x\n', 'x\n\nmore'))
  .map(([prefix, depth, end]) => prefix.repeat(depth) + end);
// Just past Discord's 2,000, so every case needs splitting and none costs more than it must.
const hugeLine = fc
  .tuple(fc.constantFrom('a', 'word ', '👍', '`', '*a* ', '$x$ ', '[a](https://e.com) ', '|', 'https://example.com/'), fc.integer({ min: 2100, max: 2400 }))
  .map(([piece, length]) => piece.repeat(Math.ceil(length / piece.length)));
const anyText = fc.oneof(
  { arbitrary: markdownish, weight: 5 },
  { arbitrary: deep, weight: 2 },
  { arbitrary: hugeLine, weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 200 }), weight: 2 },
);

const shortText = fc.oneof(markdownish, fc.string({ unit: 'binary', maxLength: 200 }));

// The answer carries the expensive shapes (deep, huge); the prompt and hints stay short, as they are in banks.
const question: fc.Arbitrary<Question> = fc
  .record({
    question: shortText,
    answer: fc.option(anyText),
    hints: fc.array(markdownish, { maxLength: 2 }),
    category: fc.option(fc.string({ maxLength: 40 })),
    tags: fc.array(fc.string({ maxLength: 12 }), { maxLength: 3 }),
  })
  .map((q) => ({ id: 'fuzz', difficulty: null, sources: [], ...q }) as unknown as Question);

const reply: fc.Arbitrary<Reply> = fc.tuple(anyText, anyText, markdownish, fc.string({ maxLength: 300 }), fc.boolean()).map(([body, spoiler, context, title, withFields]) => ({
  blocks: [
    { type: 'question', title, markdown: body, footer: context },
    { type: 'text', markdown: spoiler, spoiler: true },
    { type: 'context', markdown: context },
    ...(withFields ? [{ type: 'fields' as const, fields: [{ label: title, value: body }] }] : []),
    { type: 'buttons', buttons: [{ action: 'grade:yes', label: title || 'Yes' }] },
  ],
}));

describe('every renderer on generated questions and replies (fast-check, fixed seed)', () => {
  it(
    'renders any question card for Discord, Slack and plain text in chunks within the target limit',
    () => {
      fc.assert(
        fc.property(question, (q) => {
          for (const flavour of [discordFlavour, slackFlavour, plainFlavour]) {
            const chunks = renderQuestionCard(q, flavour);
            for (const chunk of chunks) {
              if (chunk.length > flavour.limit || chunk.trim() === '') return false;
            }
          }
          return true;
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'turns any reply into Discord messages within the content, embed and component limits',
    () => {
      fc.assert(
        fc.property(reply, (r) => {
          for (const message of renderReply(r)) {
            if ((message.content ?? '').length > LIMITS.content) return false;
            if (message.embeds.length > LIMITS.embedsPerMessage || message.components.length > LIMITS.rowsPerMessage) return false;
            if (message.embeds.reduce((sum, e) => sum + embedLength(e.data), 0) > LIMITS.embedsTotal) return false;
            for (const { data } of message.embeds) {
              if ((data.description ?? '').length > LIMITS.embedDescription || (data.title ?? '').length > LIMITS.embedTitle) return false;
              if ((data.footer?.text ?? '').length > LIMITS.embedFooter) return false;
              if ((data.fields ?? []).some((f) => f.name.length > LIMITS.embedFieldName || f.value.length > LIMITS.embedFieldValue)) return false;
            }
          }
          return true;
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'turns any reply into one Slack message within the Block Kit limits',
    () => {
      fc.assert(
        fc.property(reply, (r) => {
          const { text, blocks } = toSlackMessage(r);
          if (text.length > SLACK_LIMITS.fallbackText || blocks.length > SLACK_LIMITS.blocksPerMessage) return false;
          for (const block of blocks) {
            if (block.type === 'section' && (block.text?.text.length ?? 0) > 3000) return false;
            if (block.type === 'section' && (block.fields ?? []).some((f) => f.text.length > SLACK_LIMITS.fieldText)) return false;
            if (block.type === 'header' && block.text.text.length > SLACK_LIMITS.headerText) return false;
            if (block.type === 'context' && block.elements.some((e) => 'text' in e && e.text.length > SLACK_LIMITS.contextText)) return false;
          }
          return true;
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );

  it(
    'turns any text into page HTML without throwing',
    () => {
      fc.assert(
        fc.property(anyText, (markdown) => {
          expect(typeof markdownToHtml(markdown, { spoilers: true })).toBe('string');
        }),
        RUNS,
      );
    },
    TIMEOUT,
  );
});
