import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '../src/core/random.js';

/**
 * A synthetic question bank for benchmarks: the same shapes the seed banks use (so the loader does its
 * real work, not a fast path), but big and fully deterministic so runs on different days compare.
 *
 * Every question carries its global index ("variant 12345") so all of them have distinct ids and a
 * correct load yields exactly `questions` questions and no warnings; anything else is a loader change
 * worth looking at, not noise.
 */

export interface GenerateOptions {
  questions?: number;
  files?: number;
  seed?: number;
  /** Folder to write into; a fresh folder under os.tmpdir() when omitted. */
  dir?: string;
}

export interface GeneratedBank {
  dir: string;
  questions: number;
  files: number;
  bytes: number;
}

export const DEFAULT_QUESTIONS = 100_000;
export const DEFAULT_FILES = 200;

export async function generateBank(options: GenerateOptions = {}): Promise<GeneratedBank> {
  const questions = options.questions ?? DEFAULT_QUESTIONS;
  const files = Math.min(options.files ?? DEFAULT_FILES, Math.max(1, questions));
  // Seeded, so every run makes the same bank (Math.random would make a different one each time).
  const random = seededRandom(options.seed ?? 0x5eed);
  const rng: Rng = () => random.next();
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'recall-bench-bank-')));
  await mkdir(dir, { recursive: true });

  let next = 1;
  let bytes = 0;
  for (let f = 0; f < files; f++) {
    const count = Math.floor(questions / files) + (f < questions % files ? 1 : 0);
    const style: FileStyle = f % 2 === 0 ? 'heading' : 'list';
    const text = style === 'heading' ? headingFile(rng, f, next, count) : listFile(rng, f, next, count);
    next += count;
    // Some banks are .txt exports; the loader reads them as Markdown all the same.
    const ext = f % 5 === 3 ? 'txt' : 'md';
    // Sub-folders so the recursive listing is exercised too.
    const sub = path.join(dir, `part-${String(Math.floor(f / 50)).padStart(2, '0')}`);
    await mkdir(sub, { recursive: true });
    const data = Buffer.from(text, 'utf8');
    await writeFile(path.join(sub, `bank-${String(f).padStart(4, '0')}.${ext}`), data);
    bytes += data.length;
  }
  return { dir, questions, files, bytes };
}

type FileStyle = 'heading' | 'list';
type Rng = () => number;

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (rng: Rng, p: number): boolean => rng() < p;
function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

// Words are lowercase and hyphen-free on purpose: an answer line that starts "A -" or "Hint:" or looks
// like a Title Cased Line would be read as a marker or a section, which is the loader's job to judge
// on real banks but would make the expected count here wrong.
const WORDS = [
  'model',
  'token',
  'embedding',
  'vector',
  'gradient',
  'layer',
  'attention',
  'weight',
  'batch',
  'loss',
  'retrieval',
  'index',
  'query',
  'document',
  'chunk',
  'context',
  'window',
  'prompt',
  'decoder',
  'encoder',
  'latency',
  'throughput',
  'memory',
  'cache',
  'kernel',
  'tensor',
  'matrix',
  'softmax',
  'logit',
  'sampling',
  'temperature',
  'beam',
  'search',
  'ranking',
  'recall',
  'precision',
  'metric',
  'benchmark',
  'dataset',
  'label',
  'training',
  'inference',
  'serving',
  'quantization',
  'distillation',
  'pruning',
  'adapter',
  'rank',
  'update',
  'optimizer',
  'momentum',
  'schedule',
  'warmup',
  'dropout',
  'normalization',
  'residual',
  'projection',
  'head',
  'position',
  'rotary',
  'sequence',
  'vocabulary',
  'tokenizer',
  'merge',
  'byte',
  'pair',
  'encoding',
  'corpus',
  'filter',
  'dedup',
  'pipeline',
  'stage',
  'shard',
  'replica',
  'cluster',
  'node',
  'request',
  'response',
  'stream',
  'buffer',
  'usually',
  'often',
  'rarely',
  'always',
  'carefully',
  'quickly',
  'slowly',
  'roughly',
  'exactly',
  'mostly',
  'improves',
  'reduces',
  'increases',
  'controls',
  'balances',
  'trades',
  'limits',
  'shapes',
  'guides',
  'measures',
  'stable',
  'sparse',
  'dense',
  'large',
  'small',
  'noisy',
  'clean',
  'robust',
  'fragile',
  'efficient',
  'the',
  'the',
  'the',
  'of',
  'of',
  'and',
  'and',
  'to',
  'in',
  'with',
  'for',
  'by',
  'on',
  'when',
  'because',
  'while',
  'between',
  'across',
  'under',
  'over',
  'each',
  'every',
  'this',
  'that',
  'its',
  'their',
  'more',
  'less',
  'evaluation',
  'alignment',
  'preference',
  'reward',
  'policy',
  'value',
  'advantage',
  'rollout',
  'feedback',
  'safety',
  'hallucination',
  'grounding',
  'citation',
  'source',
  'schema',
  'parser',
  'agent',
  'tool',
  'planner',
  'memory',
  'café',
  'naïve',
  'façade',
  'déjà',
  'résumé',
] as const;

