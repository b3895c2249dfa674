import type { CoreLogger } from '../../core/logger.js';
import { withTimeout } from '../../shared/timeout.js';
import type { Store } from '../../store/store.js';
import type { PlatformHealth } from '../types.js';

/** A store that has not answered by then counts as unreachable: a probe must answer, not hang with it. */
export const STORE_PING_TIMEOUT_MS = 2_000;

export interface HealthDeps {
  store: Pick<Store, 'ping'>;
  /** The chat platforms this process runs, by name; none in the playground. */
  platforms: () => Record<string, PlatformHealth>;
  logger: CoreLogger;
  pingTimeoutMs?: number;
}

export interface HealthBody {
  ok: boolean;
  store: 'reachable' | 'unreachable';
  platforms: Record<string, 'connected' | 'disconnected'>;
  /** Why a platform is down, for whoever reads the probe by hand; absent when all are up. */
  details?: Record<string, string>;
}

/** `/healthz`: 200 when the store answers and every platform is connected, 503 otherwise. */
export async function checkHealth(deps: HealthDeps): Promise<{ status: number; json: HealthBody }> {
  const states = deps.platforms();
  const reachable = await pingWithin(deps);
  const platforms: HealthBody['platforms'] = {};
  const details: Record<string, string> = {};
  for (const [name, state] of Object.entries(states)) {
    platforms[name] = state.connected ? 'connected' : 'disconnected';
    if (!state.connected && state.detail) details[name] = state.detail;
  }
  const ok = reachable && Object.values(states).every((s) => s.connected);
  const json: HealthBody = { ok, store: reachable ? 'reachable' : 'unreachable', platforms, ...(Object.keys(details).length > 0 ? { details } : {}) };
  return { status: ok ? 200 : 503, json };
}

async function pingWithin(deps: HealthDeps): Promise<boolean> {
  const timeoutMs = deps.pingTimeoutMs ?? STORE_PING_TIMEOUT_MS;
  try {
    await withTimeout(deps.store.ping(), timeoutMs, `the store did not answer a ping within ${timeoutMs} ms`);
    return true;
  } catch (err) {
    deps.logger.warn({ err }, 'health check: the store is unreachable');
    return false;
  }
}
