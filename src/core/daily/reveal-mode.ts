import { parseSchedule } from '../../scheduler/index.js';
import { emojiCharacter } from '../emoji.js';
import { UserError } from '../errors.js';
import type { RevealMode } from './types.js';

const MAX_REACTIONS = 100;
const HOW = 'use `private`, `thread`, `public-at 17:00` or `public-at after 3`';

/**
 * Reads the reveal mode an admin typed. Separators are lenient because a text command line splits on
 * spaces: `public-at 17:00` (quoted), `public-at:17:00`, `public-at@17:00` and `after:3` all work.
 */
export function parseRevealMode(input: string, timezone: string): RevealMode {
  const text = input.trim().toLowerCase();
  if (text === 'private') return { kind: 'private' };
  if (text === 'thread') return { kind: 'thread' };

  const after = /^(?:public(?:-at)?[\s:@=-]*)?after[\s:=-]*(\S+)$/.exec(text);
  if (after) {
    const count = Number(after[1]);
    if (!Number.isInteger(count) || count < 1 || count > MAX_REACTIONS) {
      throw new UserError('bad-input', `\`${after[1] ?? ''}\` is not a number of reactions (use 1–${MAX_REACTIONS}).`);
    }
    return { kind: 'public-at', trigger: { kind: 'reactions', count } };
  }

  const at = /^public(?:-at)?(?:[\s:@=-]+(.*))?$/.exec(text);
  if (!at) throw new UserError('bad-input', `\`${input.trim()}\` is not a reveal mode (${HOW}).`);
  const time = (at[1] ?? '').trim();
  if (time === '') throw new UserError('bad-input', `\`public-at\` needs a time or a count (${HOW}).`);
  // The schedule parser already says exactly what is wrong with a time, so a reveal time reads the same.
  const parsed = parseSchedule({ when: time, timezone });
  if (!parsed.ok) throw new UserError('bad-input', `${capitalize(parsed.error)}.`);
  if (parsed.schedule.kind !== 'time-of-day') throw new UserError('bad-input', `\`${time}\` is not a time (use HH:MM, 00:00–23:59).`);
  return { kind: 'public-at', trigger: { kind: 'time', hour: parsed.schedule.hour, minute: parsed.schedule.minute } };
}

/** For status lines: "privately to whoever reacts 👀". */
export function describeRevealMode(mode: RevealMode, reaction: string): string {
  const emoji = emojiCharacter(reaction);
  switch (mode.kind) {
    case 'private':
      return `privately to whoever reacts ${emoji}`;
    case 'thread':
      return `in the thread (as a spoiler) once someone reacts ${emoji}`;
    case 'public-at':
      return mode.trigger.kind === 'time'
        ? `in the thread at ${formatClock(mode.trigger.hour, mode.trigger.minute)}`
        : `in the thread once ${mode.trigger.count} ${mode.trigger.count === 1 ? 'person reacts' : 'people react'} ${emoji}`;
  }
}

export function formatClock(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
