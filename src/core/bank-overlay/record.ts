import { DIFFICULTIES, type Difficulty } from '../../bank/types.js';
import type { AddedRecord, HideRecord, OverlayRecord, OverrideRecord, QuestionFields } from './types.js';

export const emptyOverlay = (): OverlayRecord => ({ v: 1, generation: 0, added: [], overrides: {}, hidden: {} });

/**
 * The record as stored, or undefined when this version cannot read it (damaged, or a future format):
 * callers then refuse to write over it, so nothing the team did is lost to a downgrade.
 */
export function readOverlay(value: unknown): OverlayRecord | undefined {
  if (value === undefined) return emptyOverlay();
  if (!isObject(value) || value['v'] !== 1 || typeof value['generation'] !== 'number') return undefined;
  const { added, overrides, hidden } = value;
  if (!Array.isArray(added) || !added.every(isAdded) || !isObject(overrides) || !isObject(hidden)) return undefined;
  if (!Object.values(overrides).every(isOverride) || !Object.values(hidden).every(isHide)) return undefined;
  return value as unknown as OverlayRecord;
}

/** A change to the record; returns the same record object when it changes nothing (an idempotent retry). */
export type OverlayChange = (record: OverlayRecord) => OverlayRecord;

export function withAdded(added: AddedRecord): OverlayChange {
  return (r) => (r.added.some((a) => a.id === added.id) ? r : { ...r, added: [...r.added, added] });
}

export function withoutAdded(id: string): OverlayChange {
  return (r) => (r.added.some((a) => a.id === id) ? { ...r, added: r.added.filter((a) => a.id !== id) } : r);
}

/** Merges fields into the question's override; an override equal to what is there changes nothing. */
export function withOverride(id: string, fields: QuestionFields, by: string, at: string): OverlayChange {
  return (r) => {
    const before = r.overrides[id];
    const merged = { ...before?.fields, ...fields };
    if (before && sameFields(before.fields, merged)) return r;
    return { ...r, overrides: { ...r.overrides, [id]: { fields: merged, by, at } } };
  };
}

export function withoutOverride(id: string): OverlayChange {
  return (r) => {
    if (!(id in r.overrides)) return r;
    const { [id]: _, ...rest } = r.overrides;
    return { ...r, overrides: rest };
  };
}

export function withHidden(id: string, by: string, at: string): OverlayChange {
  return (r) => (id in r.hidden ? r : { ...r, hidden: { ...r.hidden, [id]: { by, at } } });
}

export function withoutHidden(id: string): OverlayChange {
  return (r) => {
    if (!(id in r.hidden)) return r;
    const { [id]: _, ...rest } = r.hidden;
    return { ...r, hidden: rest };
  };
}

export function isEmptyOverlay(r: OverlayRecord): boolean {
  return r.added.length === 0 && Object.keys(r.overrides).length === 0 && Object.keys(r.hidden).length === 0;
}

function sameFields(a: QuestionFields, b: QuestionFields): boolean {
  return JSON.stringify(sortedEntries(a)) === JSON.stringify(sortedEntries(b));
}

function sortedEntries(f: QuestionFields): [string, unknown][] {
  return Object.entries(f).sort(([x], [y]) => x.localeCompare(y));
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isDifficulty = (v: unknown): v is Difficulty | null => v === null || (DIFFICULTIES as readonly unknown[]).includes(v);

function isAdded(v: unknown): v is AddedRecord {
  if (!isObject(v)) return false;
  return (
    isString(v['id']) &&
    isString(v['question']) &&
    isStringOrNull(v['answer']) &&
    isStrings(v['hints']) &&
    isStringOrNull(v['category']) &&
    isStrings(v['tags']) &&
    isDifficulty(v['difficulty']) &&
    isString(v['suggestedBy']) &&
    isString(v['by']) &&
    isString(v['at'])
  );
}

function isOverride(v: unknown): v is OverrideRecord {
  if (!isObject(v) || !isString(v['by']) || !isString(v['at']) || !isObject(v['fields'])) return false;
  const f = v['fields'];
  return (
    (f['question'] === undefined || isString(f['question'])) &&
    (f['answer'] === undefined || isStringOrNull(f['answer'])) &&
    (f['category'] === undefined || isStringOrNull(f['category'])) &&
    (f['tags'] === undefined || isStrings(f['tags'])) &&
    (f['difficulty'] === undefined || isDifficulty(f['difficulty']))
  );
}

function isHide(v: unknown): v is HideRecord {
  return isObject(v) && isString(v['by']) && isString(v['at']);
}
