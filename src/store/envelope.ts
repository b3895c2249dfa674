import type { DeserializedData, KeyvOptions } from 'keyv';

/**
 * The `{ value, expires }` record keyv stores under each key. We fix its encoding
 * to plain JSON (instead of keyv's default serializer) because the SQLite and Redis
 * stores write the same record with raw statements for their atomic operations,
 * and both sides must agree byte for byte for compare-and-swap to work.
 */
export interface Envelope {
  value?: unknown;
  /** Epoch milliseconds; absent means the value never expires. */
  expires?: number;
}

export function encodeEnvelope(value: unknown, ttlMs: number | undefined, now: number): string {
  const envelope: Envelope = ttlMs === undefined ? { value } : { value, expires: now + ttlMs };
  return JSON.stringify(envelope);
}

export function decodeEnvelope(text: string): Envelope | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const envelope: Envelope = {};
  if ('value' in parsed) envelope.value = parsed.value;
  if ('expires' in parsed && typeof parsed.expires === 'number') envelope.expires = parsed.expires;
  return envelope;
}

/** Same rule keyv applies: a value is gone once now is past its expiry. */
export function isExpired(envelope: Envelope, now: number): boolean {
  return envelope.expires !== undefined && now > envelope.expires;
}

/** Equal as JSON text: how renew and release recognise the caller's own lock value. */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when a raw stored record is live and holds `value`: the check renew and release make before writing. */
export function holdsValue(raw: unknown, value: unknown, now: number): raw is string {
  if (typeof raw !== 'string') return false;
  const envelope = decodeEnvelope(raw);
  return envelope !== undefined && !isExpired(envelope, now) && sameJson(envelope.value, value);
}

/**
 * Options that make a Keyv instance read and write our envelope. Expired envelopes
 * deserialize to "nothing" so keyv never deletes them on read: its unconditional
 * delete could otherwise remove a marker another process has just re-created in
 * the expired one's place. Expired rows are replaced by setIfAbsent/update or pruned.
 */
export function envelopeKeyvOptions(): Pick<KeyvOptions, 'serialize' | 'deserialize' | 'namespace' | 'useKeyPrefix' | 'throwOnErrors'> {
  return {
    serialize: (data) => JSON.stringify(data),
    deserialize: <Value>(text: string) => {
      const envelope = decodeEnvelope(text);
      if (envelope === undefined || isExpired(envelope, Date.now())) return undefined;
      // keyv's generic is unchecked by design; the value is whatever JSON we stored.
      return envelope as DeserializedData<Value>;
    },
    // We prefix keys ourselves (see keys.ts) so raw statements use the same names.
    namespace: undefined,
    useKeyPrefix: false,
    // By default keyv swallows backend errors and answers "missing", which would
    // turn an outage into duplicate markers. Fail loudly instead.
    throwOnErrors: true,
  };
}
