import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

/** Request bodies are small JSON objects: a name, a command line, a button id. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Reads a JSON object body: 415 for another type, 413 past the limit, 400 for anything that is not a
 * JSON object. An oversized body is not read further.
 */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') throw new HttpError(415, 'Send the request body as JSON (Content-Type: application/json).');
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buf);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new HttpError(400, 'The request body must be a JSON object.');
  return parsed as Record<string, unknown>;
}

function tooLarge(limit: number): HttpError {
  return new HttpError(413, `The request body is larger than ${limit / 1024} KB.`, { connection: 'close' });
}
