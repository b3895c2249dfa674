import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** pino's number for `error`; `fatal` is above it. */
const ERROR_LEVEL = 50;

/**
 * Structured JSON logs on stderr, so stdout stays free for command output. `onError` hears every
 * error-level line from this logger and all its children (every adapter, Bolt, the engine), so a
 * failure is counted wherever it was logged, once.
 */
export function createLogger(level: string, onError?: () => void, destination: DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      level,
      base: { app: 'recall' },
      ...(onError
        ? {
            hooks: {
              logMethod(args, method, at) {
                if (at >= ERROR_LEVEL) onError();
                method.apply(this, args);
              },
            },
          }
        : {}),
    },
    destination,
  );
}