const TOPICS = [
  'retrieval augmented generation',
  'low rank adaptation',
  'beam search',
  'speculative decoding',
  'key value caching',
  'mixture of experts',
  'rotary position embeddings',
  'layer normalization',
  'contrastive learning',
  'instruction tuning',
  'reward modelling',
  'direct preference optimization',
  'vector databases',
  'hybrid search',
  'prompt injection',
  'tokenizer training',
  'gradient checkpointing',
  'tensor parallelism',
  'quantization aware training',
  'knowledge distillation',
] as const;

const EFFECTS = ['latency', 'memory use', 'answer quality', 'training stability', 'cost per request', 'recall at ten', 'throughput'] as const;

const SECTIONS = [
  'Foundations',
  'Retrieval Systems',
  'Model Architecture',
  'Training and Tuning',
  'Serving and Deployment',
  'Evaluation',
  'Safety and Alignment',
  'Agents and Tools',
  'Data Pipelines',
  'Practical Coding',
] as const;

// Mac Roman mojibake of 🤖 and 📚 as the seed banks have it, so the repair pass has work to do.
const SECTION_ICONS = ['', '', '', 'ü§ñ ', 'üìö ', '🧠 '] as const;

function question(rng: Rng, index: number, ending: '?' | 'any' = 'any'): string {
  const topic = pick(rng, TOPICS);
  const effect = pick(rng, EFFECTS);
  const forms = [
    `How does ${topic} variant ${index} affect ${effect}?`,
    `What is the role of ${topic} in variant ${index} of a production system?`,
    `Why would a team choose ${topic} for variant ${index} instead of a simpler baseline?`,
    `When does ${topic} variant ${index} hurt ${effect}, and how do you detect it?`,
  ];
  if (ending === 'any') forms.push(`Explain ${topic} variant ${index} and its effect on ${effect}.`, `Describe how to debug ${topic} variant ${index} in production.`);
  let q = pick(rng, forms);
  if (ending === 'any' && chance(rng, 0.1)) q += ` ${pick(rng, ['[easy]', '[medium]', '[hard]'])}`;
  return q;
}

function sentence(rng: Rng): string {
  const n = int(rng, 6, 16);
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    let w: string = pick(rng, WORDS);
    const r = rng();
    if (i > 0 && r < 0.04) w = `\`${w}_${int(rng, 1, 99)}\``;
    else if (i > 0 && r < 0.07) w = `**${w}**`;
    else if (i > 0 && r < 0.08) w = `[${w}](https://example.com/${w})`;
    words.push(w);
  }
  const first = words[0] ?? 'model';
  words[0] = first.charAt(0).toUpperCase() + first.slice(1);
  const joiner = chance(rng, 0.05) ? pick(rng, [' — ', ' ‚Äî ']) : ' ';
  const cut = int(rng, 2, Math.max(2, words.length - 2));
  return `${words.slice(0, cut).join(' ')}${joiner}${words.slice(cut).join(' ')}.`;
}

