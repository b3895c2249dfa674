/** A failure to answer instead of the real response, for requests matching method and path. */
export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  /** How many matching requests fail (default 1; unlimited when the fault has a time window). */
  times?: number;
  /**
   * A time window: every matching request fails until it ends ("Discord answers 500 for a minute").
   * `forMs` counts from the moment the fault is injected; `until` is a Date.now() instant. With `times`
   * too, whichever runs out first ends the fault.
   */
  forMs?: number;
  until?: number;
  /** Seconds, for 429s (default 1, or what is left of the time window). */
  retryAfter?: number;
  global?: boolean;
  /** Do the work first, then fail: a lost response, as when Discord created the message but answered 500. */
  afterCommit?: boolean;
  code?: number;
  message?: string;
}

export interface Result {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Discord's error body: `{ message, code }` (50013 Missing Permissions, 10062 Unknown interaction…). */
export const error = (status: number, code: number, message: string): Result => ({ status, body: { message, code } });

/** A 429 the way Discord sends it (Retry-After and the X-RateLimit-* headers discord.js reads), or an error. */
export function faultResult(f: Fault): Result {
  if (f.status === 429) {
    const after = f.retryAfter ?? 1;
    return {
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: after, global: f.global ?? false, code: 0 },
      headers: {
        'retry-after': String(after),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Date.now() / 1000 + after),
        'x-ratelimit-reset-after': String(after),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': f.global ? 'global' : 'user',
        ...(f.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
    };
  }
  return error(f.status, f.code ?? 0, f.message ?? `${f.status}: ${f.status >= 500 ? 'Internal Server Error' : 'Error'}`);
}

interface Armed {
  fault: Fault;
  left: number;
  /** Date.now() at which the fault stops; Infinity when it only counts requests. */
  endsAt: number;
}

/** Injected faults in order; the first that still applies to a request answers it. */
export class FaultList {
  private armed: Armed[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  add(fault: Fault): void {
    const timed = fault.forMs !== undefined || fault.until !== undefined;
    const endsAt = Math.min(fault.until ?? Number.POSITIVE_INFINITY, fault.forMs !== undefined ? this.now() + fault.forMs : Number.POSITIVE_INFINITY);
    this.armed.push({ fault, left: fault.times ?? (timed ? Number.POSITIVE_INFINITY : 1), endsAt });
  }

  /**
   * The fault that answers this request, if any, counted as used. A timed 429 without its own
   * retryAfter says to come back when its window ends, as Discord would for a limit it means to keep.
   */
  take(method: string, path: string): Fault | undefined {
    const now = this.now();
    this.armed = this.armed.filter((a) => a.left > 0 && now < a.endsAt);
    const hit = this.armed.find((a) => (!a.fault.method || a.fault.method === method) && a.fault.path.test(path));
    if (!hit) return undefined;
    hit.left--;
    if (hit.fault.status !== 429 || hit.fault.retryAfter !== undefined || hit.endsAt === Number.POSITIVE_INFINITY) return hit.fault;
    return { ...hit.fault, retryAfter: Math.max(0.001, (hit.endsAt - now) / 1000) };
  }
}
