import { parseSchedule } from '../../scheduler/index.js';
import type { BankService } from '../bank-service.js';
import { UserError } from '../errors.js';
import { type ChannelRef, type UserRef, channelOf } from '../refs.js';
import { capitalize, parseRevealMode } from './reveal-mode.js';
import { resolveScope } from './scope.js';
import type { DailyChannelSettings, DailyConfigureInput } from './types.js';

/**
 * Validates what an admin typed into a channel's settings. Options left out keep their current value,
 * so `daily set 10:00` moves the time without forgetting the categories or the reveal mode.
 */
export function buildSettings(
  bank: BankService,
  channel: ChannelRef,
  input: DailyConfigureInput,
  by: UserRef,
  current: DailyChannelSettings | undefined,
  defaults: { timezone: string; now: Date },
): DailyChannelSettings {
  const timezone = input.timezone ?? current?.schedule.timezone ?? defaults.timezone;
  const parsed = parseSchedule({ when: input.when, timezone, ...(input.days !== undefined ? { days: input.days } : {}) });
  if (!parsed.ok) throw new UserError('bad-input', `${capitalize(parsed.error)}.`);
  const schedule = parsed.schedule;
  return {
    channel: channelOf(channel),
    schedule,
    scope: input.categories !== undefined ? resolveScope(bank, input.categories) : (current?.scope ?? null),
    reveal: input.reveal !== undefined ? parseRevealMode(input.reveal, schedule.timezone) : (current?.reveal ?? { kind: 'private' }),
    discussion: input.discussion ?? current?.discussion ?? false,
    setBy: by,
    setAt: defaults.now.toISOString(),
    enabled: true,
  };
}
