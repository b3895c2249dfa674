import type { CoreLogger } from '../../src/core/logger.js';
import { seededRandom } from '../../src/core/random.js';
import type { World } from '../../src/core/world.js';
import { createStore } from '../../src/store/create-store.js';
import type { Store } from '../../src/store/store.js';
import { FakeClock } from './clock.js';
import { FakeTimers } from './timers.js';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: Record<string, unknown>;
  msg: string;
}

export class RecordingLogger implements CoreLogger {
  readonly entries: LogEntry[] = [];
  debug(obj: Record<string, unknown>, msg: string) {
    this.entries.push({ level: 'debug', obj, msg });
  }
  info(obj: Record<string, unknown>, msg: string) {
    this.entries.push({ level: 'info', obj, msg });
  }
  warn(obj: Record<string, unknown>, msg: string) {
    this.entries.push({ level: 'warn', obj, msg });
  }
  error(obj: Record<string, unknown>, msg: string) {
    this.entries.push({ level: 'error', obj, msg });
  }
  at(level: LogEntry['level']) {
    return this.entries.filter((e) => e.level === level);
  }
}

export interface TestWorld extends World {
  clock: FakeClock;
  timers: FakeTimers;
  logger: RecordingLogger;
}

/** A world that stands still until the test moves it: fake clock and timers, seeded random, memory store. */
export async function createTestWorld(opts: { start?: string; store?: Store; seed?: number } = {}): Promise<TestWorld> {
  const clock = new FakeClock(opts.start ?? '2026-11-23T08:00:00Z');
  return {
    clock,
    timers: new FakeTimers(clock),
    random: seededRandom(opts.seed ?? 42),
    logger: new RecordingLogger(),
    store: opts.store ?? (await createStore('memory://')),
  };
}
