import { boardPicture } from '../../../core/board-picture.js';
import { isUserError } from '../../../core/errors.js';
import { imageBlock } from '../../../core/images.js';
import { type UserRef, type WorkspaceRef, workspaceKey } from '../../../core/refs.js';
import { BOARD_KINDS, BOARD_PERIODS } from '../../../core/scoring/index.js';
import { HttpError, fromUserError } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { WEB_WORKSPACE } from '../refs.js';
import type { ApiDeps } from './deps.js';
import { choice } from './input.js';

/**
 * `GET /api/leaderboard.png?board=people|teams&period=week|month|season|all` (and `workspace`, `user` as
 * /api/leaderboard takes them): the board as the `leaderboard … image` command draws it, as image/png.
 * Behind the same token as every route; a bad parameter is a 400 in JSON, a board that does not exist
 * (no season running) a 404.
 */
export function boardImageRoute(deps: ApiDeps, read: { workspaceOf(url: URL): Promise<WorkspaceRef>; optionalUser(url: URL): UserRef | undefined }): Route {
  return {
    method: 'GET',
    path: '/api/leaderboard.png',
    async handler(ctx) {
      const kind = choice(ctx.url, 'board', BOARD_KINDS, 'people');
      const period = choice(ctx.url, 'period', BOARD_PERIODS, 'week');
      const workspace = await read.workspaceOf(ctx.url);
      const user = workspaceKey(workspace) === workspaceKey(WEB_WORKSPACE) ? read.optionalUser(ctx.url) : undefined;
      const { images, scoring } = deps.engine.services;
      if (!images) throw new HttpError(503, 'Pictures are not available on this server.');
      let png: Uint8Array;
      let alt: string;
      try {
        const picture = await boardPicture(scoring, { workspace, kind, period, at: deps.now(), ...(user ? { user } : {}) });
        png = await images.leaderboard(picture);
        alt = imageBlock(png, picture, '').alt;
      } catch (err) {
        if (isUserError(err)) throw fromUserError(err);
        throw err;
      }
      ctx.res.writeHead(200, {
        'content-type': 'image/png',
        'content-length': png.byteLength,
        // The board changes with every grade: always ask again.
        'cache-control': 'no-store',
        // Headers are Latin-1: the words go percent-encoded, for tools that want them without the picture.
        'x-alt-text': encodeURIComponent(alt.slice(0, 500)),
      });
      ctx.res.end(ctx.req.method === 'HEAD' ? undefined : png);
      return { streaming: true };
    },
  };
}
