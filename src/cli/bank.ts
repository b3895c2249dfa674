import { renderQuestionCard, type RenderTarget } from '../bank/render/index.js';
import { formatWarning, summarizeBank } from '../bank/summary.js';
import { loadBankFromDisk, type DiskBankResult } from '../io/load-bank-from-disk.js';

const USAGE = `Usage:
  npm run -s bank -- check <file-or-folder>... [--json]   load a bank, print a summary and every warning
  npm run -s bank -- show <id> [--bank <folder>]           print one question as Discord, Slack and plain text

check exits 0 when the bank loads (warnings allowed), 1 when a path is missing or nothing could be read.
show reads QUESTIONS_DIR (default ./questions) unless --bank is given.`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'check') return check(rest);
  if (command === 'show') return show(rest);
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
    process.stderr.write('error: no .md, .markdown or .txt files found in the given paths\n');
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
  out.push(`${s.files} file${s.files === 1 ? '' : 's'}, ${s.questions} questions, ${s.answered} answered, ${s.questions - s.answered} for discussion`);
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
  const targets: RenderTarget[] = ['discord', 'slack', 'plain'];
  const out = [`id ${q.id} — ${q.sources.map((s) => `${s.file}:${s.line}`).join(', ')}`];
  for (const target of targets) {
    const chunks = renderQuestionCard(q, target);
    out.push('', `===== ${target} (${chunks.length} message${chunks.length === 1 ? '' : 's'}) =====`);
    chunks.forEach((chunk, i) => {
      if (chunks.length > 1) out.push(`----- ${i + 1}/${chunks.length} -----`);
      out.push(chunk);
    });
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
