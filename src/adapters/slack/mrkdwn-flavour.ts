import type { Root } from 'mdast';
import { slackifyMarkdown } from 'slackify-markdown';
import { serializeMarkdown } from '../../bank/markdown.js';
import type { MarkdownFlavour } from '../../bank/render/flavour.js';
import { normalizeTree } from '../../bank/render/normalize.js';
import { parseForRender } from '../../bank/render/parse.js';
import { plainPhrasing } from '../../bank/render/plain.js';
import { tableToCode } from '../../bank/render/table-text.js';
import { rewriteTree, text, withoutStrong } from '../../bank/render/tree.js';

/** Slack rejects a section block's text longer than this. */
export const SLACK_SECTION_LIMIT = 3000;

/**
 * Slack needs `&`, `<` and `>` escaped in all text, code included. slackify-markdown escapes
 * text but not code, and only the last `>` of a line, so the tree carries private-use
 * stand-ins through the converter and they become entities afterwards. Stand-ins already in
 * the input are dropped first so they cannot turn into entities by accident.
 */
const STAND_INS: ReadonlyArray<readonly [character: string, standIn: string, entity: string]> = [
  ['&', '\uE000', '&amp;'],
  ['<', '\uE001', '&lt;'],
  ['>', '\uE002', '&gt;'],
];
const ANY_STAND_IN = /[\uE000-\uE002]/g;

/**
 * Slack mrkdwn via slackify-markdown (`*bold*`, `_italic_`, `<url|text>`, ``` blocks). Tables are
 * turned into aligned code blocks first. Slack code blocks have no language tag, so it is dropped.
 */
export function renderSlack(markdown: string): string {
  return slackFromTree(parseForRender(markdown));
}

/** Renders an already parsed tree; the tree is transformed in place. */
export function slackFromTree(tree: Root): string {
  normalizeTree(tree);
  rewriteTree(tree, (node) => {
    switch (node.type) {
      case 'table':
        return [escapeForSlack(tableToCode(node, plainPhrasing))];
      // Headings are already bold on Slack, and `*a *b* c*` would break the outer bold.
      case 'heading':
        node.children = withoutStrong(node.children);
        return undefined;
      // slackify serialises hard breaks as `\` + newline, which Slack shows literally; a newline inside text survives as is.
      case 'break':
        return [text('\n')];
      case 'text':
      case 'inlineCode':
      case 'code':
        return [escapeForSlack(node)];
      default:
        return undefined;
    }
  });

  const slackified = slackifyMarkdown(serializeMarkdown(tree, { fences: true }));
  return STAND_INS.reduce((result, [, standIn, entity]) => result.replaceAll(standIn, entity), slackified).trim();
}

function escapeForSlack<T extends { value: string }>(node: T): T {
  node.value = STAND_INS.reduce((value, [character, standIn]) => value.replaceAll(character, standIn), node.value.replace(ANY_STAND_IN, ''));
  return node;
}

/** Slack's flavour for the bank renderer: mrkdwn, the section limit, and what a cut must not split. */
export const slackFlavour: MarkdownFlavour = {
  name: 'slack',
  fromTree: slackFromTree,
  limit: SLACK_SECTION_LIMIT,
  // `<url|text>` links and `&amp;`-style entities.
  split: { keepTogether: /<[^<>\n]*>|&(?:amp|lt|gt);/g },
};
