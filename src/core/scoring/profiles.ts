import type { UserRef, WorkspaceRef } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { scoringKeys } from './keys.js';
import type { ProfileRecord } from './store.js';

/** Boards hold ids; the names adapters send with grades are kept so boards can show people. */
export async function rememberName(deps: ScoringDeps, user: UserRef): Promise<void> {
  const name = user.name?.trim();
  if (!name) return;
  const key = scoringKeys.profile(user, user.userId);
  const known = await deps.world.store.get<ProfileRecord>(key);
  // A read first: names rarely change, and a write per grade would be wasted work on every board hit.
  if (known?.name !== name) await deps.world.store.set<ProfileRecord>(key, { name });
}

/** Display names for ids, falling back to the id itself. */
export async function namesOf(deps: ScoringDeps, ws: WorkspaceRef, userIds: readonly string[]): Promise<Map<string, string>> {
  const profiles = await Promise.all(userIds.map((id) => deps.world.store.get<ProfileRecord>(scoringKeys.profile(ws, id))));
  return new Map(userIds.map((id, i) => [id, profiles[i]?.name ?? id]));
}
