import { type CalendarDay, fallbackDate } from './dates.js';

/**
 * What the core says, before any platform shapes it: adapters turn a Reply into a Discord message
 * with an embed and components, Slack Block Kit, or the playground's HTML. Text is Markdown; adapters
 * render it with the bank renderers for their target.
 */
export interface Reply {
  blocks: ReplyBlock[];
  /** Only the person who asked sees it (Slack ephemeral, Discord ephemeral reply or DM). */
  ephemeral?: boolean;
  /**
   * When this answers a button press: it takes the place of the message that carried the button (for the
   * person who pressed, where that message was private) instead of adding a new one, so pressed buttons
   * do not stay live. Discord updates the interaction's message, Slack uses `replace_original`, the
   * playground replaces the entry. Ignored for command replies and posts.
   */
  replaceMessage?: boolean;
  /**
   * Asks the person to fill in a form. Adapters that can still open one (a command or button answered
   * within the platform's window: Discord's modal, Slack's `views.open`, the playground's dialog) open it
   * and show nothing else; where they cannot (the answer came too late, no trigger) they show `blocks`,
   * so a reply with a modal always carries blocks that say what to do instead (the command in words).
   * The filled form comes back to `engine.handleAction` with `action: modal.submit` and `values`.
   */
  modal?: Modal;
  /**
   * Answers a form submission whose values were refused: field id → what is wrong. Slack and the
   * playground keep the form open with the messages under the fields; Discord cannot (its modal has
   * closed), so it shows `blocks`, which must say the same in words.
   */
  fieldErrors?: Record<string, string>;
}

/**
 * A form. Sizes are the smallest any platform allows, so one modal works everywhere: a title of at most
 * 24 characters (Slack), at most 5 fields with labels of at most 45 (Discord).
 */
export interface Modal {
  /** The action id the submission comes back as: `<service>:<…>`, at most 100 characters, like a button's. */
  submit: string;
  title: string;
  /** The submit button's words where the platform lets them be chosen (Slack, the playground); default "Submit". */
  submitLabel?: string;
  fields: ModalField[];
}

export interface ModalField {
  /** The key of its value in the submission; at most 100 characters. */
  id: string;
  label: string;
  /** `short`: one line; `long`: a paragraph; `select`: one of `choices`. */
  style: 'short' | 'long' | 'select';
  /** Optional fields may come back as ''. */
  optional?: boolean;
  placeholder?: string;
  /** At most 3000 (Slack's limit); platforms refuse longer input before it reaches the core. */
  maxLength?: number;
  /** Filled in when the form opens (an edit, a retry after refused values). */
  value?: string;
  /** For `select`: at most 25 (Discord), labels of at most 75 characters. */
  choices?: { label: string; value: string }[];
}

/** Modal limits every adapter can honour; `modalProblems` checks a modal against them (the tests use it). */
export const MODAL_LIMITS = {
  title: 24,
  submitLabel: 24,
  fields: 5,
  label: 45,
  placeholder: 100,
  maxLength: 3000,
  choices: 25,
  choiceLabel: 75,
  choiceValue: 100,
  id: 100,
} as const;

export function modalProblems(modal: Modal): string[] {
  const problems: string[] = [];
  const L = MODAL_LIMITS;
  if (modal.submit.length > L.id || !modal.submit.includes(':')) problems.push(`submit id "${modal.submit}" must be <service>:… and at most ${L.id} characters`);
  if (modal.title.length === 0 || modal.title.length > L.title) problems.push(`title "${modal.title}" must be 1-${L.title} characters`);
  if ((modal.submitLabel?.length ?? 0) > L.submitLabel) problems.push(`submit label longer than ${L.submitLabel}`);
  if (modal.fields.length === 0 || modal.fields.length > L.fields) problems.push(`1-${L.fields} fields, not ${modal.fields.length}`);
  const ids = new Set<string>();
  for (const f of modal.fields) {
    if (ids.has(f.id)) problems.push(`field id ${f.id} twice`);
    ids.add(f.id);
    if (f.id.length === 0 || f.id.length > L.id) problems.push(`field id "${f.id}" must be 1-${L.id} characters`);
    if (f.label.length === 0 || f.label.length > L.label) problems.push(`label "${f.label}" must be 1-${L.label} characters`);
    if ((f.placeholder?.length ?? 0) > L.placeholder) problems.push(`placeholder of ${f.id} longer than ${L.placeholder}`);
    if (f.maxLength !== undefined && (f.maxLength < 1 || f.maxLength > L.maxLength)) problems.push(`maxLength of ${f.id} must be 1-${L.maxLength}`);
    if (f.style === 'select') {
      const n = f.choices?.length ?? 0;
      if (n === 0 || n > L.choices) problems.push(`select ${f.id} needs 1-${L.choices} choices`);
      for (const c of f.choices ?? [])
        if (c.label.length === 0 || c.label.length > L.choiceLabel || c.value.length === 0 || c.value.length > L.choiceValue)
          problems.push(`choice "${c.label}" of ${f.id} is empty or too long`);
    }
  }
  return problems;
}

