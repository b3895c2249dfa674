/** A failure to answer instead of the real response, for requests matching method and path. */
export interface Fault {
  method?: string;
  path: RegExp;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds, for 429s. */
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

