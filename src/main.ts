import { formatWarning, summarizeBank } from './bank/summary.js';
import { readConfig } from './config.js';
import { loadBankFromDisk } from './io/load-bank-from-disk.js';
import { createLogger } from './log.js';

/**
 * The one place that wires Recall together. For now it loads the question bank and reports it; the
 * practice engine, the platform adapters and the playground are wired here as they land.
 */
async function main(): Promise<number> {
  const configResult = readConfig(process.env);
  if (!configResult.ok) {
    process.stderr.write(`Recall cannot start; fix these settings:\n${configResult.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return 1;
  }
  const { config } = configResult;
  const log = createLogger(config.logLevel);
  const bank = await loadBankFromDisk([config.questionsDir]);
  if (bank.missing.length > 0) {
    log.error({ questionsDir: config.questionsDir }, 'the questions folder does not exist; set QUESTIONS_DIR');
    return 1;
  }
  for (const w of bank.warnings) log.warn({ file: w.file, line: w.line }, formatWarning(w));
  const summary = summarizeBank(bank);
  log.info({ files: summary.files, questions: summary.questions, answered: summary.answered }, 'question bank loaded');
  process.stdout.write(
    [
      `Recall loaded ${summary.questions} questions (${summary.answered} answered) from ${summary.files} files in ${config.questionsDir}/.`,
      ...summary.byCategory.map((c) => `  ${c.category}: ${c.questions}`),
      bank.warnings.length > 0 ? `${bank.warnings.length} warnings (see the log above).` : 'No warnings.',
      'The bot itself (daily questions, Discord, Slack, playground) is not wired in yet; see the open issues.',
    ].join('\n') + '\n',
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Recall crashed: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
