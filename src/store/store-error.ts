export type StoreErrorCode = 'UNSUPPORTED_URL' | 'UNREADABLE_FILE' | 'UNREACHABLE' | 'CONFLICT' | 'INVALID_ARGUMENT' | 'CLOSED';

/** A code lets callers react (e.g. refuse to start) without parsing messages. */
export class StoreError extends Error {
  override readonly name = 'StoreError';

  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
