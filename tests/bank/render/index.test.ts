import { describe, expect, it } from 'vitest';
import type { Question } from '../../../src/bank/types.js';
import { discordFlavour as discord } from '../../../src/adapters/discord/markdown-flavour.js';
import { slackFlavour as slack } from '../../../src/adapters/slack/mrkdwn-flavour.js';
import { NO_ANSWER_YET, plainFlavour as plain, render, renderChunks, renderQuestionCard } from '../../../src/bank/render/index.js';

function question(overrides: Partial<Question> = {}): Question {
  return {
    id: 'q-attention',
    question: 'What is the **attention** mechanism?',
    answer: 'It lets the model *weigh* every token.',
    hints: ['Think about `softmax`.', 'Queries meet keys.'],
    category: 'Transformers',
    tags: ['nlp', 'core'],
    difficulty: null,
    sources: [{ file: 'genai.md', line: 12 }],
    ...overrides,
  };
}

const longAnswer = Array.from({ length: 40 }, (_, index) => `Paragraph ${index} explains one more detail of the mechanism in plain words, again and again.`).join('\n\n');

describe('render', () => {
  it('renders the same Markdown for each target in its own syntax', () => {
    expect(render('**bold**', discord)).toBe('**bold**');
    expect(render('**bold**', slack).replaceAll('\u200B', '')).toBe('*bold*');
    expect(render('**bold**', plain)).toBe('bold');
  });
});

describe('renderChunks', () => {
  it('splits at each target limit', () => {
    const answer = `${longAnswer}\n\n${longAnswer}`;

    const discordChunks = renderChunks(answer, discord);
    const slackChunks = renderChunks(answer, slack);
    const plainChunks = renderChunks(answer, plain);

    expect([discord.limit, slack.limit, plain.limit]).toEqual([2000, 3000, 2000]);
    for (const chunk of discordChunks) expect(chunk.length).toBeLessThanOrEqual(2000);
    for (const chunk of slackChunks) expect(chunk.length).toBeLessThanOrEqual(3000);
    for (const chunk of plainChunks) expect(chunk.length).toBeLessThanOrEqual(2000);
    expect(slackChunks.length).toBeLessThan(discordChunks.length);
  });
});

describe('renderQuestionCard', () => {
  it('shows the bold question, category and tags, hints and the answer on Discord', () => {
    expect(renderQuestionCard(question(), discord)).toEqual([
      [
        '**What is the attention mechanism?**',
        '*Category: Transformers · Tags: nlp, core*',
        '**Hints**',
        '- Think about `softmax`.\n- Queries meet keys.',
        '**Answer**',
        'It lets the model *weigh* every token.',
      ].join('\n\n'),
    ]);
  });

  it('reads as plain text for the command line', () => {
    expect(renderQuestionCard(question(), plain)).toEqual([
      [
        'What is the attention mechanism?',
        'Category: Transformers · Tags: nlp, core',
        'Hints',
        '- Think about softmax.\n- Queries meet keys.',
        'Answer',
        'It lets the model weigh every token.',
      ].join('\n\n'),
    ]);
  });

  it('uses Slack mrkdwn for the card on Slack', () => {
    const [card] = renderQuestionCard(question(), slack);
    expect(card?.replaceAll('\u200B', '')).toMatch(/^\*What is the attention mechanism\?\*\n\n_Category: Transformers · Tags: nlp, core_\n/);
  });

  it('says there is no answer yet when the bank has none, and leaves out empty sections', () => {
    const [card, ...rest] = renderQuestionCard(question({ answer: null, hints: [], tags: [], category: null }), plain);

    expect(rest).toEqual([]);
    expect(card).toBe(`What is the attention mechanism?\n\nAnswer\n\n${NO_ANSWER_YET}`);
    expect(NO_ANSWER_YET).toBe('No answer in the bank yet.');
  });

  it('shows a category without tags', () => {
    const [card] = renderQuestionCard(question({ tags: [] }), plain);
    expect(card).toContain('\n\nCategory: Transformers\n\n');
  });

  it('splits a long card to the target limit, starting with the question', () => {
    const chunks = renderQuestionCard(question({ answer: longAnswer }), discord);

    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]?.startsWith('**What is the attention mechanism?**')).toBe(true);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(2000);
    expect(chunks.at(-1)).toContain('Paragraph 39');
  });

  it('keeps a table in the answer readable on Discord', () => {
    const [card] = renderQuestionCard(question({ answer: '| A | B |\n| --- | --: |\n| x | 1 |' }), discord);
    expect(card).toContain('```\nA | B\n--+--\nx | 1\n```');
  });
});
