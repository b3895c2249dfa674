import pino from 'pino';
import { commands } from '../../../commands/index.js';
import { PortRouter } from '../../../src/adapters/port-router.js';
import { startWebAdapter } from '../../../src/adapters/web/index.js';
import type { BankLoadResult } from '../../../src/bank/types.js';
import { createBankService } from '../../../src/core/bank-service.js';
import { systemClock } from '../../../src/core/clock.js';
import { defaultEngineConfig } from '../../../src/core/engine-config.js';
import { createEngine } from '../../../src/core/engine.js';
import type { BoardImages } from '../../../src/core/images.js';
import { seededRandom } from '../../../src/core/random.js';
import { systemTimers } from '../../../src/core/timers.js';
import type { World } from '../../../src/core/world.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { FakeTimer } from '../../fakes/wake-timer.js';
import { RecordingLogger, type TestWorld, createTestWorld } from '../../fakes/world.js';
import { hostileBank } from './test-bank.js';

export interface HarnessOptions {
  token?: string | null;
  playground?: boolean;
  bank?: BankLoadResult;
  /** `fake`: the test world's clock (Mon 23 Nov 2026 08:00 UTC) that only moves when told; `system` for browsers. */
  clock?: 'fake' | 'system';
  store?: Store;
  /** Board pictures (src/images' renderer, made once per file: it reads fonts). */
  images?: BoardImages;
}

/** Log lines the adapter wrote, parsed; a real pino logger writes them. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/**
 * The real web adapter on an ephemeral port over the real engine and commands: a memory store, the
 * given bank, a wake timer the test fires by hand.
 */
export async function startHarness(opts: HarnessOptions = {}) {
  const store = opts.store ?? (await createStore('memory://'));
  const fake: TestWorld | null = opts.clock === 'system' ? null : await createTestWorld({ store });
  const world: World = fake ?? { clock: systemClock, store, random: seededRandom(7), logger: new RecordingLogger(), timers: systemTimers };
  const loaded = opts.bank ?? hostileBank();
  const bank = createBankService(loaded, async () => loaded, { store });
  const router = new PortRouter();
  const wake = new FakeTimer();
  const engine = createEngine({ world, config: defaultEngineConfig, bank, platform: router, commands, wakeTimer: wake, ...(opts.images ? { images: opts.images } : {}) });
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const adapter = await startWebAdapter({
    engine,
    router,
    bank,
    store,
    logger,
    config: { port: 0, host: '127.0.0.1', dashboardToken: opts.token ?? null },
    playground: opts.playground ?? true,
    now: () => world.clock.now(),
  });
  await engine.start();
  const base = adapter.url;
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({ ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...extra });

  return {
    url: base,
    engine,
    bank,
    world,
    /** The fake world (clock and timers the test moves); null with the system clock. */
    fake,
    wake,
    logs,
    adapter,
    get: (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, { ...init, headers: { ...headers(), ...(init.headers as Record<string, string> | undefined) } }),
    post: (path: string, body: unknown, extra: Record<string, string> = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: headers({ 'content-type': 'application/json', ...extra }), body: typeof body === 'string' ? body : JSON.stringify(body) }),
    async json<T = Record<string, unknown>>(path: string): Promise<T> {
      const res = await fetch(`${base}${path}`, { headers: headers() });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async stop(opts2: { keepStore?: boolean } = {}) {
      await adapter.stop();
      await engine.stop();
      if (!opts2.keepStore) await store.close();
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

/** The JSON shapes the page reads, as far as the tests look at them. */
export interface Block {
  type: string;
  html?: string;
  titleHtml?: string;
  footerHtml?: string | null;
  buttons?: { action: string; label: string; disabled: boolean }[];
}
export interface MessageJson {
  id: string;
  kind: string;
  onlyYou: boolean;
  daily: boolean;
  parentId: string | null;
  invokedBy: { name: string; text: string } | null;
  reactions: { emoji: string; count: number; mine: boolean }[];
  blocks: Block[];
}

export function textOf(message: { blocks: Block[] }): string {
  return message.blocks.map((b) => [b.titleHtml, b.html, b.footerHtml, ...(b.buttons ?? []).map((x) => `[${x.label}]`)].filter(Boolean).join('\n')).join('\n');
}

export function buttonOf(message: { blocks: Block[] }, label: RegExp): { action: string; label: string } {
  const hit = message.blocks.flatMap((b) => b.buttons ?? []).find((b) => label.test(b.label));
  if (!hit) throw new Error(`no button ${label} in ${textOf(message)}`);
  return hit;
}

export async function messages(h: Harness, user: string): Promise<MessageJson[]> {
  return (await h.json<{ messages: MessageJson[] }>(`/api/messages?user=${encodeURIComponent(user)}`)).messages;
}
