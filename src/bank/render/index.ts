import type { Root } from 'mdast';
import type { Question } from '../types.js';
import { questionCardTree } from './card.js';
import { discordFromTree } from './discord.js';
import { parseForRender } from './parse.js';
import { RenderMemo } from './memo.js';
import { plainFromTree } from './plain.js';
import { slackFromTree } from './slack.js';
import { DISCORD_MESSAGE_LIMIT, SLACK_SECTION_LIMIT, type SplitOptions, splitMessage } from './split.js';

export { renderDiscord } from './discord.js';
export { renderSlack } from './slack.js';
export { renderPlain } from './plain.js';
export { NO_ANSWER_YET } from './card.js';
export { DISCORD_MESSAGE_LIMIT, SLACK_SECTION_LIMIT, splitMessage, type SplitOptions } from './split.js';

export type RenderTarget = 'discord' | 'slack' | 'plain';

/** Plain text has no platform limit; this keeps terminal and log output in readable pieces. */
export const PLAIN_CHUNK_LIMIT = 2000;

export const CHUNK_LIMITS: Readonly<Record<RenderTarget, number>> = {
  discord: DISCORD_MESSAGE_LIMIT,
  slack: SLACK_SECTION_LIMIT,
  plain: PLAIN_CHUNK_LIMIT,
};

const fromTree: Readonly<Record<RenderTarget, (tree: Root) => string>> = {
  discord: discordFromTree,
  slack: slackFromTree,
  plain: plainFromTree,
};

/** Markup a hard cut must not land inside, per target. */
const splitOptions: Readonly<Record<RenderTarget, SplitOptions>> = {
  // Masked links `[text](url)` and suppressed-embed links `<url>`.
  discord: { keepTogether: /\[[^\]\n]*\]\([^)\s]*\)|<https?:[^>\s]*>/g },
  // `<url|text>` links and `&amp;`-style entities.
  slack: { keepTogether: /<[^<>\n]*>|&(?:amp|lt|gt);/g },
  // Plain text shows code indented, not fenced: there is nothing to repair.
  plain: { fences: false },
};

const memos: Record<RenderTarget, RenderMemo> = {
  discord: new RenderMemo(4_000_000),
  slack: new RenderMemo(4_000_000),
  plain: new RenderMemo(4_000_000),
};

/** Renders for one target; the same text is rendered once and then remembered (see RenderMemo). */
export function render(markdown: string, target: RenderTarget): string {
  return memos[target].get(markdown, () => fromTree[target](parseForRender(markdown)));
}

/** Renders, then splits at the target's limit; each chunk is one message (or one Slack section). */
export function renderChunks(markdown: string, target: RenderTarget): string[] {
  return splitMessage(render(markdown, target), CHUNK_LIMITS[target], splitOptions[target]);
}

/** A whole question (prompt, category and tags, hints, answer) ready to post, split to the target's limit. */
export function renderQuestionCard(question: Question, target: RenderTarget): string[] {
  const rendered = fromTree[target](questionCardTree(question));
  return splitMessage(rendered, CHUNK_LIMITS[target], splitOptions[target]);
}
