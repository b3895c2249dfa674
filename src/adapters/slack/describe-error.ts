import { child } from './payloads.js';

/** A Web API error as a loggable object: its code and Slack's error name, never the request. */
export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const data = child(err, 'data');
  const slackError = data && typeof data['error'] === 'string' ? data['error'] : undefined;
  const code = (err as Error & { code?: unknown }).code;
  return { type: err.name, message: err.message, ...(typeof code === 'string' ? { code } : {}), ...(slackError ? { slackError } : {}) };
}
