/**
 * Discord's rate limits for the fake REST: a global limit per bot token and per-route buckets keyed by
 * the route's major parameter, answered with the headers @discordjs/rest paces itself by. Off unless a
 * test or benchmark turns it on (`FakeRest.limitRate`), so every other test sees no limits at all.
 *
 * Both kinds are fixed windows that open at the first request after the previous one closed. That is
 * what Discord's own headers describe (X-RateLimit-Reset-After counts down from the request that opened
 * the bucket) and what discord.js assumes for the global limit (it opens its own one-second window at
 * its first request and waits for the reset plus its `offset`), so a client that paces correctly sees
 * no 429s, and one that does not is told so at once.
 */

/** A per-route bucket: `limit` requests per `windowMs`, per major parameter (channel, guild, webhook). */
export interface RouteLimit {
  /** Sent as X-RateLimit-Bucket; Discord sends an opaque hash, a readable name is as good to a client. */
  bucket: string;
  method: string;
  /** As routeOf() writes it: snowflakes become `:id`, e.g. `/channels/:id/messages`. */
  route: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** Requests per second per bot token, interaction routes exempt (Discord: 50). */
  globalPerSecond?: number;
  /** Buckets checked before the built-in ones, e.g. a tighter message bucket for a short test. */
  routes?: readonly RouteLimit[];
  /** Every route without a bucket of its own gets one of this size. */
  defaultRoute?: { limit: number; windowMs: number };
  /** Milliseconds since the epoch (X-RateLimit-Reset is an epoch); the limiter's tests pass their own. */
  now?: () => number;
}

export type Scope = 'global' | 'user';

export type Verdict =
  | { limited: false; headers: Record<string, string> }
  | { limited: true; scope: Scope; retryAfterMs: number; headers: Record<string, string>; body: RateLimitBody };

export interface RateLimitBody {
  message: string;
  /** Seconds, with milliseconds (the Retry-After header is whole seconds). */
  retry_after: number;
  global: boolean;
  code: number;
}

/**
 * The routes Recall uses that Discord limits tighter than the global limit, with the sizes Discord
 * answers with: 5 creates and 5 edits per 5 s per channel (separate buckets), one reaction per 250 ms.
 */
export const DISCORD_ROUTES: readonly RouteLimit[] = [
  { bucket: 'messages-create', method: 'POST', route: '/channels/:id/messages', limit: 5, windowMs: 5_000 },
  { bucket: 'messages-edit', method: 'PATCH', route: '/channels/:id/messages/:id', limit: 5, windowMs: 5_000 },
  { bucket: 'reactions', method: 'PUT', route: '/channels/:id/messages/:id/reactions/:reaction/@me', limit: 1, windowMs: 250 },
];

/** Generous on purpose: for routes without a known bucket only the global limit should bind. */
export const DEFAULT_ROUTE = { limit: 50, windowMs: 1_000 } as const;
export const DISCORD_GLOBAL_PER_SECOND = 50;

/**
 * The bucket route and major parameter of a path, the way Discord (and @discordjs/rest) group them:
 * snowflakes become `:id`, the reaction emoji `:reaction`, a webhook's token `:token`; the major
 * parameter is the first channel, guild or webhook (with its token) id, else `global`.
 */
export function routeOf(path: string): { route: string; major: string } {
  const major = /^\/webhooks\/(\d{17,19}\/[^/?]+)/.exec(path)?.[1] ?? /^\/(?:channels|guilds|webhooks)\/(\d{17,19})/.exec(path)?.[1] ?? 'global';
  const route = path
    .replaceAll(/\d{17,19}/g, ':id')
    .replace(/\/reactions\/[^/]+/, '/reactions/:reaction')
    .replace(/\/webhooks\/:id\/[^/]+/, '/webhooks/:id/:token')
    .replace(/^\/interactions\/:id\/[^/]+/, '/interactions/:id/:token');
  return { route, major };
}

/** Interaction callbacks and interaction webhooks do not count against the bot's global limit on Discord. */
export function exemptFromGlobal(path: string): boolean {
  return path.startsWith('/interactions/') || path.startsWith('/webhooks/');
}

