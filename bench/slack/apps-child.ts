import { createInterface } from 'node:readline';
import pino from 'pino';
import { commands } from '../../commands/index.js';
import { PortRouter } from '../../src/adapters/port-router.js';
import { startSlackAdapter } from '../../src/adapters/slack/index.js';
import { createBankService } from '../../src/core/bank-service.js';
import { defaultEngineConfig } from '../../src/core/engine-config.js';
import { type Engine, createEngine } from '../../src/core/engine.js';
import { silentLogger } from '../../src/core/logger.js';
import { seededRandom } from '../../src/core/random.js';
import { createStore } from '../../src/store/create-store.js';
import { FakeClock } from '../../tests/fakes/clock.js';
import { FakeTimers } from '../../tests/fakes/timers.js';
import { FakeTimer } from '../../tests/fakes/wake-timer.js';
import { loadSeeds } from '../../tests/helpers/bank.js';
import { startBareApp } from './bare-app.js';

/**
 * The apps under test, in their own process so the benchmark's client and fake Slack do not share
 * their event loop: Recall (real engine, seed bank, memory store) and the bare Bolt app. Prints one
 * JSON line with both URLs; on "stop" on stdin, prints how long the engine itself took and exits.
 *
 * Usage: tsx bench/slack/apps-child.ts <fake api url> <bot token> <signing secret>
 */
const [apiUrl, botToken, signingSecret] = process.argv.slice(2);
if (!apiUrl || !botToken || !signingSecret) throw new Error('usage: apps-child.ts <api url> <bot token> <signing secret>');

// A still clock keeps the daily post open for grading however long the run takes; a silent logger
// keeps the engine's own logs out of the measurement.
const clock = new FakeClock('2026-11-23T08:00:00Z');
const world = { clock, timers: new FakeTimers(clock), random: seededRandom(1), logger: silentLogger, store: await createStore('memory://') };
const seeds = loadSeeds();
const router = new PortRouter();
const bank = createBankService(seeds, async () => seeds);
const engine = createEngine({ world, config: defaultEngineConfig, bank, platform: router, commands, wakeTimer: new FakeTimer() });
const engineMs: Record<'runText' | 'handleAction', number[]> = { runText: [], handleAction: [] };
const timed: Engine = {
  ...engine,
  runText: (text, who) => measure('runText', () => engine.runText(text, who)),
  handleAction: (inv) => measure('handleAction', () => engine.handleAction(inv)),
};

const config = { botToken, signingSecret, appToken: null, apiUrl, clientId: null, clientSecret: null, stateSecret: null, adminGroup: null, port: 0 };
const recall = await startSlackAdapter({ engine: timed, router, bank, store: world.store, logger: pino({ level: 'silent' }), config, options: { host: '127.0.0.1' } });
const bare = await startBareApp({ signingSecret, botToken, apiUrl });
await engine.start();
process.stdout.write(`${JSON.stringify({ recall: recall.url, bare: bare.url })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === 'reset') {
    engineMs.runText.length = 0;
    engineMs.handleAction.length = 0;
  }
  if (line.trim() === 'stop') break;
}
await recall.stop();
await bare.stop();
await engine.stop();
await world.store.close();
process.stdout.write(`${JSON.stringify({ engineMs })}\n`);

async function measure<T>(name: keyof typeof engineMs, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    engineMs[name].push(performance.now() - started);
  }
}
