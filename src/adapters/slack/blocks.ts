import type { types } from '@slack/bolt';
import { normalizeReaction } from '../../core/emoji.js';
import { type CalendarDay, fallbackDate, dayUnixSeconds } from '../../core/dates.js';
import { type Button, type Reply, type ReplyBlock, fillDates } from '../../core/reply.js';
import { mrkdwn as toMrkdwn, mrkdwnChunks } from './mrkdwn.js';

type Block = types.KnownBlock;

/** Slack's Block Kit limits (docs.slack.dev/reference/block-kit): a message refuses anything larger. */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  headerText: 150,
  contextText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  buttonText: 75,
  buttonsPerActions: 25,
  /** The notification / fallback text: Slack keeps more, but a preview is all it is for. */
  fallbackText: 300,
} as const;

/** What chat.postMessage, chat.update, respond() and ack() all take. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

/**
 * A core Reply as Block Kit: Markdown rendered to mrkdwn by the bank renderer, long text split across
 * section blocks at Slack's 3000-character limit, buttons carrying the core action as both action_id
 * and value. `text` is the plain fallback Slack shows in notifications.
 */
export function toSlackMessage(reply: Reply): SlackMessage {
  const ids = new IdMaker();
  const blocks = fitBlockLimit(reply.blocks.flatMap((b) => toBlocks(b, ids)));
  return { text: fallbackText(reply), blocks };
}

function toBlocks(block: ReplyBlock, ids: IdMaker): Block[] {
  switch (block.type) {
    // Slack has no spoiler: a thread answer is shown as it is, which is what "hidden until clicked" falls back to.
    case 'text':
      return sections(block.markdown, ids);
    case 'context':
      return [context(block.markdown, ids)];
    case 'question': {
      const out: Block[] = [{ type: 'header', block_id: ids.block(), text: { type: 'plain_text', text: clip(block.title, SLACK_LIMITS.headerText), emoji: true } }];
      out.push(...sections(block.markdown, ids));
      if (block.footer) out.push(context(block.footer, ids));
      return out;
    }
    case 'fields':
      return chunk(block.fields, SLACK_LIMITS.fieldsPerSection).map((fields) => ({
        type: 'section',
        block_id: ids.block(),
        fields: fields.map((f) => mrkdwn(clip(`*${escapeMrkdwn(f.label)}*\n${toMrkdwn(f.value)}`, SLACK_LIMITS.fieldText))),
      }));
    case 'buttons':
      return actions(block.buttons, ids);
    case 'divider':
      return [{ type: 'divider', block_id: ids.block() }];
    case 'deadline':
      return [{ type: 'context', block_id: ids.block(), elements: [mrkdwn(clip(`${slackEmoji(toMrkdwn(block.markdown))} at ${slackClock(block.at)}`, SLACK_LIMITS.contextText))] }];
    case 'dated': {
      const fill = (text: string) => fillDates(text, block.dates, slackDate);
      if (block.small) return [{ type: 'context', block_id: ids.block(), elements: [mrkdwn(clip(fill(slackEmoji(toMrkdwn(block.markdown))), SLACK_LIMITS.contextText))] }];
      return mrkdwnChunks(block.markdown).map((text) => ({ type: 'section', block_id: ids.block(), text: mrkdwn(fill(text)) }));
    }
    // Block Kit takes no bytes: the picture is uploaded beside the message (files.ts); here its words stand in.
    case 'image':
      return [context(block.alt, ids)];
  }
}

function sections(markdown: string, ids: IdMaker): Block[] {
  return mrkdwnChunks(markdown).map((text) => ({ type: 'section', block_id: ids.block(), text: mrkdwn(text) }));
}

function context(markdown: string, ids: IdMaker): Block {
  return { type: 'context', block_id: ids.block(), elements: [mrkdwn(clip(slackEmoji(toMrkdwn(markdown)), SLACK_LIMITS.contextText))] };
}

/**
 * A moment as Slack's date token: every reader sees the clock time in their own zone and format
 * (`{time_secs}`: "2:03:30 PM"); the fallback, for clients that cannot, is the UTC time.
 */
export function slackClock(atMs: number): string {
  const fallback = `${new Date(atMs).toISOString().slice(11, 19)} UTC`;
  return `<!date^${Math.floor(atMs / 1000)}^{time_secs}|${fallback}>`;
}

/**
 * A calendar date as Slack's date token: every reader sees it in their own locale (`{date_short}`: "Dec 3,
 * 2026"); the instant is 10:00 UTC of the day, the same day in the zones core/dates.ts names. The
 * fallback, for clients that cannot, is `3 Dec 2026`.
 */