/** Prose paragraphs of roughly 200–600 characters in all, wrapped like an editor would. */
function paragraphs(rng: Rng): string[] {
  const target = int(rng, 200, 600);
  const sentences: string[] = [];
  let length = 0;
  while (length < target) {
    const s = sentence(rng);
    sentences.push(s);
    length += s.length + 1;
  }
  const split = sentences.length >= 4 && chance(rng, 0.5) ? int(rng, 1, sentences.length - 1) : sentences.length;
  const paras = [sentences.slice(0, split), sentences.slice(split)].filter((p) => p.length > 0);
  return paras.map((p) => wrap(p.join(' '), 76));
}

function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

function table(rng: Rng): string {
  const rows = int(rng, 2, 4);
  const out = ['| Option | Strength | Cost |', '| :--- | :--- | ---: |'];
  for (let i = 0; i < rows; i++) out.push(`| ${pick(rng, TOPICS)} | ${pick(rng, WORDS)} ${pick(rng, WORDS)} | ${int(rng, 1, 500)} ms |`);
  return out.join('\n');
}

function codeBlock(rng: Rng): string {
  const name = pick(rng, ['score', 'embed', 'rerank', 'chunk', 'batch']);
  return [
    '```python',
    `def ${name}_${int(rng, 1, 999)}(items, k=${int(rng, 1, 50)}):`,
    `    scores = [model.${name}(x) for x in items]`,
    '    return sorted(scores, reverse=True)[:k]',
    '```',
  ].join('\n');
}

function bullets(rng: Rng): string {
  const n = int(rng, 2, 4);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`- **${pick(rng, WORDS)}**: ${sentence(rng)}`);
  return out.join('\n');
}

/** An answer as Markdown blocks: prose, sometimes with a table, a code block or a bullet list. */
function answerBlocks(rng: Rng): string[] {
  const blocks = paragraphs(rng);
  const r = rng();
  if (r < 0.12) blocks.splice(1, 0, table(rng));
  else if (r < 0.24) blocks.push(codeBlock(rng));
  else if (r < 0.34) blocks.splice(1, 0, bullets(rng));
  return blocks;
}

function hint(rng: Rng): string {
  return `Hint: ${sentence(rng)}`;
}

function sectionHeading(rng: Rng, file: number, n: number): string {
  return `## ${pick(rng, SECTION_ICONS)}${pick(rng, SECTIONS)} ${file}.${n}`;
}

function preamble(rng: Rng, file: number): string[] {
  return [`# Synthetic bank ${file}`, '', wrap(`${sentence(rng)} ${sentence(rng)}`, 76), ''];
}

/** A `### Q12.` heading bank, with `<details>` blocks and `---` rules mixed in. */
function headingFile(rng: Rng, file: number, first: number, count: number): string {
  const out = preamble(rng, file);
  let untilSection = 0;
  let sections = 0;
  for (let i = 0; i < count; i++) {
    const index = first + i;
    if (untilSection-- <= 0) {
      out.push(sectionHeading(rng, file, ++sections), '');
      untilSection = int(rng, 20, 30);
    }
    const r = rng();
    if (r < 0.15) {
      out.push(...detailsBlock(rng, index));
      continue;
    }
    const asked = question(rng, index);
    if (r < 0.75) out.push(`### Q${i + 1}. ${asked}`);
    else out.push(`### ${question(rng, index, '?')}`);
    if (chance(rng, 0.2)) out.push(hint(rng));
    const blocks = answerBlocks(rng);
    if (chance(rng, 0.7)) out.push('**Answer:**', ...blocks.flatMap((b) => [b, '']));
    else out.push(...blocks.flatMap((b) => [b, '']));
    if (chance(rng, 0.1)) out.push('---', '');
  }
  return out.join('\n');
}

