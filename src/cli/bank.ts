import { discordFlavour } from '../adapters/discord/markdown-flavour.js';
import { slackFlavour } from '../adapters/slack/mrkdwn-flavour.js';
import { plainFlavour, renderQuestionCard } from '../bank/render/index.js';
import { DUPLICATE_THRESHOLD, probableDuplicates } from '../bank/dupes.js';
import { formatWarning, summarizeBank } from '../bank/summary.js';
import type { Question } from '../bank/types.js';
import { loadBankFromDisk, type DiskBankResult } from '../io/load-bank-from-disk.js';
import { EXPORT_USAGE, exportCommand } from './bank-export.js';

const USAGE = `Usage:
  npm run -s bank -- check <file-or-folder>... [--json]   load a bank, print a summary and every warning
  npm run -s bank -- show <id> [--bank <folder>]           print one question as Discord, Slack and plain text
  npm run -s bank -- dupes <file-or-folder>... [--threshold 0.6]
                                                          list pairs of questions that are probably the same
${EXPORT_USAGE}

check exits 0 when the bank loads (warnings allowed), 1 when a path is missing or nothing could be read.
show reads QUESTIONS_DIR (default ./questions) unless --bank is given.
dupes compares the content words of every two questions (shared words over all words).
export reads STORE_URL (default ./data/recall.sqlite) and QUESTIONS_DIR unless --store / --bank are given;
it exits 1 when a question could not be written so that it reads back the same (each is named).`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'check') return check(rest);
  if (command === 'show') return show(rest);
  if (command === 'dupes') return dupes(rest);
  if (command === 'export') return exportCommand(rest);
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`Unknown command \`${command}\`.\n\n${USAGE}\n`);
  return 2;
}

async function check(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const paths = args.filter((a) => a !== '--json');
  const unknown = paths.filter((p) => p.startsWith('--'));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown option ${unknown.join(', ')}.\n\n${USAGE}\n`);
    return 2;
  }
  if (paths.length === 0) {
    process.stderr.write(`check needs at least one file or folder.\n\n${USAGE}\n`);
    return 2;
  }
  const bank = await loadBankFromDisk(paths);
  for (const m of bank.missing) process.stderr.write(`error: ${m}: no such file or folder\n`);
  if (json) {
    const doc = { questions: bank.questions, warnings: bank.warnings };
    process.stdout.write(`${JSON.stringify(doc)}\n`);
  } else {
    printSummary(bank);
  }
  if (bank.missing.length > 0) return 1;
  if (bank.files.length === 0) {
    process.stderr.write('error: no .md, .markdown, .txt, .csv, .tsv or .apkg files found in the given paths\n');
    return 1;
  }
  if (bank.questions.length === 0) {
    process.stderr.write('error: no questions could be read from the given files\n');
    return 1;
  }
  return 0;
}

function printSummary(bank: DiskBankResult): void {
  const s = summarizeBank(bank);
  const out: string[] = [];
  const skipped = bank.warnings.filter((w) => w.skipped).length;
  out.push(
    `${s.files} file${s.files === 1 ? '' : 's'}, ${s.questions} questions, ${s.answered} answered, ${s.questions - s.answered} for discussion; ` +
      `${skipped} question-like block${skipped === 1 ? '' : 's'} skipped${skipped > 0 ? ' (each has a warning below)' : ''}`,
  );
  if (s.byCategory.length > 0) {
    out.push('', 'By category:');
    const width = Math.max(...s.byCategory.map((c) => c.category.length));
    for (const c of s.byCategory) out.push(`  ${c.category.padEnd(width)}  ${String(c.questions).padStart(4)} questions, ${c.answered} answered`);
  }
  if (bank.warnings.length > 0) {
    out.push('', `${bank.warnings.length} warning${bank.warnings.length === 1 ? '' : 's'}:`);
    for (const w of bank.warnings) out.push(formatWarning(w));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

async function show(args: string[]): Promise<number> {
  const bankFlag = args.indexOf('--bank');
  const folder = bankFlag >= 0 ? args[bankFlag + 1] : (process.env.QUESTIONS_DIR ?? 'questions');
  const id = args.find((a, i) => !a.startsWith('--') && (bankFlag < 0 || i !== bankFlag + 1));
  if (!id || !folder) {
    process.stderr.write(`show needs a question id (see \`bank check --json\`).\n\n${USAGE}\n`);
    return 2;
  }
  const bank = await loadBankFromDisk([folder]);
  const q = bank.questions.find((x) => x.id === id) ?? bank.questions.filter((x) => x.id.startsWith(id)).at(0);
  if (!q) {
    process.stderr.write(`No question with id \`${id}\` in ${folder} (${bank.questions.length} questions loaded).\n`);
    return 1;
  }
  // The chat flavours live with their adapters; the CLI, like main.ts, may reach into them.
  const flavours = [discordFlavour, slackFlavour, plainFlavour];
  const level = q.difficulty ? ` — ${q.difficulty}` : '';
  const out = [`id ${q.id}${level} — ${q.sources.map((s) => `${s.file}:${s.line}`).join(', ')}`];
  for (const flavour of flavours) {
    const chunks = renderQuestionCard(q, flavour);
    out.push('', `===== ${flavour.name} (${chunks.length} message${chunks.length === 1 ? '' : 's'}) =====`);
    chunks.forEach((chunk, i) => {
      if (chunks.length > 1) out.push(`----- ${i + 1}/${chunks.length} -----`);
      out.push(chunk);
    });
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

async function dupes(args: string[]): Promise<number> {
  const at = args.indexOf('--threshold');
  const threshold = at >= 0 ? Number(args[at + 1]) : DUPLICATE_THRESHOLD;
  const paths = args.filter((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1));
  if (paths.length === 0 || !(threshold > 0 && threshold <= 1)) {
    process.stderr.write(`dupes needs at least one file or folder${at >= 0 ? ' and a threshold above 0, at most 1' : ''}.\n\n${USAGE}\n`);
    return 2;
  }
  const bank = await loadBankFromDisk(paths);
  for (const m of bank.missing) process.stderr.write(`error: ${m}: no such file or folder\n`);
  const pairs = probableDuplicates(bank.questions, threshold);
  const where = (q: Question) => q.sources.map((s) => `${s.file}:${s.line}`).join(', ');
  const out = [`${pairs.length} probable duplicate pair${pairs.length === 1 ? '' : 's'} among ${bank.questions.length} questions (similarity ≥ ${threshold})`];
  for (const p of pairs) {
    out.push('', `${p.similarity.toFixed(2)}  ${oneLine(p.a.question)}`, `      ${where(p.a)}`, `      ${oneLine(p.b.question)}`, `      ${where(p.b)}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return bank.missing.length > 0 ? 1 : 0;
}

function oneLine(markdown: string): string {
  const line = markdown.replace(/\s+/g, ' ').trim();
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
