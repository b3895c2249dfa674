import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Path parameters from a route pattern's named groups. */
  params: Record<string, string>;
  /** May run admin commands (see auth.ts). */
  admin: boolean;
}

/** JSON to send, or `streaming` when the handler writes the response itself (the event stream). */
export type HandlerResult = { status?: number; json: unknown } | { streaming: true };

export interface Route {
  method: 'GET' | 'POST';
  /** An exact path, or a pattern with named groups (`/api/bank/(?<id>[^/]+)/preview`). */
  path: string | RegExp;
  handler(ctx: RequestContext): Promise<HandlerResult>;
}

export type Match = { route: Route; params: Record<string, string> } | { allowed: string[] } | null;

/** The route for a method and path; `allowed` when the path exists for other methods only (405). */
export function match(routes: readonly Route[], method: string, pathname: string): Match {
  const allowed: string[] = [];
  for (const route of routes) {
    let params: Record<string, string> | null = null;
    if (typeof route.path === 'string') params = route.path === pathname ? {} : null;
    else {
      const m = route.path.exec(pathname);
      params = m ? { ...(m.groups ?? {}) } : null;
    }
    if (params === null) continue;
    if (route.method === method || (route.method === 'GET' && method === 'HEAD')) return { route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { allowed } : null;
}
