import type { webApi } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { describeError } from './describe-error.js';
import { isObject } from './payloads.js';

type WebClient = webApi.WebClient;

export interface AdminCheckOptions {
  client: WebClient;
  /** SLACK_ADMIN_GROUP: a user group's handle (`recall-admins`), name, or id (`S0123…`). */
  adminGroup: string | null;
  logger: Logger;
  /** How long an answer is trusted; someone made admin waits at most this long. */
  ttlMs?: number;
  now?: () => number;
}

export interface AdminCheck {
  isAdmin(teamId: string, userId: string, token: string): Promise<boolean>;
}

const DEFAULT_TTL_MS = 60_000;

/**
 * Recall admins on Slack: workspace admins and owners (users.info), plus members of the configured
 * user group (usergroups.users.list). Answers are cached briefly per person and per workspace, and a
 * lookup in flight is shared, so a burst of button presses costs one API call. A failed lookup is
 * logged and counts as "not an admin" this once; it is not cached.
 */
export function createAdminCheck(opts: AdminCheckOptions): AdminCheck {
  const ttl = opts.ttlMs ?? DEFAULT_TTL_MS;
  const now = opts.now ?? Date.now;
  const people = new Cache<boolean>(ttl, now);
  const groups = new Cache<ReadonlySet<string>>(ttl, now);

  async function workspaceRole(userId: string, token: string): Promise<boolean> {
    const res = await opts.client.users.info({ token, user: userId });
    const user: unknown = res.user;
    if (!isObject(user)) return false;
    return user['is_admin'] === true || user['is_owner'] === true || user['is_primary_owner'] === true;
  }

  async function groupMembers(teamId: string, token: string): Promise<ReadonlySet<string>> {
    const wanted = opts.adminGroup;
    if (!wanted) return new Set();
    return groups.get(teamId, async () => {
      const id = /^S[A-Z0-9]{6,}$/.test(wanted) ? wanted : await groupId(wanted, token);
      if (!id) {
        opts.logger.warn({ teamId, adminGroup: wanted }, 'the Slack admin user group does not exist in this workspace');
        return new Set<string>();
      }
      const res = await opts.client.usergroups.users.list({ token, usergroup: id });
      return new Set(res.users ?? []);
    });
  }

  async function groupId(handle: string, token: string): Promise<string | undefined> {
    const bare = handle.replace(/^@/, '').toLowerCase();
    const res = await opts.client.usergroups.list({ token });
    const hit = (res.usergroups ?? []).find((g) => g.handle?.toLowerCase() === bare || g.name?.toLowerCase() === bare);
    return hit?.id;
  }

  return {
    async isAdmin(teamId, userId, token) {
      try {
        return await people.get(`${teamId}:${userId}`, async () => (await workspaceRole(userId, token)) || (await groupMembers(teamId, token)).has(userId));
      } catch (err) {
        opts.logger.warn({ err: describeError(err), teamId, userId }, 'could not tell whether a Slack user is an admin; treating them as not one');
        return false;
      }
    },
  };
}

/** A small time-limited cache whose misses share one lookup; failures are not kept. */
class Cache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    if (this.entries.size > 10_000) this.prune();
    return value;
  }

  private prune(): void {
    const cutoff = this.now() - this.ttlMs;
    for (const [key, entry] of this.entries) if (entry.at < cutoff) this.entries.delete(key);
  }
}
