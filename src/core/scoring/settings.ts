import { parseTimezone } from '../../scheduler/timezone.js';
import { UserError } from '../errors.js';
import type { WorkspaceRef } from '../refs.js';
import type { ScoringDeps } from './service.js';
import { scoringKeys } from './keys.js';

export async function setTimezone(deps: ScoringDeps, ws: WorkspaceRef, input: string): Promise<string> {
  const parsed = parseTimezone(input);
  if (!parsed.ok) throw new UserError('bad-input', capitalize(parsed.error));
  await deps.world.store.set(scoringKeys.timezone(ws), parsed.value);
  return parsed.value;
}

export async function timezoneOf(deps: ScoringDeps, ws: WorkspaceRef): Promise<string> {
  return (await deps.world.store.get<string>(scoringKeys.timezone(ws))) ?? deps.config.defaultTimezone;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
