import type { UserError, UserErrorCode } from '../../../core/errors.js';

/** A request the server refuses on purpose: its status and message go to the client as JSON. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, message);
export const notFound = (message = 'Nothing here.'): HttpError => new HttpError(404, message);

/** The status for each kind of mistake a person can fix: one table, so every route answers alike. */
const USER_ERROR_STATUS: Record<UserErrorCode, number> = {
  'bad-input': 400,
  'unknown-command': 400,
  'not-allowed': 403,
  'not-found': 404,
  conflict: 409,
  expired: 410,
};

/** A core `UserError` as the HTTP error a route throws. Pages show it as plain text, so the chat's bold stars go. */
export function fromUserError(err: UserError): HttpError {
  return new HttpError(USER_ERROR_STATUS[err.code], err.message.replace(/\*\*/g, ''));
}
