import { describe, expect, it } from 'vitest';
import { fromUserError } from '../../../../src/adapters/web/http/errors.js';
import { UserError, type UserErrorCode } from '../../../../src/core/errors.js';

describe('fromUserError: one status table for every route', () => {
  it('gives each kind of mistake its HTTP status and keeps the message, without the chat bold stars', () => {
    const expected: Record<UserErrorCode, number> = {
      'bad-input': 400,
      'unknown-command': 400,
      'not-allowed': 403,
      'not-found': 404,
      conflict: 409,
      expired: 410,
    };
    for (const [code, status] of Object.entries(expected) as [UserErrorCode, number][]) {
      const http = fromUserError(new UserError(code, `**Answer** is too long (${code}).`));
      expect(http.status, code).toBe(status);
      expect(http.message).toBe(`Answer is too long (${code}).`);
    }
  });
});
