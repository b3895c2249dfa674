import { commands } from '../commands/index.js';
import { ADAPTERS } from './adapters/list.js';
import { PortRouter } from './adapters/port-router.js';
import type { RunningAdapter } from './adapters/types.js';
import { formatWarning, summarizeBank } from './bank/summary.js';
import { describeConfig, readConfig } from './config.js';
import { openBankService } from './core/bank-service.js';
import { systemClock } from './core/clock.js';
import type { ChannelRef } from './core/refs.js';
import { createEngine } from './core/engine.js';
import { systemRandom } from './core/random.js';
import { systemTimers } from './core/timers.js';
import { bankCacheDir } from './io/bank-cache.js';
import { LastLoad } from './io/last-load.js';
import { loadBankFromDisk } from './io/load-bank-from-disk.js';
import { searchIndexOpener } from './io/search-worker-client.js';
import { createBoardRenderer } from './images/render.js';
import { createLogger } from './log.js';
import { countErrorLine, createPrometheusMetrics, instrumentEngine, instrumentPort } from './metrics/index.js';
import { createCronTimer } from './scheduler/index.js';
import { firstStopSignal, stopGracefully } from './shutdown.js';
import { createStore } from './store/create-store.js';
import { keepRunningOnStrayErrors } from './stray-errors.js';

/** Under the 10 s after which Docker (and most supervisors) send SIGKILL, with room for the last log lines. */
const STOP_WITHIN_MS = 9_000;

/** The one place that wires Recall together: config, store, bank, engine, and the adapters that are on. */
async function main(): Promise<number> {
  const configResult = readConfig(process.env);
  if (!configResult.ok) {
    process.stderr.write(`Recall cannot start; fix these settings:\n${configResult.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    return 1;
  }
  const { config } = configResult;
  const metrics = createPrometheusMetrics();
  // Every error-level line, from the engine, an adapter or Bolt, is one failure in recall_errors_total.
  const logger = createLogger(config.logLevel, countErrorLine(metrics));
  logger.info(describeConfig(config), 'starting Recall');

  // Each reload adopts the questions of files unchanged since the last load rather than building them again.
  const lastLoad = new LastLoad();
  const loadBank = async () => {
    const bank = await loadBankFromDisk([config.questionsDir], { cacheDir: bankCacheDir(config.storeUrl), lastLoad });
    if (bank.missing.length > 0) throw new Error(`the questions folder ${config.questionsDir} does not exist; set QUESTIONS_DIR`);
    for (const w of bank.warnings) logger.warn({ file: w.file, line: w.line }, formatWarning(w));
    return bank;
  };
  // The store first: the parse cache lives next to its file, and nothing may be made there before the
  // store is accepted (a corrupt store must be left alone, folder and all).
  const store = await createStore(config.storeUrl);
  const initial = await loadBank();
  const summary = summarizeBank(initial);
  logger.info({ files: summary.files, questions: summary.questions, answered: summary.answered, warnings: initial.warnings.length }, 'question bank loaded');

  // The search index is built at once, off the event loop: a person's first search or autocomplete finds it ready.
  const bank = await openBankService(initial, loadBank, { logger, store, search: { open: searchIndexOpener(), atStart: true } });
  const router = new PortRouter();
  const world = { clock: systemClock, store, random: systemRandom, logger, timers: systemTimers, metrics };
  const adapters: RunningAdapter[] = [];
  // Bound late: under sharding each Discord shard schedules only its own guilds, known once it is connected.
  const ownsChannel = (channel: ChannelRef) => adapters.every((a) => a.ownsChannel?.(channel) ?? true);
  // Fonts are read here, once: a bad install fails the start rather than the first picture.
  const images = await createBoardRenderer();
  const engine = instrumentEngine(
    createEngine({ world, config: config.engine, bank, platform: instrumentPort(router, metrics), commands, wakeTimer: createCronTimer(), ownsChannel, images }),
    metrics,
  );
  const platformHealth = () => Object.fromEntries(adapters.flatMap((a) => (a.health ? [[a.name, a.health()] as const] : [])));
  metrics.watchPlatforms(platformHealth);
  const configured = ADAPTERS.filter((a) => a.configured(config));
  const chatPlatforms = configured.filter((a) => a.chat).map((a) => a.name);
  const context = { engine, router, bank, store, logger, chatPlatforms, platformHealth, metrics };
  for (const adapter of configured) adapters.push(await adapter.start(config, context));
  for (const a of adapters) if (a.banner) process.stdout.write(`${a.banner}\n`);
  await engine.start();
  logger.info({ adapters: adapters.map((a) => a.name) }, 'Recall is running');
  // Only once running: a failure during start-up should still end the process with its message.
  keepRunningOnStrayErrors(process, logger);

  const signal = await firstStopSignal(logger);
  return stopGracefully({ adapters, engine, store, logger, withinMs: STOP_WITHIN_MS, exit: (code) => process.exit(code) }, signal);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Recall could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