export type ReplyBlock =
  /** `spoiler`: hidden until clicked where the platform can (Discord `||…||`); elsewhere shown as is. */
  | { type: 'text'; markdown: string; spoiler?: boolean }
  /** Small print under a post: category, how to reveal, who answered. */
  | { type: 'context'; markdown: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  /** A question: platforms that have a card/embed use one. */
  | { type: 'question'; title: string; markdown: string; footer?: string }
  | { type: 'buttons'; buttons: Button[] }
  | { type: 'divider' }
  /**
   * Small print ending in a moment each platform shows live, so "30s to answer" counts down: `markdown`
   * is followed by the time as a phrase that fits after a verb ("closes" + " in 25 seconds" / " at
   * 14:03:30"): Discord a relative timestamp, Slack the clock time in the viewer's own zone, the
   * playground a running countdown. `at` is epoch milliseconds.
   */
  | DeadlineBlock
  /**
   * Text with calendar dates in it, each written by the platform for its reader, in their own locale (as a
   * deadline's moment is): Discord `<t:…:D>`, Slack's date token, the playground with `Intl`; plain text
   * `3 Dec 2026` (core/dates.ts). Made with `dated`; `small`: small print, like a context block.
   */
  | DatedBlock
  /**
   * A picture (a leaderboard image). `alt` says the same in words: it is the text where a picture cannot
   * go (logs, a Slack workspace without `files:write`, screen readers). `filename` ends in `.png`.
   */
  | ImageBlock;

export interface ImageBlock {
  type: 'image';
  png: Uint8Array;
  alt: string;
  filename: string;
}

export interface DeadlineBlock {
  type: 'deadline';
  markdown: string;
  at: number;
}

export interface DatedBlock {
  type: 'dated';
  /** Markdown where `dates[i]` goes at each `dateSlot(i)` mark (characters no Markdown renderer touches). */
  markdown: string;
  dates: CalendarDay[];
  small?: boolean;
}

// Private-use characters of plane 15: no Markdown renderer here escapes or strips them (Slack's drops the BMP ones).
const SLOT_OPEN = '\u{F0000}';
const SLOT_CLOSE = '\u{F0001}';
const SLOTS = /\u{F0000}(\d+)\u{F0001}/gu;

/** The mark for `dates[i]` in a dated block's Markdown. */
export function dateSlot(i: number): string {
  return `${SLOT_OPEN}${i}${SLOT_CLOSE}`;
}

/**
 * A dated block from a template: dates become slots, strings go in as they are (any slot mark they hold
 * taken out, so text a person wrote can never move a date).
 *   dated`**Season ${md(name)}** · ${start} to ${end}`
 */
export function dated(strings: TemplateStringsArray, ...values: (string | number | CalendarDay)[]): DatedBlock {
  const dates: CalendarDay[] = [];
  let markdown = strings[0] ?? '';
  values.forEach((v, i) => {
    if (typeof v === 'object') {
      markdown += dateSlot(dates.length);
      dates.push(v);
    } else markdown += String(v).replace(/[\u{F0000}\u{F0001}]/gu, '');
    markdown += strings[i + 1] ?? '';
  });
  return { type: 'dated', markdown, dates };
}

/** Dated blocks as one, joined by `separator`: a list of seasons is one block of lines, not a block each. */
export function joinDated(parts: readonly DatedBlock[], separator = '\n'): DatedBlock {
  const dates: CalendarDay[] = [];
  const markdown = parts
    .map((p) => {
      const offset = dates.length;
      dates.push(...p.dates);
      return p.markdown.replace(SLOTS, (_, i: string) => dateSlot(offset + Number(i)));
    })
    .join(separator);
  return { type: 'dated', markdown, dates };
}

/**
 * Rendered text of a dated block with each slot written by `write` (the adapter's date markup). Adapters
 * render the Markdown first, slots and all, then fill: the markup they put in is never escaped.
 */
export function fillDates(rendered: string, dates: readonly CalendarDay[], write: (d: CalendarDay) => string): string {
  return rendered.replace(SLOTS, (_, i: string) => {
    const d = dates[Number(i)];
    return d ? write(d) : '';
  });
}

export interface Button {
  /** What the core gets back when the button is pressed; at most 100 characters (Discord's limit). */
  action: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  disabled?: boolean;
  /** The presser's own pick, shown marked (`✓` in the label); where a platform cannot switch a button off it stays visible. */
  selected?: boolean;
}

/**
 * A row of buttons after one person's pick: the pick marked ✓ and switched off (pressing it again would
 * change nothing), the rest greyed, still live when the pick may change (a self-grade) or off when it is
 * final (a quiz answer, a closed post).
 */
export function markPicked(buttons: readonly Button[], picked: string, opts: { final: boolean }): Button[] {
  return buttons.map((b) =>
    b.action === picked ? { ...b, label: `✓ ${b.label}`, disabled: true, selected: true } : { ...b, style: 'secondary', ...(opts.final ? { disabled: true } : {}) },
  );
}

export function textReply(markdown: string, opts: { ephemeral?: boolean } = {}): Reply {
  return { blocks: [{ type: 'text', markdown }], ...(opts.ephemeral ? { ephemeral: true } : {}) };
}

/** A reply's words in reading order: for logs, tests and the plain-text playground. */
export function replyText(reply: Reply): string {
  return reply.blocks
    .map((b) => {
      switch (b.type) {
        case 'text':
        case 'context':
          return b.markdown;
        case 'fields':
          return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
        case 'question':
          return [b.title, b.markdown, b.footer].filter(Boolean).join('\n');
        case 'buttons':
          return b.buttons.map((x) => `[${x.label}${x.disabled ? ' (disabled)' : ''}]`).join(' ');
        case 'divider':
          return '---';
        case 'deadline':
          return `${b.markdown} at ${new Date(b.at).toISOString()}`;
        case 'dated':
          return fillDates(b.markdown, b.dates, fallbackDate);
        case 'image':
          return `[image: ${b.alt}]`;
      }
    })
    .join('\n');
}
