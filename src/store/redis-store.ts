import KeyvRedis, { createClient } from '@keyv/redis';
import { Keyv } from 'keyv';
import { TimeoutError, withTimeout } from '../shared/timeout.js';
import { compareEntries } from './board-order.js';
import { decodeEnvelope, encodeEnvelope, envelopeKeyvOptions, holdsValue, isExpired } from './envelope.js';
import { KeyMutex } from './key-mutex.js';
import { retryCompareAndSet } from './optimistic-update.js';
import { boardKey, valueKey } from './keys.js';
import { redactSecrets, redactUrl } from './redact.js';
import { BOARD_RANK, BOARD_TOP, COMPARE_AND_SET, DELETE_IF_UNCHANGED, RENEW_IF_UNCHANGED, TRANSACTION_COMMIT, TRANSACTION_READ } from './redis-scripts.js';
import { checkDelta, checkLimit, checkTtl } from './store-arguments.js';
import { StoreError, errorMessage } from './store-error.js';
import type { BoardEntry, BoardPosition, KeyPage, Store, TransactionPlan, TransactionSnapshot } from './store.js';
import { type TransactionRead, checkPlan, scoreId, snapshotOf, uniqueKeys } from './transaction.js';

type RedisClient = ReturnType<typeof createClient>;

export interface RedisStoreOptions {
  url: string;
  namespace: string;
  /** Also bounds ping(). */
  connectTimeoutMs: number;
  /** Background connection errors (already redacted); the store keeps reconnecting. */
  onError?: (error: StoreError) => void;
}

/** Reconnect attempts at startup before we report the server as unreachable. */
const STARTUP_RETRIES = 2;

/**
 * Connects before returning, so a wrong URL or a down server fails at startup
 * with a clear (password-free) message instead of on the first command.
 */
export async function openRedisStore(options: RedisStoreOptions): Promise<RedisStore> {
  const { url } = options;
  const shown = redactUrl(url);
  const describe = (error: unknown): string => redactSecrets(errorMessage(error), url);
  let everReady = false;

  let client: RedisClient;
  try {
    client = createClient({
      url,
      // Fail commands fast while reconnecting instead of queueing them without bound.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: options.connectTimeoutMs,
        reconnectStrategy: (retries, cause) => (!everReady && retries >= STARTUP_RETRIES ? cause : Math.min(2 ** retries * 100, 2000)),
      },
    });
  } catch (error) {
    // No cause: URL parse errors carry the raw input, password included.
    throw new StoreError('UNSUPPORTED_URL', `Redis URL ${shown} is invalid (${describe(error)})`);
  }
  client.on('ready', () => {
    everReady = true;
  });
  client.on('error', (error: unknown) => {
    options.onError?.(new StoreError('UNREACHABLE', `Redis store at ${shown}: ${describe(error)}`));
  });

  try {
    await client.connect();
  } catch (error) {
    if (client.isOpen) client.destroy();
    throw new StoreError('UNREACHABLE', `Redis store at ${shown} is unreachable (${describe(error)})`);
  }

  const adapter = new KeyvRedis(client, { throwOnErrors: true, throwOnConnectError: true });
  const keyv = new Keyv<unknown>({ store: adapter, ...envelopeKeyvOptions() });
  return new RedisStore(shown, options, client, keyv);
}

/**
 * keyv + @keyv/redis serve plain get/set/delete. keyv alone is not enough for the
 * rest: it only offers get-then-set, which two processes can interleave, and it
 * has no sorted sets. So markers use SET NX PX, boards use ZINCRBY/ZCARD and Lua
 * snapshots, and update is a client-side compare-and-swap via a Lua script (the
 * update function is JavaScript, so it cannot run inside Redis itself).
 */
export class RedisStore implements Store {
  private readonly mutex = new KeyMutex();
  private closed = false;

  constructor(
    private readonly shownUrl: string,
    private readonly options: RedisStoreOptions,
    private readonly client: RedisClient,
    private readonly keyv: Keyv<unknown>,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    // JSON values in, JSON values out: the caller names the type it stored.
    return (await this.keyv.get(this.valueKey(key))) as T | undefined;
  }

  async set<T>(key: string, value: T, ttlMs?: number): Promise<void> {
    await this.keyv.set(this.valueKey(key), value, checkTtl(ttlMs));
  }

  async delete(key: string): Promise<boolean> {
    return this.keyv.delete(this.valueKey(key));
  }

