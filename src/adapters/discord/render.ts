import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, embedLength } from 'discord.js';
import { splitMessage } from '../../bank/render/index.js';
import { type CalendarDay, dayUnixSeconds } from '../../core/dates.js';
import { type Button, type Reply, type ReplyBlock, fillDates } from '../../core/reply.js';
import { LIMITS, truncate } from './limits.js';
import { discordChunks, discordMarkdown } from './markdown.js';

/** One Discord message's worth of a Reply; a long reply becomes several, sent in order. */
export interface DiscordMessage {
  content?: string;
  embeds: EmbedBuilder[];
  components: ActionRowBuilder<ButtonBuilder>[];
  /** Pictures uploaded with the message (multipart), shown by the embed that names `attachment://<name>`. */
  files?: DiscordFile[];
}

export interface DiscordFile {
  name: string;
  data: Buffer;
  /** Discord's alt text for the attachment (at most 1,024 characters). */
  description: string;
}

const STYLES: Record<NonNullable<Button['style']>, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/** Classic messages have no divider component; a rule of box-drawing characters reads as one. */
const DIVIDER = '────────────';
const SPOILER = '||';

/**
 * Turns a Reply into Discord messages: text and context become content (spoilers as `||…||`, context as
 * `-#` subtext), fields and questions become embeds, buttons become rows of five. Content is packed into
 * as few messages as the 2,000-character limit allows; embeds and buttons ride on the last message, under
 * the text they belong to. `prefix` is raw content (a mention) that must not go through Markdown rendering.
 */
export function renderReply(reply: Reply, opts: { prefix?: string } = {}): DiscordMessage[] {
  const pieces: string[] = opts.prefix ? [opts.prefix] : [];
  const embeds: EmbedBuilder[] = [];
  const buttonRows: Button[][] = [];
  const files = new Map<EmbedBuilder, DiscordFile>();
  for (const block of reply.blocks) {
    if (block.type === 'image') embeds.push(imageEmbed(block, files));
    else addBlock(block, pieces, embeds, buttonRows);
  }

  const messages: DiscordMessage[] = packContent(pieces).map((content) => ({ content, embeds: [], components: [] }));
  for (const group of packEmbeds(embeds)) {
    const last = messages.at(-1);
    // Embeds join the last text message when they fit beside it, so a short reply stays one message.
    if (last && last.embeds.length === 0) last.embeds = group;
    else messages.push({ embeds: group, components: [] });
  }
  const rows = buttonRows.flatMap(toRows);
  for (let i = 0; i < rows.length; i += LIMITS.rowsPerMessage) {
    const chunk = rows.slice(i, i + LIMITS.rowsPerMessage);
    const last = messages.at(-1);
    if (i === 0 && last) last.components = chunk;
    else messages.push({ embeds: [], components: chunk });
  }
  // Discord refuses an empty message; an empty reply still says something.
  if (messages.length === 0) messages.push({ content: '\u200b', embeds: [], components: [] });
  // Each picture travels with the message whose embed shows it.
  for (const m of messages) {
    const attached = m.embeds.flatMap((e) => files.get(e) ?? []);
    if (attached.length > 0) m.files = attached;
  }
  return messages;
}

/**
 * For editing one message in place: everything in a single message, content cut at the limit. Extra
 * messages cannot be added by an edit, and the buttons must stay on the message being edited.
 */
export function renderSingle(reply: Reply): DiscordMessage {
  const all = renderReply(reply);
  const content = all
    .map((m) => m.content)
    .filter((c): c is string => c !== undefined)
    .join('\n');
  return {
    ...(content ? { content: truncate(content, LIMITS.content) } : {}),
    embeds: all.flatMap((m) => m.embeds).slice(0, LIMITS.embedsPerMessage),
    components: all.flatMap((m) => m.components).slice(0, LIMITS.rowsPerMessage),
    ...(all.some((m) => m.files) ? { files: all.flatMap((m) => m.files ?? []) } : {}),
  };
}

function addBlock(block: ReplyBlock, pieces: string[], embeds: EmbedBuilder[], buttonRows: Button[][]): void {
  switch (block.type) {
    case 'text':
      pieces.push(...(block.spoiler ? spoilerChunks(block.markdown) : discordChunks(block.markdown)));
      return;
    case 'context':
      pieces.push(...fit(subtext(discordMarkdown(block.markdown))));
      return;
    case 'fields':
      for (let i = 0; i < block.fields.length; i += LIMITS.embedFields) {
        const fields = block.fields.slice(i, i + LIMITS.embedFields).map((f) => ({
          name: truncate(discordMarkdown(f.label) || '\u200b', LIMITS.embedFieldName),
          value: truncate(discordMarkdown(f.value) || '\u200b', LIMITS.embedFieldValue),
          inline: true,
        }));
        embeds.push(new EmbedBuilder().addFields(fields));
      }
      return;
    case 'question':
      embeds.push(...questionEmbeds(block));
      return;
    case 'buttons':
      if (block.buttons.length > 0) buttonRows.push(block.buttons);
      return;
    case 'divider':
      pieces.push(DIVIDER);
      return;
    case 'deadline':
      // Discord draws `<t:…:R>` as "in 25 seconds" in the reader's own language and keeps it counting.
      pieces.push(...fit(subtext(`${discordMarkdown(block.markdown)} ${relativeTimestamp(block.at)}`)));
      return;
    case 'dated': {
      // Discord draws `<t:…:D>` as the date in the reader's own language ("3 December 2026", "3. Dezember 2026").
      const fill = (text: string) => fillDates(text, block.dates, discordDate);
      if (block.small) pieces.push(...fit(subtext(fill(discordMarkdown(block.markdown)))));
      else pieces.push(...discordChunks(block.markdown).map(fill));
      return;
    }
    case 'image':
      // Pictures become embeds with an upload (renderReply); nothing of them goes into the text.
      return;
  }
}

