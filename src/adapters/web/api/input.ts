import type { UserRef } from '../../../core/refs.js';
import { badRequest } from '../http/errors.js';
import { MAX_NAME_LENGTH, userFromName } from '../refs.js';

/** The person a request speaks for: the name typed in the page (from the body or `?user=`). */
export function userOf(value: unknown): UserRef {
  if (typeof value !== 'string' || value.trim() === '') throw badRequest('Say who you are: `user` is the name you typed in the page.');
  const user = userFromName(value);
  if (!user) throw badRequest(`\`user\` must be a name of 1 to ${MAX_NAME_LENGTH} characters with at least one letter or digit.`);
  return user;
}

export function text(body: Record<string, unknown>, name: string, max: number): string {
  const value = body[name];
  if (typeof value !== 'string') throw badRequest(`\`${name}\` must be a string.`);
  const trimmed = value.trim();
  if (trimmed === '') throw badRequest(`\`${name}\` is empty.`);
  if (trimmed.length > max) throw badRequest(`\`${name}\` is longer than ${max} characters.`);
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(trimmed)) throw badRequest(`\`${name}\` contains control characters.`);
  return trimmed;
}

export function flag(body: Record<string, unknown>, name: string): boolean {
  const value = body[name];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw badRequest(`\`${name}\` must be true or false.`);
  return value;
}

/** A query parameter from a fixed list; the fallback when absent. */
export function choice<T extends string>(url: URL, name: string, allowed: readonly T[], fallback: T): T {
  const value = url.searchParams.get(name);
  if (value === null || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw badRequest(`\`${name}\` must be one of ${allowed.join(', ')}.`);
  return value as T;
}

export function integer(url: URL, name: string, min: number, max: number, fallback: number): number {
  const value = url.searchParams.get(name);
  if (value === null || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw badRequest(`\`${name}\` must be a whole number from ${min} to ${max}.`);
  return Number(value);
}

/** A free-text query parameter, bounded. */
export function query(url: URL, name: string, max = 200): string {
  const value = (url.searchParams.get(name) ?? '').trim();
  if (value.length > max) throw badRequest(`\`${name}\` is longer than ${max} characters.`);
  return value;
}
