import { parseTimezone } from '../../scheduler/timezone.js';
import { UserError } from '../errors.js';
import { type UserRef, workspaceOf } from '../refs.js';
import { practiceKeys } from './keys.js';
import type { PracticeDeps, PracticeSettings } from './service.js';

export const DEFAULT_NEW_PER_DAY = 10;
export const MAX_NEW_PER_DAY = 100;

export async function settingsOf(deps: PracticeDeps, user: UserRef): Promise<PracticeSettings> {
  const stored = await deps.world.store.get<Partial<PracticeSettings>>(practiceKeys.settings(workspaceOf(user), user.userId));
  return { newPerDay: stored?.newPerDay ?? DEFAULT_NEW_PER_DAY, timezone: stored?.timezone ?? null };
}

export async function setNewPerDay(deps: PracticeDeps, user: UserRef, n: number): Promise<PracticeSettings> {
  if (!Number.isInteger(n) || n < 0 || n > MAX_NEW_PER_DAY) {
    throw new UserError('bad-input', `New cards per day must be a whole number from 0 to ${MAX_NEW_PER_DAY}.`);
  }
  return change(deps, user, { newPerDay: n });
}

export async function setTimezone(deps: PracticeDeps, user: UserRef, zone: string | null): Promise<PracticeSettings> {
  if (zone === null) return change(deps, user, { timezone: null });
  const parsed = parseTimezone(zone);
  if (!parsed.ok) throw new UserError('bad-input', parsed.error.charAt(0).toUpperCase() + parsed.error.slice(1));
  return change(deps, user, { timezone: parsed.value });
}

/** The person's zone, else the workspace's: a person who never set one lives the team's days. */
export async function timezoneOf(deps: PracticeDeps, user: UserRef): Promise<string> {
  return (await settingsOf(deps, user)).timezone ?? (await deps.scoring.timezoneOf(workspaceOf(user)));
}

async function change(deps: PracticeDeps, user: UserRef, patch: Partial<PracticeSettings>): Promise<PracticeSettings> {
  const ws = workspaceOf(user);
  const next = await deps.world.store.update<PracticeSettings>(practiceKeys.settings(ws, user.userId), (current) => ({
    newPerDay: current?.newPerDay ?? DEFAULT_NEW_PER_DAY,
    timezone: current?.timezone ?? null,
    ...patch,
  }));
  await deps.world.store.boardAdd(practiceKeys.people(ws), user.userId, 0);
  return next;
}
