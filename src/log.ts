import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** pino's number for `error`; `fatal` is above it. */
const ERROR_LEVEL = 50;

/** Readable lines for a person at a terminal; JSON lines for anything that collects logs. */
export type LogFormat = 'pretty' | 'json';

/** Pretty when the logs go to a terminal (`npm start`), JSON when they are piped or collected (Docker, CI, tests). */
export function logFormatFor(stream: { isTTY?: boolean }): LogFormat {
  return stream.isTTY === true ? 'pretty' : 'json';
}

export interface LogDestinationOptions {
  /** A file descriptor (2, stderr) or a stream. */
  to?: number | NodeJS.WritableStream;
  /** Colours, for pretty lines on a terminal. */
  colorize?: boolean;
}

/**
 * Where and how log lines are written. Pretty lines are formatted in-process and written synchronously,
 * like the JSON ones, so the last lines before an exit are never lost.
 */
export function logDestination(format: LogFormat, { to = 2, colorize = true }: LogDestinationOptions = {}): DestinationStream {
  if (format === 'pretty') return pretty({ destination: to, sync: true, colorize, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,app' });
  return typeof to === 'number' ? pino.destination(to) : to;
}

/**
 * Logs on stderr, so stdout stays free for command output: pretty on a terminal, JSON otherwise. `onError`
 * hears every error-level line from this logger and all its children (every adapter, Bolt, the engine),
 * so a failure is counted wherever it was logged, once.
 */
export function createLogger(level: string, onError?: () => void, destination: DestinationStream = logDestination(logFormatFor(process.stderr))): Logger {
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
