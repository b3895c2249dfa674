import type { Engine } from '../../core/engine.js';
import type { Logger } from '../../log.js';
import type { AdminCheck } from './admin.js';
import type { SlackPort } from './port.js';
import type { TokenSource } from './tokens.js';

/** What the command, action and event handlers share. */
export interface HandlerContext {
  engine: Engine;
  admins: AdminCheck;
  tokens: TokenSource;
  port: SlackPort;
  logger: Logger;
  /** Replies ready by then go back in the ack itself; slower ones follow at the response_url. */
  ackWithinMs: number;
}

/** The token Bolt authorized the request with, or the workspace's own when it did not say. */
export async function tokenFor(ctx: HandlerContext, authorized: string | undefined, teamId: string): Promise<string> {
  return authorized ?? (await ctx.tokens.botToken(teamId));
}