/**
 * A picture as an embed whose image is the file uploaded with the message (`attachment://`); the alt
 * text goes with the file, where Discord's screen-reader text lives. Discord takes only letters,
 * digits, `_`, `-` and `.` in an attachment name; two pictures of one reply get distinct names.
 */
function imageEmbed(block: Extract<ReplyBlock, { type: 'image' }>, files: Map<EmbedBuilder, DiscordFile>): EmbedBuilder {
  const base = block.filename.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '') || 'image.png';
  const taken = new Set([...files.values()].map((f) => f.name));
  let name = base;
  for (let n = 2; taken.has(name); n++) name = base.replace(/(\.[^.]*)?$/, `-${n}$1`);
  const embed = new EmbedBuilder().setImage(`attachment://${name}`);
  const data = Buffer.from(block.png.buffer, block.png.byteOffset, block.png.byteLength);
  files.set(embed, { name, data, description: truncate(block.alt, LIMITS.attachmentDescription) });
  return embed;
}

/** A question card: title, the question as the description (continued in more embeds when long), footer last. */
function questionEmbeds(block: Extract<ReplyBlock, { type: 'question' }>): EmbedBuilder[] {
  const parts = splitMessage(discordMarkdown(block.markdown), LIMITS.embedDescription);
  const out = (parts.length > 0 ? parts : ['\u200b']).map((description) => new EmbedBuilder().setDescription(description));
  // discord.js refuses an empty title; a question card without one is still a card.
  const title = truncate(discordMarkdown(block.title), LIMITS.embedTitle);
  if (title.trim() !== '') out[0]?.setTitle(title);
  const footer = block.footer ? truncate(discordMarkdown(block.footer), LIMITS.embedFooter) : '';
  if (footer.trim() !== '') out.at(-1)?.setFooter({ text: footer });
  return out;
}

/** Each chunk gets its own `||…||`, so a spoiler split across messages still hides every part. */
function spoilerChunks(markdown: string): string[] {
  return discordChunks(markdown)
    .flatMap((chunk) => fit(chunk, LIMITS.content - SPOILER.length * 2))
    .map((chunk) => `${SPOILER}${chunk}${SPOILER}`);
}

/** Discord's long-date timestamp markup, at 10:00 UTC of the day so (nearly) every reader sees the same date (core/dates.ts says which zones). */
export function discordDate(d: CalendarDay): string {
  return `<t:${dayUnixSeconds(d)}:D>`;
}

/** Discord's relative timestamp markup (whole seconds). */
export function relativeTimestamp(atMs: number): string {
  return `<t:${Math.floor(atMs / 1000)}:R>`;
}

/** `-# ` makes a line Discord's small grey subtext: the place for category, how-to and who-answered lines. */
function subtext(rendered: string): string {
  return rendered
    .split('\n')
    .map((line) => (line.trim() === '' ? line : `-# ${line}`))
    .join('\n');
}

function fit(text: string, limit: number = LIMITS.content): string[] {
  return text.length <= limit ? [text] : splitMessage(text, limit);
}

/** Joins pieces with newlines into as few messages as fit; a piece is never cut here (it already fits). */
function packContent(pieces: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (piece === '') continue;
    if (current === '') current = piece;
    else if (current.length + 1 + piece.length <= LIMITS.content) current = `${current}\n${piece}`;
    else {
      out.push(current);
      current = piece;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** Groups embeds by Discord's per-message budget: at most 10, at most 6,000 characters together. */
function packEmbeds(embeds: readonly EmbedBuilder[]): EmbedBuilder[][] {
  const groups: EmbedBuilder[][] = [];
  let group: EmbedBuilder[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed.data);
    if (group.length > 0 && (group.length === LIMITS.embedsPerMessage || size + length > LIMITS.embedsTotal)) {
      groups.push(group);
      group = [];
      size = 0;
    }
    group.push(embed);
    size += length;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

/** Each buttons block starts its own row; rows hold five. */
function toRows(buttons: readonly Button[]): ActionRowBuilder<ButtonBuilder>[] {
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  for (let i = 0; i < buttons.length; i += LIMITS.buttonsPerRow) {
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + LIMITS.buttonsPerRow).map(toButton)));
  }
  return rows;
}

function toButton(button: Button): ButtonBuilder {
  return new ButtonBuilder()
    .setCustomId(button.action)
    .setLabel(truncate(button.label, LIMITS.buttonLabel))
    .setStyle(STYLES[button.style ?? 'secondary'])
    .setDisabled(button.disabled ?? false);
}
