import { UserError } from '../errors.js';

export const MAX_NAME_LENGTH = 40;

/**
 * Team and season names: trimmed, inner runs of spaces collapsed, 1–40 characters. Backticks and
 * control characters are refused because every message quotes names in `code`.
 */
export function cleanName(input: string, what: 'team' | 'season'): string {
  const name = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name === '')
    throw new UserError('bad-input', `A ${what} needs a name, for example \`${what} ${what === 'team' ? 'create' : 'start'} ${what === 'team' ? 'Platform' : 'Winter 2026'}\`.`);
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) {
    throw new UserError('bad-input', `A ${what} name is at most ${MAX_NAME_LENGTH} characters; \`${name}\` has ${length}.`);
  }
  if (/[`\u0000-\u001f\u007f]/.test(name)) throw new UserError('bad-input', `A ${what} name cannot contain backticks or control characters.`);
  return name;
}

/** Names are unique ignoring case: `Platform` and `platform` are one team. */
export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}