export function slackDate(d: CalendarDay): string {
  return `<!date^${dayUnixSeconds(d)}^{date_short}|${fallbackDate(d)}>`;
}

/**
 * Slack buttons cannot be disabled, so a disabled button (a closed quiz question) is left out; the core
 * always says in words what closed. A person's own pick (`selected`, disabled) is the exception: it stays,
 * marked ✓, so they still see what they chose; pressing it again changes nothing in the core. Slack has
 * two colours: success and primary are both green.
 */
function actions(buttons: readonly Button[], ids: IdMaker): Block[] {
  const live = buttons.filter((b) => !b.disabled || b.selected);
  return chunk(live, SLACK_LIMITS.buttonsPerActions).map((group) => ({
    type: 'actions',
    block_id: ids.block(),
    elements: group.map((b) => {
      const style = b.style === 'success' || b.style === 'primary' ? 'primary' : b.style === 'danger' ? 'danger' : undefined;
      return {
        type: 'button' as const,
        action_id: ids.action(b.action),
        value: b.action,
        text: { type: 'plain_text' as const, text: clip(b.label, SLACK_LIMITS.buttonText), emoji: true },
        ...(style ? { style } : {}),
      };
    }),
  }));
}

/**
 * Past 50 blocks Slack refuses the whole message. Text is cut (with a note) rather than the buttons
 * at the end, which are what people act on.
 */
function fitBlockLimit(blocks: Block[]): Block[] {
  const max = SLACK_LIMITS.blocksPerMessage;
  if (blocks.length <= max) return blocks;
  let tailStart = blocks.length;
  while (tailStart > 0 && blocks[tailStart - 1]?.type === 'actions') tailStart--;
  const tail = blocks.slice(tailStart).slice(-(max - 1));
  const head = blocks.slice(0, tailStart).slice(0, max - 1 - tail.length);
  const note: Block = { type: 'context', block_id: 'recall-cut', elements: [mrkdwn('_The rest is too long for one Slack message._')] };
  return [...head, note, ...tail];
}

/**
 * The words Slack shows in a notification or where blocks cannot be drawn: the first text, with the
 * mrkdwn markup taken off (it is already rendered, and escaped, for the blocks).
 */
export function fallbackText(reply: Reply): string {
  const first = reply.blocks.find((b) => b.type === 'question' || b.type === 'text' || b.type === 'context' || b.type === 'dated');
  let words = '';
  if (first?.type === 'question') words = `${escapeMrkdwn(first.title)}: ${mrkdwnChunks(first.markdown)[0] ?? ''}`;
  else if (first?.type === 'text' || first?.type === 'context') words = mrkdwnChunks(first.markdown)[0] ?? '';
  else if (first?.type === 'dated') words = fillDates(mrkdwnChunks(first.markdown)[0] ?? '', first.dates, fallbackDate);
  // Only the start is shown, so only the start is cleaned.
  const flat = words
    .slice(0, 4 * SLACK_LIMITS.fallbackText)
    .replace(/<[^|>]*\|([^>]*)>/g, '$1')
    .replace(/[\u200B*_~`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  // A cut inside an entity would leave `&am` behind.
  return clip(flat === '' ? 'Recall' : flat, SLACK_LIMITS.fallbackText).replace(/&[a-z]*…$/, '…');
}

/**
 * The core writes the reveal reaction as a character (👀); Slack people know reactions by their short
 * name, and typing `:eyes:` is how they find it, so known ones are written that way.
 */
export function slackEmoji(text: string): string {
  return text.replace(/\p{Extended_Pictographic}\uFE0F?/gu, (ch) => {
    const { name } = normalizeReaction(ch);
    return name === ch.replace(/\uFE0F/g, '') ? ch : `:${name}:`;
  });
}

/** `&`, `<` and `>` are Slack's control characters in mrkdwn and plain fallback text alike. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function mrkdwn(text: string): types.MrkdwnElement {
  return { type: 'mrkdwn', text };
}

/** Slack counts UTF-16 code units; the cut never halves a surrogate pair. */
function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Block ids unique in a message; action ids unique too, though two buttons rarely share an action. */
class IdMaker {
  private blocks = 0;
  private readonly actions = new Map<string, number>();

  block(): string {
    return `recall-${++this.blocks}`;
  }

  action(action: string): string {
    const seen = this.actions.get(action) ?? 0;
    this.actions.set(action, seen + 1);
    // The value keeps the core action, so a suffix here never changes what the press means.
    return seen === 0 ? action : `${action}#${seen}`;
  }
}
