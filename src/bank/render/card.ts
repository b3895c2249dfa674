import { askedMarkdown } from '../asked.js';
import type { BlockContent, ListItem, PhrasingContent, Root, RootContent } from 'mdast';
import type { Question } from '../types.js';
import { parseForRender } from './parse.js';
import { text, withoutStrong } from './tree.js';

export const NO_ANSWER_YET = 'No answer in the bank yet.';

/**
 * One Markdown tree for a whole question card, so every target renders the card with the same
 * rules it uses for answers:
 *
 *     **question**
 *     *Category: … · Tags: …*
 *     **Hints**
 *     - hint
 *     **Answer**
 *     answer
 */
export function questionCardTree(question: Question): Root {
  const children: RootContent[] = [...boldParagraphs(parseForRender(question.question).children)];
  if (question.choices && question.choices.length > 0) children.push(...parseForRender(askedMarkdown({ question: '', choices: question.choices })).children);

  const details = detailsLine(question);
  if (details) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [text(details)] }] });

  if (question.hints.length > 0) {
    children.push(label('Hints'), {
      type: 'list',
      ordered: false,
      spread: false,
      children: question.hints.map(hintItem),
    });
  }

  children.push(label('Answer'));
  if (question.answer === null) {
    children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [text(NO_ANSWER_YET)] }] });
  } else {
    children.push(...parseForRender(question.answer).children);
  }

  return { type: 'root', children };
}

function detailsLine(question: Question): string {
  const parts: string[] = [];
  if (question.category) parts.push(`Category: ${question.category}`);
  if (question.tags.length > 0) parts.push(`Tags: ${question.tags.join(', ')}`);
  return parts.join(' · ');
}

/** The question reads as a bold prompt; code blocks, lists and tables in it are left as they are. */
function boldParagraphs(nodes: RootContent[]): RootContent[] {
  return nodes.map((node) => (node.type === 'paragraph' ? { type: 'paragraph', children: [{ type: 'strong', children: withoutStrong(node.children) }] } : node));
}

function label(value: string): RootContent {
  const children: PhrasingContent[] = [{ type: 'strong', children: [text(value)] }];
  return { type: 'paragraph', children };
}

function hintItem(hint: string): ListItem {
  const blocks = parseForRender(hint).children.filter(isListItemContent);
  return { type: 'listItem', spread: false, children: blocks };
}

function isListItemContent(node: RootContent): node is BlockContent {
  return node.type !== 'definition' && node.type !== 'yaml' && node.type !== 'footnoteDefinition';
}