function detailsBlock(rng: Rng, index: number): string[] {
  const asked = question(rng, index);
  if (chance(rng, 0.3)) return [`<details><summary>${asked}</summary>${sentence(rng)} ${sentence(rng)} ${sentence(rng)}</details>`, ''];
  return ['<details>', `<summary>${asked}</summary>`, '', ...answerBlocks(rng).flatMap((b) => [b, '']), '</details>', ''];
}

/** A list bank: numbered questions with `- Answer` bullets or answer paragraphs, Q:/A: pairs, bold lines, `<details>`. */
function listFile(rng: Rng, file: number, first: number, count: number): string {
  const out = preamble(rng, file);
  let untilSection = 0;
  let sections = 0;
  for (let i = 0; i < count; i++) {
    const index = first + i;
    if (untilSection-- <= 0) {
      out.push(sectionHeading(rng, file, ++sections), '');
      untilSection = int(rng, 20, 30);
    }
    const r = rng();
    if (r < 0.3) out.push(...answerBullet(rng, i + 1, index));
    else if (r < 0.55) out.push(...plainNumbered(rng, i + 1, index));
    else if (r < 0.75) out.push(...qaPair(rng, index));
    else if (r < 0.88) out.push(...boldLine(rng, index));
    else out.push(...detailsBlock(rng, index));
  }
  return out.join('\n');
}

/**
 * `12. **Question?**` with the answer in a `- Answer` bullet: indented under the item, or at the margin
 * right after it as genai-faq-answered.md has it.
 */
function answerBullet(rng: Rng, n: number, index: number): string[] {
  const marker = `${n}. `;
  const pad = chance(rng, 0.5) ? ' '.repeat(marker.length) : '';
  const out = [`${marker}**${question(rng, index)}**`, ''];
  // Only inside the item can a hint sit between question and answer; at the margin it would be prose.
  if (pad !== '' && chance(rng, 0.2)) out.push(`${pad}${hint(rng)}`, '');
  out.push(`${pad}- Answer`, '');
  const inner = `${pad}  `;
  for (const block of paragraphs(rng)) out.push(...block.split('\n').map((l) => inner + l), '');
  if (chance(rng, 0.15))
    out.push(
      ...codeBlock(rng)
        .split('\n')
        .map((l) => inner + l),
      '',
    );
  return out;
}

/** `12. Question?` then the answer as ordinary paragraphs (plain exported notes). */
function plainNumbered(rng: Rng, n: number, index: number): string[] {
  const out = [`${n}. ${question(rng, index)}`, ''];
  if (chance(rng, 0.2)) out.push(hint(rng), '');
  out.push(...answerBlocks(rng).flatMap((b) => [b, '']));
  return out;
}

function qaPair(rng: Rng, index: number): string[] {
  const [firstPara = '', ...more] = paragraphs(rng);
  return [`Q: ${question(rng, index)}`, `A: ${firstPara}`, '', ...more.flatMap((b) => [b, ''])];
}

function boldLine(rng: Rng, index: number): string[] {
  const out = [`**${question(rng, index, '?')}**`, ''];
  if (chance(rng, 0.2)) out.push(hint(rng), '');
  out.push(...answerBlocks(rng).flatMap((b) => [b, '']));
  return out;
}

// `tsx bench/generate-bank.ts [--questions N] [--files F] [dir]` writes a bank to look at or profile with.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const flag = (name: string): number | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args.splice(i, 2)[1]) : undefined;
  };
  const questions = flag('--questions');
  const files = flag('--files');
  const dir = args[0];
  const bank = await generateBank({ ...(questions !== undefined && { questions }), ...(files !== undefined && { files }), ...(dir !== undefined && { dir }) });
  console.log(JSON.stringify(bank));
}
