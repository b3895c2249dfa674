/**
 * How a reader tells the kinds of lines apart in question banks: numbered questions, hints, answer
 * markers, section titles, tags. Each rule is about the shape of one line, never about one file.
 */

/** `12. Question` or `12) Question` (also `Q12.` and `Question 12:`; a bare `2019:` is not one). */
const NUMBERED = /^(?:q(?:uestion)?\s*(\d{1,4})\s*[.):]|(\d{1,4})[.)])\s+(.*)$/i;

export function numberedLine(text: string): { number: number; rest: string } | null {
  const m = NUMBERED.exec(text);
  if (!m) return null;
  return { number: Number(m[1] ?? m[2]), rest: (m[3] ?? '').trim() };
}

/** `Q: …`, `Q1: …`, `Question: …` */
const QUESTION_PREFIX = /^(?:\*\*)?(?:q|question)\s*\d*\s*[:.)](?:\*\*)?\s+(\S.*)$/i;
export function questionPrefixed(text: string): string | null {
  const m = QUESTION_PREFIX.exec(text);
  return m ? (m[1] ?? '').trim() : null;
}

/** `A: …`, `Ans - …`, `**Answer:** …`, `my ans - …`; returns the rest of the line ('' when only a marker). */
const ANSWER_PREFIX = /^(?:\*\*|__)?(?:my\s+)?(?:a|ans|answer|solution)(?:\s*[:\-–—]|\s*(?:\*\*|__)\s*[:\-–—]?)(?:\*\*|__)?\s*(.*)$/i;
export function answerPrefixed(text: string): string | null {
  const t = text.trim();
  // Bare "A" / "Answer" alone on a line is a marker too (`- Answer` bullets).
  if (/^(?:\*\*|__)?(?:my\s+)?(?:ans|answer|solution)(?:\*\*|__)?:?$/i.test(t)) return '';
  const m = ANSWER_PREFIX.exec(t);
  if (!m) return null;
  // "A. Artificial Neural Networks" is a lettered section, not an answer.
  if (/^a\s*[.-]/i.test(t) && !/^a\s*[:\-–—]\s/i.test(t)) return null;
  return (m[1] ?? '').trim();
}

const HINT_PREFIX = /^(?:\*\*|__)?hint(?:s)?\s*(?:\*\*|__)?\s*[:\-–—]\s*(?:\*\*|__)?\s*(.*)$/i;
export function hintPrefixed(text: string): string | null {
  const m = HINT_PREFIX.exec(text.trim());
  return m ? (m[1] ?? '').trim() : null;
}

const TAGS_LINE = /^(?:\*\*|__)?(?:tags?|difficulty|level|topics?)(?:\*\*|__)?\s*[:\-–—]\s*(?:\*\*|__)?\s*(.+)$/i;
export function tagsLine(text: string): string[] | null {
  const m = TAGS_LINE.exec(text.trim());
  if (!m) return null;
  return (m[1] ?? '')
    .split(/[,;]|\s+#/)
    .map((t) => t.replace(/^#/, '').replace(/[*_`]/g, '').trim())
    .filter(Boolean);
}

/** `Accept: LoRA, low-rank adaptation`: other answers a typed quiz answer may match (split on `,`, `;` or `|`). */
const ACCEPT_LINE = /^(?:\*\*|__)?(?:accept(?:ed)?(?:\s+answers?)?|also\s+accept)(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(.+)$/i;
export function acceptLine(text: string): string[] | null {
  const m = ACCEPT_LINE.exec(text.trim());
  if (!m) return null;
  return (m[1] ?? '')
    .split(/[,;|]/)
    .map((t) => t.replace(/[*_`]/g, '').trim())
    .filter(Boolean);
}

/** `Id: rag-chunking` under a question (the canonical format's explicit, permanent id). */
const ID_LINE = /^(?:\*\*|__)?id(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*`?([^`]*?)`?\s*$/i;
export function idLine(text: string): string | null {
  const m = ID_LINE.exec(text.trim());
  return m ? (m[1] ?? '') : null;
}

/** `Suggested-by: Grace` under a question: who suggested it (written by `bank export` for approved suggestions). */
const SUGGESTED_BY_LINE = /^(?:\*\*|__)?suggested[\s-]by(?:\*\*|__)?\s*:\s*(?:\*\*|__)?\s*(\S.*?)(?:\*\*|__)?\s*$/i;
export function suggestedByLine(text: string): string | null {
  const m = SUGGESTED_BY_LINE.exec(text.trim());
  return m ? (m[1] ?? null) : null;
}

/** A line that is only a link to an anchor in the same file: "Back to Top", table-of-contents entries. */
export function isInPageLinkLine(text: string): boolean {
  return /^\s*(?:[-*+]\s+|\d+[.)]\s+)?\[[^\]]*\]\(#[^)]*\)\s*$/.test(text);
}

const TERMINAL = /[.?!:;,]["'”’)\]]*$|[?？]$/;

/**
 * A bare section title: short, starts with a capital or digit, no closing punctuation, not emphasis-only
 * prose ("Reinforcement Learning", "LLM System Design").
 */
export function isTitleShaped(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > 60 || TERMINAL.test(t)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(t)) return false;
  if (/[`=(){}<>|]/.test(t.replace(/\([^()]{1,40}\)/g, ''))) return false;
  const words = t.split(/\s+/);
  return words.length <= 8;
}

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'vs', 'with', '&', '-']);

export function isTitleCased(text: string): boolean {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  if (words.length === 0) return false;
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return capitalised / words.length >= 0.6;
}

/** `Questions on fine tuning:`, `Some miscellaneous questions:` — a titled list of questions. */
export function questionListTitle(text: string): string | null {
  const t = text.trim();
  if (!/:\s*$/.test(t) || !/\bquestions?\b/i.test(t) || t.split(/\s+/).length > 10) return null;
  const name = t
    .replace(/:\s*$/, '')
    .replace(/\b(?:some|the|a|few)\b/gi, ' ')
    .replace(/\b(?:interview\s+)?questions?\b/gi, ' ')
    .replace(/^\s*(?:on|about|for|of|regarding)\b/i, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return capitalise(name || 'Questions');
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const QUESTION_WORDS =
  /^(?:what|what's|whats|why|how|when|where|which|who|whom|whose|is|are|was|were|can|could|do|does|did|should|would|will|shall|may|might|have|has|explain|describe|define|compare|contrast|discuss|list|name|give|tell|write|implement|design|differentiate|distinguish|outline|summari[sz]e|walk|state|mention|elaborate|illustrate|calculate|derive|show|prove|suggest|identify|evaluate|highlight|in what|in which)\b/i;

/** Reads as a prompt someone should answer (ends with a question mark, or starts like one). */
export function looksLikeQuestion(text: string): boolean {
  const t = plainInline(text).trim();
  return asks(t) || QUESTION_WORDS.test(t);
}

/** Ends with a question mark, before any trailing emoji (`RAG or fine-tuning? 👶`). */
export function asks(text: string): boolean {
  return /[?？]\s*(?:\p{Extended_Pictographic}[\uFE0F\u200D]*\s*)*$/u.test(plainInline(text));
}

/** Inline Markdown reduced to its words, for shape tests only (never for display). */
export function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|`|~~)/g, '')
    .trim();
}

/** A paragraph line that is bold from start to end: `**What is overfitting?**`. */
export function boldOnly(text: string): string | null {
  const m = /^(\*\*|__)(.+)\1\s*$/.exec(text.trim());
  if (!m) return null;
  const inner = (m[2] ?? '').trim();
  if (inner.includes(m[1] ?? '**')) return null;
  return inner;
}
