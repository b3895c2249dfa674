import { createHash } from 'node:crypto';
import { htmlToMarkdown, looksLikeHtml } from './html-to-markdown.js';
import type { ImportedRow } from './rows.js';

/** A note as both Anki formats give it: its fields in order, its tags, its deck's full path. */
export interface AnkiNote {
  /** The line of a text export; the note's place in a package (sources hold 32-bit lines, note ids are 13 digits). */
  at: number;
  /** A package's note id, named in its warnings. */
  noteId?: number;
  fields: string[];
  tags: string[];
  /** The full deck path, parts joined by `::`; null when the export does not say. */
  deck: string | null;
  /** Anki's own identity of the note, kept across exports, imports and collections. */
  guid: string | null;
  /** Whether the fields are HTML; null when the file does not say (each field is looked at). */
  html: boolean | null;
}

/** Tags Anki itself sets to track study (a card failed often, a note flagged for later), not subjects. */
const ANKI_STATUS_TAGS = new Set(['leech', 'marked']);

const CLOZE = /\{\{c\d+::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/**
 * Front → question, back → answer, the deck → category, the note's tags → tags, its GUID → an explicit
 * id (`anki-` and 12 hex digits of its hash: Anki's GUIDs hold characters an id may not), so edits made
 * in Anki keep the question's history. A cloze note (`{{c1::…}}`) asks its text with every deletion
 * blanked and answers with them filled in bold, then its second field ("Back Extra").
 * `media` counts pictures and sounds, which cannot come along.
 */
export function noteToRow(note: AnkiNote, media: { count: number }): ImportedRow {
  const field = (raw: string): string => {
    if (note.html === false || (note.html === null && !looksLikeHtml(raw))) return raw;
    const converted = htmlToMarkdown(raw);
    media.count += converted.media;
    return converted.markdown;
  };
  const front = note.fields[0] ?? '';
  const back = note.fields[1] ?? '';
  let question: string;
  let answer: string;
  if (/\{\{c\d+::/.test(front)) {
    question = field(front.replace(CLOZE, (_, _text: string, hint?: string) => `[${hint?.trim() || '…'}]`));
    const filled = field(front.replace(CLOZE, (_, text: string) => (note.html === false ? `**${text}**` : `<b>${text}</b>`)));
    const extra = field(back);
    answer = extra === '' ? filled : `${filled}\n\n${extra}`;
  } else {
    question = field(front);
    answer = field(back);
  }
  return {
    line: note.at,
    label: note.noteId === undefined ? undefined : `note ${note.noteId}`,
    question,
    answer,
    category: deckCategory(note.deck),
    tags: note.tags.filter((t) => t !== '' && !ANKI_STATUS_TAGS.has(t.toLowerCase())),
    id: note.guid ? ankiId(note.guid) : undefined,
  };
}

/**
 * A deck's last part (`Interview::Databases` → `Databases`): categories are typed in commands
 * (`practice category Databases`) and shown on cards, where a full path is long; the parent deck is
 * usually the whole package. Anki's `Default` deck is no category.
 */
export function deckCategory(deck: string | null): string {
  if (!deck) return '';
  const last =
    deck
      .split(/::|\x1f/)
      .pop()
      ?.trim() ?? '';
  return last === 'Default' ? '' : last;
}

export function ankiId(guid: string): string {
  return `anki-${createHash('sha256').update(guid).digest('hex').slice(0, 12)}`;
}

/** Anki writes tags space-separated (a tag has no spaces; `::` makes a hierarchy and stays). */
export function splitAnkiTags(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}
