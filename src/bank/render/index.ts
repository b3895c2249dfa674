import type { Question } from '../types.js';
import { questionCardTree } from './card.js';
import type { MarkdownFlavour } from './flavour.js';
import { parseForRender } from './parse.js';
import { RenderMemo } from './memo.js';
import { plainFromTree } from './plain.js';
import { splitMessage } from './split.js';

export type { MarkdownFlavour } from './flavour.js';
export { renderPlain } from './plain.js';
export { NO_ANSWER_YET } from './card.js';
export { splitMessage, type SplitOptions } from './split.js';

/** Plain text has no platform limit; this keeps terminal and log output in readable pieces. */
export const PLAIN_CHUNK_LIMIT = 2000;

/** Text for a terminal, a log or a summary: no markup at all. */
export const plainFlavour: MarkdownFlavour = {
  name: 'plain',
  fromTree: plainFromTree,
  limit: PLAIN_CHUNK_LIMIT,
  // Plain text shows code indented, not fenced: there is nothing to repair.
  split: { fences: false },
};

const MEMO_BUDGET = 4_000_000;
const memos = new WeakMap<MarkdownFlavour, RenderMemo>();

function memoFor(flavour: MarkdownFlavour): RenderMemo {
  let memo = memos.get(flavour);
  if (!memo) {
    memo = new RenderMemo(MEMO_BUDGET);
    memos.set(flavour, memo);
  }
  return memo;
}

/** Renders in one flavour; the same text is rendered once and then remembered (see RenderMemo). */
export function render(markdown: string, flavour: MarkdownFlavour): string {
  return memoFor(flavour).get(markdown, () => flavour.fromTree(parseForRender(markdown)));
}

/** Renders, then splits at the flavour's limit; each chunk is one message (or one Slack section). */
export function renderChunks(markdown: string, flavour: MarkdownFlavour): string[] {
  return splitMessage(render(markdown, flavour), flavour.limit, flavour.split);
}

/** A whole question (prompt, category and tags, hints, answer) ready to post, split to the flavour's limit. */
export function renderQuestionCard(question: Question, flavour: MarkdownFlavour): string[] {
  return splitMessage(flavour.fromTree(questionCardTree(question)), flavour.limit, flavour.split);
}
