import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.stop();
  h = undefined;
});

/** A raw request, for headers fetch will not let a test set (Host) or a body it would refuse to send. */
function raw(
  url: string,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

describe('the web adapter’s HTTP server (real node:http server on an ephemeral port)', () => {
  it('binds port 0 to a free port and returns the real URL', async () => {
    h = await startHarness();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.url).not.toMatch(/:0$/);
    expect(h.logs.some((l) => l.level === 30 && l.msg === `playground at ${h?.url}`)).toBe(true);
  });

  it('serves the page and its assets from disk with a strict Content-Security-Policy and nosniff', async () => {
    h = await startHarness();
    const page = await h.get('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/assets/app.js"></script>');
    // No inline script and no address outside this server.
    expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(html).not.toMatch(/(src|href)="https?:/);

    const js = await h.get('/assets/app.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await h.get('/assets/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
    expect((await h.get('/assets/nope.js')).status).toBe(404);
    expect((await raw(h.url, { path: '/assets/..%2f..%2fconfig.ts' })).status).toBe(404);
    expect((await raw(h.url, { path: '/assets/../index.ts' })).status).toBe(404);
  });

  it('answers /healthz with the store reachable and, in the playground, no platforms', async () => {
    h = await startHarness();
    const res = await h.get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, store: 'reachable', platforms: {} });
  });

  it('answers unknown routes and wrong methods with JSON errors', async () => {
    h = await startHarness();
    const missing = await h.get('/api/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Nothing at /api/nothing.' });
    const wrong = await h.post('/api/messages', {});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET');
  });

  it('refuses a body over 16 KB with 413, bad JSON with 400 and another content type with 415, with no stack', async () => {
    h = await startHarness();
    const big = await h.post('/api/command', JSON.stringify({ user: 'Ada', text: 'x'.repeat(40_000) }));
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual({ error: 'The request body is larger than 16 KB.' });

    const broken = await h.post('/api/command', '{"user": "Ada", "text": ');
    expect(broken.status).toBe(400);
    const body = await broken.json();
    expect(body).toEqual({ error: 'The request body is not valid JSON.' });
    expect(JSON.stringify(body)).not.toMatch(/\bat .*\(|\.ts:\d+/);

    expect((await h.post('/api/command', '[1,2]')).status).toBe(400);
    const form = await h.post('/api/command', 'user=Ada&text=help', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('validates what the API is sent and says what is wrong', async () => {
    h = await startHarness();
    const noUser = await h.post('/api/command', { text: 'help' });
    expect(noUser.status).toBe(400);
    expect(((await noUser.json()) as { error: string }).error).toMatch(/`user`/);
    expect((await h.post('/api/command', { user: '!!!', text: 'help' })).status).toBe(400);
    expect((await h.post('/api/command', { user: 'Ada', text: '   ' })).status).toBe(400);
    expect((await h.post('/api/command', { user: 'Ada', text: 42 })).status).toBe(400);
    expect((await h.get('/api/messages')).status).toBe(400);
    const kind = await h.get('/api/leaderboard?kind=everyone');
    expect(kind.status).toBe(400);
    expect(await kind.json()).toEqual({ error: '`kind` must be one of people, teams.' });
    expect((await h.get('/api/history?weeks=500')).status).toBe(400);
    expect((await h.get('/api/bank?answered=maybe')).status).toBe(400);
    expect((await h.get('/api/bank/zzzzzzzz/preview')).status).toBe(404);
    expect((await h.get('/api/leaderboard?workspace=discord:somewhere')).status).toBe(400);
  });

  it('without a token, answers only when the Host names this machine (no DNS rebinding)', async () => {
    h = await startHarness();
    const port = new URL(h.url).port;
    expect((await raw(h.url, { path: '/api/session', headers: { host: `localhost:${port}` } })).status).toBe(200);
    const rebound = await raw(h.url, { path: '/api/session', headers: { host: `evil.example:${port}` } });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body)).toEqual({ error: 'Open the playground as http://127.0.0.1 or http://localhost.' });
  });

  it('refuses writes sent from another origin', async () => {
    h = await startHarness();
    const res = await h.post('/api/command', { user: 'Ada', text: 'help' }, { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect((await h.post('/api/command', { user: 'Ada', text: 'help' }, { origin: h.url })).status).toBe(200);
  });
});

describe('the web adapter with DASHBOARD_TOKEN set (real server)', () => {
  const token = 'correct-horse-battery-staple';

  it('answers 401 to the page and the API without the token, and /healthz still answers', async () => {
    h = await startHarness({ token });
    for (const path of ['/', '/assets/app.js', '/api/session', '/api/messages?user=Ada', '/api/bank', '/api/schedules']) {
      const res = await fetch(`${h.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/token/) });
    }
    expect((await fetch(`${h.url}/api/session`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it('accepts Authorization: Bearer, and ?token= once, which sets an HttpOnly SameSite=Strict cookie', async () => {
    h = await startHarness({ token });
    expect((await fetch(`${h.url}/api/session`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    const first = await fetch(`${h.url}/?token=${token}`, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/');
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain(token);

    const session = cookie.split(';')[0] ?? '';
    const page = await fetch(`${h.url}/`, { headers: { cookie: session } });
    expect(page.status).toBe(200);
    expect((await fetch(`${h.url}/api/messages?user=Ada`, { headers: { cookie: session } })).status).toBe(200);
    expect((await fetch(`${h.url}/api/session`, { headers: { cookie: 'recall_session=forged' } })).status).toBe(401);

    // The redirect that takes the token out of the address never leaves this site.
    const sneaky = await raw(h.url, { path: `/x/..//evil.example/?token=${token}` });
    expect(sneaky.status).toBe(303);
    expect(sneaky.headers['location']).toBe('/evil.example/');
  });

  it('refuses an admin command without the token even on loopback, and runs it with the token', async () => {
    h = await startHarness({ token });
    const refused = await fetch(`${h.url}/api/command`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'Ada', text: 'daily now' }),
    });
    expect(refused.status).toBe(401);
    const before = (await h.json<{ messages: unknown[] }>('/api/messages?user=Ada')).messages.length;

    const ran = await h.post('/api/command', { user: 'Ada', text: 'daily now' });
    expect(ran.status).toBe(200);
    expect(JSON.stringify(await ran.json())).toContain('Posted daily question #2.');
    expect((await h.json<{ messages: unknown[] }>('/api/messages?user=Ada')).messages.length).toBe(before + 2);
  });
});

describe('the web adapter as a dashboard beside a chat platform (playground off, no token)', () => {
  it('does not set up the playground and does not make the local person admin', async () => {
    h = await startHarness({ playground: false });
    expect((await h.json<{ messages: unknown[] }>('/api/messages?user=Ada')).messages).toEqual([]);
    expect(await h.json('/api/session')).toMatchObject({ playground: false, admin: false });
    const res = await h.post('/api/command', { user: 'Ada', text: 'daily now' });
    expect(JSON.stringify(await res.json())).toContain('Only admins can use <code>daily now</code>.');
  });
});