/** One fixed window: `count` requests taken since `resetAt - windowMs`. */
class Window {
  private count = 0;
  private resetAt = Number.NEGATIVE_INFINITY;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Takes a slot if one is free, opening a new window when the last one has closed. */
  take(now: number): boolean {
    if (now >= this.resetAt) {
      this.count = 0;
      this.resetAt = now + this.windowMs;
    }
    if (this.count >= this.limit) return false;
    this.count++;
    return true;
  }

  /** What is left and when it resets, as a window that has closed would be once a request opens it. */
  state(now: number): { remaining: number; resetAt: number } {
    if (now >= this.resetAt) return { remaining: this.limit, resetAt: now + this.windowMs };
    return { remaining: this.limit - this.count, resetAt: this.resetAt };
  }
}

export class RateLimiter {
  /** 429s this limiter answered, by X-RateLimit-Scope ('user' is a route bucket). */
  readonly served429: Record<Scope, number> = { global: 0, user: 0 };
  /** Requests it let through. */
  admitted = 0;
  readonly globalPerSecond: number;
  private readonly routes: readonly RouteLimit[];
  private readonly defaultRoute: { limit: number; windowMs: number };
  private readonly now: () => number;
  private readonly globals = new Map<string, Window>();
  private readonly buckets = new Map<string, Window>();

  constructor(options: RateLimitOptions = {}) {
    this.globalPerSecond = options.globalPerSecond ?? DISCORD_GLOBAL_PER_SECOND;
    this.routes = [...(options.routes ?? []), ...DISCORD_ROUTES];
    this.defaultRoute = options.defaultRoute ?? DEFAULT_ROUTE;
    this.now = options.now ?? Date.now;
  }

  /**
   * Decides one request: the global limit first (a request it refuses reaches no route), then the
   * route's bucket. A request the route refuses still counted against the global limit, as Discord
   * counts every request it reads.
   */
  check(method: string, path: string, authorization: string | null): Verdict {
    const now = this.now();
    const { route, major } = routeOf(path);
    const limit = this.routes.find((r) => r.method === method && r.route === route);
    const bucket = limit?.bucket ?? `${method} ${route}`;
    const window = this.bucket(`${bucket}:${major}`, limit ?? this.defaultRoute);

    if (!exemptFromGlobal(path)) {
      const global = this.globalWindow(authorization ?? 'anonymous');
      if (!global.take(now)) return this.refuse('global', global.state(now).resetAt - now, bucketHeaders(bucket, window, now));
    }
    if (!window.take(now)) return this.refuse('user', window.state(now).resetAt - now, bucketHeaders(bucket, window, now));
    this.admitted++;
    return { limited: false, headers: bucketHeaders(bucket, window, now) };
  }

  private refuse(scope: Scope, retryAfterMs: number, headers: Record<string, string>): Verdict {
    this.served429[scope]++;
    const global = scope === 'global';
    return {
      limited: true,
      scope,
      retryAfterMs,
      headers: {
        ...headers,
        // Whole seconds, rounded up, as Discord sends it; the body keeps the milliseconds.
        'retry-after': String(Math.ceil(retryAfterMs / 1000)),
        'x-ratelimit-scope': scope,
        ...(global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      body: { message: 'You are being rate limited.', retry_after: seconds(retryAfterMs), global, code: 0 },
    };
  }

  private bucket(key: string, size: { limit: number; windowMs: number }): Window {
    let window = this.buckets.get(key);
    if (!window) this.buckets.set(key, (window = new Window(size.limit, size.windowMs)));
    return window;
  }

  private globalWindow(token: string): Window {
    let window = this.globals.get(token);
    if (!window) this.globals.set(token, (window = new Window(this.globalPerSecond, 1_000)));
    return window;
  }
}

/** The X-RateLimit-* headers every limited response carries, for the route's bucket as it now stands. */
function bucketHeaders(bucket: string, window: Window, now: number): Record<string, string> {
  const { remaining, resetAt } = window.state(now);
  return {
    'x-ratelimit-limit': String(window.limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': seconds(resetAt).toFixed(3),
    'x-ratelimit-reset-after': seconds(resetAt - now).toFixed(3),
    'x-ratelimit-bucket': bucket,
  };
}

const seconds = (ms: number): number => Math.round(ms) / 1000;
