import type { DifficultyLegend } from './difficulty.js';
import { asks, looksLikeQuestion, plainInline } from './lines.js';
import { splitQuestionMarkers } from './markers.js';

const Q_NUMBERED = /^(?:\*\*)?q(?:uestion)?\s*(\d{1,4})?\s*[.:)\-–]\s*(?:\*\*)?\s*/i;
const NUMBERED = /^(\d{1,4})\s*([.)])\s+/;

/** `### Q12. …`, `#### 3) … [[src](url)]`, `## What is RAG?`, `### Q: Explain LoRA.` */
export function isQuestionHeading(text: string, legend?: DifficultyLegend): boolean {
  const t = stripHtml(text);
  if (Q_NUMBERED.test(t) && t.replace(Q_NUMBERED, '').trim() !== '') return true;
  const numbered = NUMBERED.exec(t);
  const rest = splitQuestionMarkers(t.replace(NUMBERED, ''), legend).text;
  if (numbered) return numbered[2] === ')' || looksLikeQuestion(rest);
  return asks(plainInline(rest));
}

export function questionHeadingText(text: string): { text: string; number: number | null } {
  const t = stripHtml(text);
  const q = Q_NUMBERED.exec(t);
  if (q)
    return {
      text: t
        .slice(q[0].length)
        .replace(/^\*\*\s*/, '')
        .trim(),
      number: q[1] ? Number(q[1]) : null,
    };
  const n = NUMBERED.exec(t);
  if (n) return { text: t.slice(n[0].length).trim(), number: Number(n[1]) };
  return { text: t, number: null };
}

/** "🧠 Foundational Concepts <a id=…></a>" → "Foundational Concepts"; "A. Artificial Neural Network (ANN)" → "Artificial Neural Network (ANN)". */
export function cleanCategory(text: string): string {
  return plainInline(stripHtml(text))
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/^(?:[A-Z]|\d{1,3}|[IVX]{1,4})[.)]\s+/, '')
    .replace(/^(?:part|section|chapter)\s+\w+\s*[:.\-–]\s*/i, '')
    .replace(/[\s:]+$/, '')
    .trim();
}

function stripHtml(text: string): string {
  return text
    .replace(/<a\s+(?:id|name)=[^>]*>\s*<\/a>/gi, '')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .trim();
}