  async setIfAbsent<T>(key: string, value: T, ttlMs?: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const encoded = encodeEnvelope(value, ttl, Date.now());
    const reply = await this.client.set(this.valueKey(key), encoded, ttl === undefined ? { condition: 'NX' } : { condition: 'NX', expiration: { type: 'PX', value: ttl } });
    return reply === 'OK';
  }

  async renew<T>(key: string, value: T, ttlMs: number): Promise<boolean> {
    const ttl = checkTtl(ttlMs);
    const k = this.valueKey(key);
    const raw = await this.client.get(k);
    if (!holdsValue(raw, value, Date.now())) return false;
    const renewed = await this.client.eval(RENEW_IF_UNCHANGED, { keys: [k], arguments: [raw, encodeEnvelope(value, ttl, Date.now()), String(ttl)] });
    return renewed === 1;
  }

  async release<T>(key: string, value: T): Promise<boolean> {
    const k = this.valueKey(key);
    const raw = await this.client.get(k);
    if (!holdsValue(raw, value, Date.now())) return false;
    return (await this.client.eval(DELETE_IF_UNCHANGED, { keys: [k], arguments: [raw] })) === 1;
  }

  async update<T>(key: string, fn: (current: T | undefined) => T): Promise<T> {
    const k = this.valueKey(key);
    // The mutex keeps this process's callers from losing CAS rounds to each other;
    // the CAS itself is what protects against other processes.
    return this.mutex.run(k, async () => {
      return retryCompareAndSet<T>(key, async () => {
        const raw = await this.client.get(k);
        const envelope = raw === null ? undefined : decodeEnvelope(raw);
        const live = envelope !== undefined && !isExpired(envelope, Date.now());
        const next = fn(live ? (envelope.value as T) : undefined);
        const swapped = await this.client.eval(COMPARE_AND_SET, {
          keys: [k],
          arguments: [raw === null ? 'absent' : 'present', raw ?? '', encodeEnvelope(next, undefined, Date.now())],
        });
        return swapped === 1 ? { won: true as const, value: next } : { won: false as const };
      });
    });
  }

  /**
   * Optimistic: one script reads a snapshot, fn decides, and a second script applies the writes only if
   * nothing read has changed since (else fn runs again after the usual backoff). The mutex keeps this
   * process's own transactions on the same keys from losing rounds to each other.
   */
  async transact<R>(read: TransactionRead, fn: (snapshot: TransactionSnapshot) => TransactionPlan<R>): Promise<R> {
    const keys = uniqueKeys(read.keys);
    const refs = read.scores ?? [];
    const valueKeys = keys.map((key) => this.valueKey(key));
    return this.mutex.runAll(valueKeys, () =>
      retryCompareAndSet<R>(`transaction on ${keys.join(', ') || 'boards'}`, async () => {
        const reply = nullableStrings(
          await this.client.eval(TRANSACTION_READ, {
            keys: [...valueKeys, ...refs.map((ref) => this.boardKey(ref.board))],
            arguments: [String(keys.length), ...refs.map((ref) => ref.member)],
          }),
        );
        const now = Date.now();
        const raws = reply.slice(0, keys.length);
        const values = new Map<string, unknown>();
        keys.forEach((key, i) => {
          const raw = raws[i];
          const envelope = typeof raw === 'string' ? decodeEnvelope(raw) : undefined;
          values.set(key, envelope === undefined || isExpired(envelope, now) ? undefined : envelope.value);
        });
        const scores = new Map<string, number | null>();
        const scoreTexts = reply.slice(keys.length);
        refs.forEach((ref, i) => {
          const text = scoreTexts[i];
          scores.set(scoreId(ref.board, ref.member), typeof text === 'string' ? Number(text) : null);
        });

        const plan = checkPlan(read, fn(snapshotOf(values, scores)));
        const redisKeys: string[] = [];
        const indexOf = new Map<string, number>();
        const slot = (redisKey: string): number => {
          let index = indexOf.get(redisKey);
          if (index === undefined) {
            redisKeys.push(redisKey);
            index = redisKeys.length; // Lua counts from 1
            indexOf.set(redisKey, index);
          }
          return index;
        };
        const commit = {
          reads: keys.map((key, i) => [slot(this.valueKey(key)), raws[i] ?? false]),
          scores: refs.map((ref, i) => [slot(this.boardKey(ref.board)), ref.member, scoreTexts[i] ?? false]),
          sets: plan.values.map(({ key, value }) => [slot(this.valueKey(key)), encodeEnvelope(value, undefined, now)]),
          // As text, so Lua's numbers never round a delta or floor on the way.
          adds: plan.adds.map((add) => [slot(this.boardKey(add.board)), add.member, String(add.delta), add.floor === undefined ? false : String(add.floor)]),
        };
        // Lua's cjson turns an empty array into an object; nothing iterates it then, which is what we want.
        const won = await this.client.eval(TRANSACTION_COMMIT, { keys: redisKeys, arguments: [JSON.stringify(commit)] });
        return won === 1 ? { won: true as const, value: plan.result } : { won: false as const };
      }),
    );
  }

