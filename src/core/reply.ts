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
   * Small print ending in a moment each platform shows live, so "30s to answer" counts down: `markdown`
   * is followed by the time as a phrase that fits after a verb ("closes" + " in 25 seconds" / " at
   * 14:03:30"): Discord a relative timestamp, Slack the clock time in the viewer's own zone, the
   * playground a running countdown. `at` is epoch milliseconds.
   */
  | DeadlineBlock
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
        case 'image':
          return `[image: ${b.alt}]`;
      }
    })
    .join('\n');
}
