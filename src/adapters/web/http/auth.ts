import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'recall_session';
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export interface AuthPolicy {
  /** DASHBOARD_TOKEN: when set, every request must carry it (or the cookie it set). */
  token: string | null;
  /** No chat platform is configured: the local person runs the playground as its admin. */
  playground: boolean;
}

export type AuthDecision = { ok: true; admin: boolean; setCookie: string | null; tokenInQuery: boolean } | { ok: false; status: 401 | 403 | 421; message: string };

/**
 * Who may use the server, and as what. With a token, every request carries it as `Authorization:
 * Bearer`, the HttpOnly cookie, or `?token=` (which sets the cookie), and everyone who has it is admin.
 * Without one the server is loopback only: the Host header must name this machine (a web page elsewhere
 * cannot rebind a name to 127.0.0.1 and drive it), and the local person is admin of the playground.
 */
export function authorize(req: IncomingMessage, url: URL, policy: AuthPolicy): AuthDecision {
  if (policy.token === null) {
    if (!isLoopbackHost(req.headers.host)) return { ok: false, status: 421, message: 'Open the playground as http://127.0.0.1 or http://localhost.' };
    return { ok: true, admin: policy.playground && isLoopbackAddress(req.socket.remoteAddress), setCookie: null, tokenInQuery: false };
  }
  const session = sessionValue(policy.token);
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
  if (bearer !== undefined && same(bearer, policy.token)) return { ok: true, admin: true, setCookie: null, tokenInQuery: false };
  if (same(cookieOf(req, SESSION_COOKIE) ?? '', session)) return { ok: true, admin: true, setCookie: null, tokenInQuery: false };
  const query = url.searchParams.get('token');
  if (query !== null && same(query, policy.token)) {
    return { ok: true, admin: true, setCookie: `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`, tokenInQuery: true };
  }
  return { ok: false, status: 401, message: 'This dashboard needs its token: open it once with ?token=… or send Authorization: Bearer ….' };
}

/** The cookie holds a value derived from the token, never the token itself. */
function sessionValue(token: string): string {
  return createHmac('sha256', token).update('recall dashboard session').digest('base64url');
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieOf(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return name !== undefined && LOOPBACK_NAMES.has(name.toLowerCase());
}

function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * A write from a page on another origin is refused even when a cookie would ride along: SameSite=Strict
 * already stops it in browsers, this stops it everywhere else that sends an Origin.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
