import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe } from 'vitest';
import { loadBank } from '../../../src/bank/load.js';
import type { BankLoadResult } from '../../../src/bank/types.js';
import type { ActionInvocation } from '../../../src/core/actions.js';
import { type BankService, createBankService } from '../../../src/core/bank-service.js';
import { type EngineConfig, defaultEngineConfig } from '../../../src/core/engine-config.js';
import { createPracticeService } from '../../../src/core/practice/index.js';
import type { PracticeService } from '../../../src/core/practice/service.js';
import type { ChannelRef, UserRef, WorkspaceRef } from '../../../src/core/refs.js';
import { type Reply, replyText } from '../../../src/core/reply.js';
import { createScoringService } from '../../../src/core/scoring/index.js';
import type { ScoringService } from '../../../src/core/scoring/service.js';
import { createStore } from '../../../src/store/create-store.js';
import type { Store } from '../../../src/store/store.js';
import { type TestWorld, createTestWorld } from '../../fakes/world.js';

const REDIS_URL = process.env['REDIS_URL'];
/** Memory and SQLite always; Redis when a server is there (tests/helpers/redis-global-setup.ts starts one when it can). */
export const STORE_KINDS = REDIS_URL ? (['memory', 'sqlite', 'redis'] as const) : (['memory', 'sqlite'] as const);
export type StoreKind = 'memory' | 'sqlite' | 'redis';

export const WS: WorkspaceRef = { platform: 'discord', workspaceId: 'guild-1' };
export const CHANNEL: ChannelRef = { ...WS, channelId: 'chan-1' };
export const alice: UserRef = { ...WS, userId: 'U-alice', name: 'Alice' };
export const bob: UserRef = { ...WS, userId: 'U-bob', name: 'Bob' };

/** A bank of five categories; ids are fixed so tests can name questions. */
export function bankText(opts: { without?: readonly string[] } = {}): string {
  const q = (id: string, text: string, extra = ''): string => (opts.without?.includes(id) ? '' : `### ${text}\nId: ${id}\n${extra}\nAnswer: The answer to ${id}.\n\n`);
  return [
    '# Practice bank\n\n## Attention\n\n',
    q('att-1', 'What is self-attention?', 'Tags: easy'),
    q('att-2', 'Why scale dot products?', 'Tags: medium'),
    q('att-3', 'What is multi-head attention?', 'Tags: hard'),
    '## Retrieval\n\n',
    q('rag-1', 'What is RAG?', 'Tags: easy'),
    q('rag-2', 'What is chunking?', 'Tags: medium'),
    q('rag-3', 'What is reranking?', 'Tags: hard'),
    '## Fine tuning\n\n',
    q('ft-1', 'What is LoRA?', 'Tags: easy'),
    q('ft-2', 'What is QLoRA?', 'Tags: hard'),
    '## Evaluation\n\n',
    q('ev-1', 'What is perplexity?'),
    q('ev-2', 'What is BLEU?'),
    '## Discussion\n\n### How would you design an eval harness?\nId: disc-1\n\n',
  ].join('');
}

export function bankOf(text: string): BankLoadResult {
  return loadBank([{ path: 'practice.md', bytes: new TextEncoder().encode(text) }]);
}

export interface Harness {
  kind: StoreKind;
  world: TestWorld;
  store: Store;
  bank: BankService;
  /** What the next reload loads: tests change it to take questions out or put them back. */
  setBank(text: string): void;
  scoring: ScoringService;
  practice: PracticeService;
  config: EngineConfig;
  close(): Promise<void>;
}

export async function openHarness(kind: StoreKind, opts: { start?: string; config?: Partial<EngineConfig> } = {}): Promise<Harness> {
  const dir = kind === 'sqlite' ? mkdtempSync(path.join(os.tmpdir(), 'recall-practice-')) : undefined;
  const url = kind === 'memory' ? 'memory://' : kind === 'sqlite' ? path.join(dir ?? '', 'store.sqlite') : (REDIS_URL ?? '');
  const store = await createStore(url, kind === 'redis' ? { namespace: `recall-test-${randomUUID()}`, connectTimeoutMs: 2000 } : {});
  const world = await createTestWorld({ store, start: opts.start ?? '2026-12-01T09:00:00Z' });
  const config: EngineConfig = { ...defaultEngineConfig, ...opts.config };
  let next = bankText();
  const bank = createBankService(bankOf(next), async () => bankOf(next));
  const scoring = createScoringService({ world, config });
  return {
    kind,
    world,
    store,
    bank,
    setBank: (text) => {
      next = text;
    },
    scoring,
    practice: createPracticeService({ world, config, bank, scoring }),
    config,
    async close() {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs a suite once per store backend, with a fresh store and service for every test. */
export function describeEachStore(title: string, suite: (h: () => Harness) => void, opts: { start?: string; config?: Partial<EngineConfig> } = {}): void {
  describe.each(STORE_KINDS)(`${title} (%s store)`, (kind) => {
    let harness: Harness | undefined;
    beforeEach(async () => {
      harness = await openHarness(kind, opts);
    });
    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });
    suite(() => {
      if (!harness) throw new Error('harness used outside a test');
      return harness;
    });
  });
}

/** The action ids of a reply's buttons, by label start (`Show answer`, `Good`, `Stop`). */
export function button(reply: Reply, label: string): string {
  for (const block of reply.blocks) {
    if (block.type !== 'buttons') continue;
    const hit = block.buttons.find((b) => b.label.startsWith(label));
    if (hit) return hit.action;
  }
  throw new Error(`no "${label}" button in:\n${replyText(reply)}`);
}

export function press(h: Harness, action: string, user: UserRef = alice): Promise<Reply> {
  const inv: ActionInvocation = { action, user, channel: CHANNEL, isAdmin: false };
  return h.practice.handleAction(inv);
}

/** The question id of the card a reply shows (the bank's question text → id). */
export function shownId(h: Harness, reply: Reply): string | null {
  const block = reply.blocks.find((b) => b.type === 'question');
  if (block?.type !== 'question') return null;
  const q = h.bank.all().find((x) => x.question === block.markdown);
  return q?.id ?? null;
}

/** Shows the answer and grades the card on screen; the reply after the grade. */
export async function gradeShown(h: Harness, reply: Reply, rating: 'Again' | 'Hard' | 'Good' | 'Easy', user: UserRef = alice): Promise<Reply> {
  const back = await press(h, button(reply, 'Show answer'), user);
  return press(h, button(back, rating), user);
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
