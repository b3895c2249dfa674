/**
 * A mistake the person can fix (a bad option, a missing permission, nothing to reveal). Adapters show
 * its message privately; anything else thrown is a bug and is logged with its context.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type UserErrorCode = 'bad-input' | 'not-allowed' | 'not-found' | 'conflict' | 'expired' | 'unknown-command';

export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}