  async scanKeys(contains: string, cursor: string | null, limit: number): Promise<KeyPage> {
    const prefix = this.valueKey('');
    const reply = await this.client.scan(cursor ?? '0', { MATCH: `${escapeGlob(prefix)}*${escapeGlob(contains)}*`, COUNT: Math.max(1, Math.floor(limit)) });
    return { keys: reply.keys.map((key) => key.slice(prefix.length)), cursor: reply.cursor === '0' ? null : reply.cursor };
  }

  async boardAdd(board: string, member: string, delta: number): Promise<number> {
    return Number(await this.client.zIncrBy(this.boardKey(board), checkDelta(delta), member));
  }

  async boardTop(board: string, n: number): Promise<BoardEntry[]> {
    const limit = checkLimit(n);
    if (limit === 0) return [];
    const reply = await this.client.eval(BOARD_TOP, { keys: [this.boardKey(board)], arguments: [String(limit)] });
    const flat = stringArray(reply);
    const entries: BoardEntry[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      entries.push({ member: flat[i] ?? '', score: Number(flat[i + 1]) });
    }
    return entries.sort(compareEntries).slice(0, limit);
  }

  async boardRank(board: string, member: string): Promise<BoardPosition | null> {
    const reply = await this.client.eval(BOARD_RANK, { keys: [this.boardKey(board)], arguments: [member] });
    if (reply === null) return null;
    if (!Array.isArray(reply) || typeof reply[0] !== 'number' || typeof reply[1] !== 'string') {
      throw new Error(`unexpected reply from Redis rank script: ${JSON.stringify(reply)}`);
    }
    return { rank: reply[0], score: Number(reply[1]) };
  }

  async boardSize(board: string): Promise<number> {
    return this.client.zCard(this.boardKey(board));
  }

  async boardDelete(board: string): Promise<void> {
    await this.client.unlink(this.boardKey(board));
  }

  async ping(): Promise<void> {
    if (this.closed) throw new StoreError('CLOSED', `Redis store at ${this.shownUrl} is closed`);
    if (!this.client.isReady) {
      throw new StoreError('UNREACHABLE', `Redis store at ${this.shownUrl} is unreachable (reconnecting)`);
    }
    try {
      await withTimeout(this.client.ping(), this.options.connectTimeoutMs, `Redis store at ${this.shownUrl} did not answer PING in time`);
    } catch (error) {
      if (error instanceof StoreError) throw error;
      if (error instanceof TimeoutError) throw new StoreError('UNREACHABLE', error.message);
      throw new StoreError('UNREACHABLE', `Redis store at ${this.shownUrl} is unreachable (${redactSecrets(errorMessage(error), this.options.url)})`);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.client.isReady) await this.client.close();
    else if (this.client.isOpen) this.client.destroy();
  }

  private valueKey(key: string): string {
    return valueKey(this.options.namespace, key);
  }

  private boardKey(board: string): string {
    return boardKey(this.options.namespace, board);
  }
}

function stringArray(reply: unknown): string[] {
  if (!Array.isArray(reply) || !reply.every((item): item is string => typeof item === 'string')) {
    throw new Error(`unexpected reply from Redis board script: ${JSON.stringify(reply)}`);
  }
  return reply;
}

function nullableStrings(reply: unknown): (string | null)[] {
  if (!Array.isArray(reply) || !reply.every((item): item is string | null => item === null || typeof item === 'string')) {
    throw new Error(`unexpected reply from Redis transaction script: ${JSON.stringify(reply)}`);
  }
  return reply;
}

/** SCAN's MATCH is a glob: a namespace or search text with `*`, `?`, `[` or `\\` must match only itself. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}
