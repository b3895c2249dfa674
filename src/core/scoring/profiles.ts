import { UserError } from '../errors.js';
import type { UserRef, WorkspaceRef } from '../refs.js';
import { scoringKeys } from './keys.js';
import { nameKey } from './names.js';
import type { ScoringDeps } from './service.js';
import type { ProfileRecord } from './store.js';

/**
 * Boards hold ids; the names adapters send with grades and commands are kept so boards can show people,
 * and indexed by name (ignoring case) so `stats Bob` finds the person the playground calls `bob`.
 */
export function rememberName(deps: ScoringDeps, user: UserRef): Promise<void> {
  const name = user.name?.trim();
  if (!name) return Promise.resolve();
  // A burst of grades by one person (a quiz, a double press) would each write the same profile and index
  // entry; on a SQLite file shared by two processes those extra writes are what runs into the busy
  // timeout. One write in flight per (person, name) in this process; the others wait for it.
  let running = namesInFlight.get(deps.world.store);
  if (!running) namesInFlight.set(deps.world.store, (running = new Map()));
  const flightKey = `${scoringKeys.profile(user, user.userId)}\n${name}`;
  const pending = running.get(flightKey);
  if (pending) return pending;
  const started = keepName(deps, user, name).finally(() => running.delete(flightKey));
  running.set(flightKey, started);
  return started;
}

const namesInFlight = new WeakMap<object, Map<string, Promise<void>>>();

async function keepName(deps: ScoringDeps, user: UserRef, name: string): Promise<void> {
  const { store } = deps.world;
  const key = scoringKeys.profile(user, user.userId);
  const known = await store.get<ProfileRecord>(key);
  // A read first: names rarely change, and a write per grade would be wasted work on every board hit.
  // A profile from before the name index (`indexed` unset) is indexed on its owner's next visit.
  if (known?.name === name && known.indexed) return;
  await addToIndex(deps, user, user.userId, name);
  if (known && nameKey(known.name) !== nameKey(name)) await removeFromIndex(deps, user, user.userId, known.name);
  await store.set<ProfileRecord>(key, { name, indexed: true });
}

/** Display names for ids, falling back to the id itself. */
export async function namesOf(deps: ScoringDeps, ws: WorkspaceRef, userIds: readonly string[]): Promise<Map<string, string>> {
  const profiles = await Promise.all(userIds.map((id) => deps.world.store.get<ProfileRecord>(scoringKeys.profile(ws, id))));
  return new Map(userIds.map((id, i) => [id, profiles[i]?.name ?? id]));
}

/**
 * The one resolver for a person named in a command (`stats Bob`, `stats @bob`, a platform mention's id):
 * a known id as it is, then a display name ignoring case and spacing, then the id in lower case (the
 * playground's ids are lower-case slugs). Null when nobody here goes by it, so the caller keeps what
 * was typed (a mention of someone who has not done anything yet is still that person). A name two
 * people share is a UserError asking for a mention, never a guess.
 */
export async function findPerson(deps: ScoringDeps, ws: WorkspaceRef, typed: string): Promise<string | null> {
  const { store } = deps.world;
  const text = typed.trim().replace(/^@/, '');
  if (text === '') return null;
  if (await store.get<ProfileRecord>(scoringKeys.profile(ws, text))) return text;
  const ids = (await store.get<string[]>(scoringKeys.personName(ws, nameKey(text)))) ?? [];
  if (ids.length > 1) {
    throw new UserError('bad-input', `${ids.length} people here go by \`${text}\`; mention the one you mean (for example \`@${ids[0]}\`).`);
  }
  if (ids[0] !== undefined) return ids[0];
  const lower = text.toLowerCase();
  if (lower !== text && (await store.get<ProfileRecord>(scoringKeys.profile(ws, lower)))) return lower;
  return null;
}

async function addToIndex(deps: ScoringDeps, ws: WorkspaceRef, userId: string, name: string): Promise<void> {
  await deps.world.store.update<string[]>(scoringKeys.personName(ws, nameKey(name)), (ids = []) => (ids.includes(userId) ? ids : [...ids, userId]));
}

async function removeFromIndex(deps: ScoringDeps, ws: WorkspaceRef, userId: string, name: string): Promise<void> {
  await deps.world.store.update<string[]>(scoringKeys.personName(ws, nameKey(name)), (ids = []) => ids.filter((id) => id !== userId));
}
