import type { Command } from '../src/core/commands/types.js';
import { defaultEngineConfig } from '../src/core/engine-config.js';

/**
 * `quiz [category] [count] [solo]`. Typed as text, `quiz 10` would put 10 in the category slot; a bare
 * number there is read as the count, since no one names a category with digits alone.
 */
export default {
  name: 'quiz',
  description: 'Start a quick multiple-choice round in this channel',
  permission: 'everyone',
  options: [
    { name: 'category', description: 'Category to ask from (default: all)', type: 'string', autocomplete: 'category' },
    { name: 'count', description: 'How many questions', type: 'integer', min: 1, max: defaultEngineConfig.quiz.maxQuestions },
    { name: 'solo', description: 'Just you: the next question comes as soon as you answer', type: 'boolean' },
  ],
  async run(ctx) {
    const category = ctx.options.string('category');
    const count = ctx.options.integer('count');
    const solo = ctx.options.boolean('solo');
    const countInCategory = category !== undefined && /^\d+$/.test(category) && count === undefined;
    return ctx.services.quiz.start({
      channel: ctx.channel,
      user: ctx.user,
      ...(category !== undefined && !countInCategory ? { categories: [category] } : {}),
      ...(countInCategory ? { count: Number(category) } : count !== undefined ? { count } : {}),
      ...(solo !== undefined ? { solo } : {}),
    });
  },
} satisfies Command;
