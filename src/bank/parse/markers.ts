import type { Difficulty } from '../types.js';
import { DEFAULT_LEGEND, type DifficultyLegend, EMOJI_RUN, emojiLevel, levelOf } from './difficulty.js';

export interface QuestionMarkers {
  text: string;
  tags: string[];
  difficulty: Difficulty | null;
}

const SOURCE_LINK = /\s*\[\[[^\]]*\]\([^)]*\)\]\s*$|\s*\[(?:src|source|link|ref)\]\([^)]*\)\s*$/i;
const TRAILING_EMOJI = new RegExp(`\\s*(${EMOJI_RUN})\\s*$`, 'u');
const LEADING_EMOJI = new RegExp(`^(${EMOJI_RUN})\\s+`, 'u');
const BRACKET = /\s*\[([^\][]{1,40})\]\s*$/;
const PAREN = /\s*\(([^()]{1,60})\)\s*$/;
const LABELLED = /^(?:difficulty|level)\s*[:=\-–—]\s*(\S+)$/i;
const TRAILING_LABEL = /\s*[-–—|·,]?\s*\b(?:difficulty|level)\s*[:=\-–—]\s*([A-Za-z]+)\s*$/i;

/**
 * Takes the markers off the ends of a question: a difficulty (`👶`, `[hard]`, `(Easy)`,
 * `Difficulty: medium`), a parenthesized note after the question mark (`…?(RAG)`, kept as a tag) and
 * trailing source links (`[[src](url)]`). What is left is the question as it should be posted.
 */
export function splitQuestionMarkers(text: string, legend: DifficultyLegend = DEFAULT_LEGEND): QuestionMarkers {
  const tags: string[] = [];
  let difficulty: Difficulty | null = null;
  const found = (level: Difficulty) => {
    difficulty ??= level;
  };
  let t = text.trim();
  for (;;) {
    const cut = nextMarker(t, legend);
    if (!cut) break;
    if (cut.level) found(cut.level);
    if (cut.tag) tags.unshift(cut.tag);
    t = cut.rest;
  }
  const lead = LEADING_EMOJI.exec(t);
  const leadLevel = lead ? emojiLevel(lead[1] ?? '', legend) : null;
  if (lead && leadLevel) {
    found(leadLevel);
    t = t.slice(lead[0].length);
  }
  if (difficulty) tags.push(difficulty);
  return { text: t, tags, difficulty };
}

function nextMarker(t: string, legend: DifficultyLegend): { rest: string; level?: Difficulty; tag?: string } | null {
  // The patterns are anchored at the end; looking at the last character first spares running them on
  // every line of a bank, which showed up as the loader's hottest code.
  const last = t.charCodeAt(t.length - 1);
  const closes = last === 0x29 || last === 0x5d; // ) ]
  const emojiEnd = last > 0x7f;
  const mentionsLevel = /(?:difficulty|level)/i.test(t);
  if (!closes && !emojiEnd && !mentionsLevel) return null;
  const link = closes ? SOURCE_LINK.exec(t) : null;
  if (link) return { rest: t.slice(0, link.index).trimEnd() };
  const emoji = emojiEnd ? TRAILING_EMOJI.exec(t) : null;
  const emojiAt = emoji ? emojiLevel(emoji[1] ?? '', legend) : null;
  if (emoji && emojiAt) return { rest: t.slice(0, emoji.index).trimEnd(), level: emojiAt };
  const label = mentionsLevel ? TRAILING_LABEL.exec(t) : null;
  const labelled = label ? levelOf(label[1] ?? '') : null;
  if (label && labelled && label.index > 0) return { rest: t.slice(0, label.index).trimEnd(), level: labelled };
  if (!closes) return null;
  const bracket = BRACKET.exec(t);
  const bracketed = bracket ? wordLevel(bracket[1] ?? '') : null;
  if (bracket && bracketed) return { rest: t.slice(0, bracket.index).trimEnd(), level: bracketed };
  const paren = PAREN.exec(t);
  if (!paren) return null;
  const inner = (paren[1] ?? '').trim();
  const before = t.slice(0, paren.index).trimEnd();
  const level = wordLevel(inner);
  if (level) return { rest: before, level };
  // Only after a question mark is a parenthesis a note about the question rather than part of it.
  if (/[?？]$/.test(before) && inner !== '') return { rest: before, tag: inner };
  return null;
}

/** `hard`, `Advanced`, `Difficulty: medium`. */
function wordLevel(inner: string): Difficulty | null {
  const labelled = LABELLED.exec(inner.trim());
  return levelOf(labelled ? (labelled[1] ?? '') : inner);
}
