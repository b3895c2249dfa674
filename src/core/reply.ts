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

export interface Button {
  /** What the core gets back when the button is pressed; at most 100 characters (Discord's limit). */
  action: string;
  label: string;
  style?: 'primary' | 'secondary' | 'success' | 'danger';
  disabled?: boolean;
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
        case 'image':
          return `[image: ${b.alt}]`;
      }
    })
    .join('\n');
}
