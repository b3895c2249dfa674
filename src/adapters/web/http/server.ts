import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { InFlight } from '../../../core/in-flight.js';
import type { CoreLogger } from '../../../core/logger.js';
import { serving } from '../../../metrics/handling.js';
import { type AuthPolicy, authorize, sameOrigin } from './auth.js';
import { HttpError } from './errors.js';
import { type Route, match } from './router.js';
import type { Asset } from './static.js';

/** No inline script or style, nothing from elsewhere: the page is its own files and its own API. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
};

export interface ServerOptions {
  routes: readonly Route[];
  assets: Map<string, Asset>;
  auth: AuthPolicy;
  logger: CoreLogger;
  /** Answered before any check, for health probes that hold no token. */
  health(): Promise<{ status: number; json: unknown }>;
  /** Counts each request until its handler is done; once closed, every request is answered 503. */
  inFlight?: InFlight;
}

export function createWebServer(options: ServerOptions): Server {
  return createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const { inFlight } = options;
    if (inFlight && !inFlight.open) {
      req.resume();
      sendJson(res, 503, { error: 'Recall is stopping; try again in a moment.' }, { connection: 'close', 'retry-after': '10' });
      return;
    }
    const work = () =>
      handle(options, req, res)
        .catch((err: unknown) => fail(options.logger, req, res, err))
        // Answering the failure failed too (the client is gone mid-write): end the connection, keep serving.
        .catch(() => res.destroy());
    // An event stream's handler returns once the stream is open, so it is not waited for; stop() closes it.
    // Inside `serving`, a bug logged while answering counts as this request's failure in the metrics.
    serving.run(true, () => void (inFlight ? inFlight.run(`web ${req.method ?? 'GET'} ${req.url?.split('?')[0] ?? '/'}`, work) : work()));
  });
}

async function handle(options: ServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = parseUrl(req.url);
  const method = req.method ?? 'GET';
  if (url.pathname === '/healthz') {
    const { status, json } = await options.health();
    return sendJson(res, status, json);
  }
  const auth = authorize(req, url, options.auth);
  if (!auth.ok) throw new HttpError(auth.status, auth.message, auth.status === 401 ? { 'www-authenticate': 'Bearer realm="recall"' } : {});
  if (auth.setCookie) res.setHeader('set-cookie', auth.setCookie);
  if (auth.tokenInQuery && method === 'GET' && !url.pathname.startsWith('/api/')) {
    // The token has become a cookie; take it out of the address bar and the history.
    url.searchParams.delete('token');
    // One leading slash only: `//elsewhere` would send the browser to another site.
    res.writeHead(303, { location: `/${url.pathname.replace(/^\/+/, '')}${url.search}` }).end();
    return;
  }
  if (method !== 'GET' && method !== 'HEAD' && !sameOrigin(req)) throw new HttpError(403, 'Requests from other sites are refused.');

  const asset = assetFor(options.assets, url.pathname);
  if (asset) {
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'Only GET here.', { allow: 'GET, HEAD' });
    res.writeHead(200, { 'content-type': asset.type, 'content-length': asset.body.length }).end(method === 'HEAD' ? undefined : asset.body);
    return;
  }
  const found = match(options.routes, method, url.pathname);
  if (found === null) throw new HttpError(404, `Nothing at ${url.pathname}.`);
  if ('allowed' in found) throw new HttpError(405, `${method} is not supported here.`, { allow: found.allowed.join(', ') });
  const result = await found.route.handler({ req, res, url, params: found.params, admin: auth.admin });
  if ('streaming' in result) return;
  sendJson(res, result.status ?? 200, result.json);
}

function parseUrl(raw: string | undefined): URL {
  try {
    return new URL(raw ?? '/', 'http://playground.invalid');
  } catch {
    throw new HttpError(400, 'That address cannot be read.');
  }
}

function assetFor(assets: Map<string, Asset>, pathname: string): Asset | undefined {
  if (pathname === '/' || pathname === '/index.html') return assets.get('index.html');
  const name = /^\/assets\/([\w.-]+)$/.exec(pathname)?.[1];
  return name && name !== 'index.html' ? assets.get(name) : undefined;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** A refusal goes out with its own message; anything else is a bug: logged in full, answered in one line. */
function fail(logger: CoreLogger, req: IncomingMessage, res: ServerResponse, err: unknown): void {
  const known = err instanceof HttpError;
  if (!known) logger.error({ err, method: req.method, path: req.url?.split('?')[0] }, 'web request failed');
  if (known && err.status === 413) req.resume();
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = known ? err.status : 500;
  const message = known ? err.message : 'Something went wrong on the server; it has been logged.';
  sendJson(res, status, { error: message }, known ? err.headers : {});
}
