import { decodeBankBytes } from '../text/decode.js';
import type { BankFile, BankWarning } from '../types.js';
import { flattenBlocks, type Block } from './blocks.js';
import type { RawQuestion } from './draft.js';
import { type RuleTrace, extractQuestions } from './extract.js';
import { takeFrontMatter } from './front-matter.js';
import { MAX_BLOCK_LEVEL, parseBankMarkdown } from '../markdown.js';

export interface ParsedFile {
  questions: RawQuestion[];
  warnings: BankWarning[];
}

/**
 * One file's questions, or warnings saying why (some of) it could not be read. Never throws on content.
 * `trace` hears which named rule took each block (tests/bank/parse/rules.test.ts).
 */
export function parseBankFile(file: BankFile, trace?: RuleTrace): ParsedFile {
  const decoded = decodeBankBytes(file.bytes);
  if (!decoded.ok) return { questions: [], warnings: [{ file: file.path, line: 1, message: `${decoded.reason}; skipped` }] };
  const warnings: BankWarning[] = decoded.notes.map((n) => ({ file: file.path, ...n }));
  const { text: body, front } = takeFrontMatter(decoded.text);
  const { text, longLines } = dropOverlongLines(body);
  warnings.push(...longLines.map((w) => ({ file: file.path, ...w })));
  const { blocks, fenceWarnings } = blocksWithClosedFences(text);
  warnings.push(...fenceWarnings.map((w) => ({ file: file.path, ...w })));
  const extracted = extractQuestions(blocks, front ?? {}, trace);
  warnings.push(...extracted.warnings.map((w) => ({ file: file.path, ...w })));
  if (extracted.questions.length === 0) {
    warnings.push({ file: file.path, line: 1, message: 'no questions found (questions/README.md lists the shapes Recall reads)' });
  }
  return { questions: extracted.questions, warnings };
}

/** No question or answer line is this long; such a line is a broken export, and would stall the parser. */
export const MAX_LINE_CHARS = 20_000;

function dropOverlongLines(text: string): { text: string; longLines: { line: number; message: string }[] } {
  const longLines: { line: number; message: string }[] = [];
  if (text.length <= MAX_LINE_CHARS) return { text, longLines };
  const lines = text.split('\n');
  lines.forEach((l, i) => {
    if (l.length <= MAX_LINE_CHARS) return;
    longLines.push({ line: i + 1, message: `line is ${l.length.toLocaleString('en')} characters long (limit ${MAX_LINE_CHARS.toLocaleString('en')}); skipped` });
    lines[i] = '';
  });
  return { text: longLines.length > 0 ? lines.join('\n') : text, longLines };
}

/**
 * A code fence that is never closed swallows the rest of the file. Close it where its code most likely
 * ends (the next blank line) so the questions after it still load, and say so.
 */
function blocksWithClosedFences(text: string): { blocks: Block[]; fenceWarnings: { line: number; message: string }[] } {
  const fenceWarnings: { line: number; message: string }[] = [];
  let current = text;
  let parsed = parseBankMarkdown(current);
  if (parsed.tooDeepLine !== null) {
    fenceWarnings.push({
      line: parsed.tooDeepLine,
      message: `lists and quotes nest more than ${MAX_BLOCK_LEVEL} levels deep from here (a list counts two); the deeper part is read as plain text`,
    });
  }
  let blocks = flattenBlocks(parsed.tree, current);
  for (let attempt = 0; attempt < 20; attempt++) {
    const runaway = firstRunawayFence(blocks);
    if (!runaway) break;
    const lines = current.split('\n');
    const opener = lines[runaway.line - 1] ?? '```';
    const fence = /^\s*(`{3,}|~{3,})/.exec(opener)?.[1] ?? '```';
    let close = runaway.line;
    while (close < lines.length && (lines[close] ?? '').trim() !== '') close++;
    lines.splice(close, 0, fence);
    fenceWarnings.push({ line: runaway.line, message: `code block is never closed; closed it at line ${close} (before the first blank line)` });
    current = lines.join('\n');
    parsed = parseBankMarkdown(current);
    blocks = flattenBlocks(parsed.tree, current);
  }
  return { blocks, fenceWarnings };
}

function firstRunawayFence(blocks: Block[]): Extract<Block, { kind: 'content' }> | undefined {
  for (const b of blocks) if (b.kind === 'content' && b.unclosedFence) return b;
  return undefined;
}
