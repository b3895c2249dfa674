import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';

/**
 * Tokens Slack issues (bot, user, app-level, refresh, config) and the legacy verification `token` that
 * rides in every payload. Bolt and the Socket Mode client log payloads at debug level, so their words
 * pass through this before reaching our logs.
 */
const SECRETS: readonly [RegExp, string][] = [
  [/\bxox[a-z]-[A-Za-z0-9-]+/g, 'xox*-***'],
  [/\bxapp-[A-Za-z0-9-]+/g, 'xapp-***'],
  [/("token"\s*:\s*")[^"]*(")/g, '$1***$2'],
  [/([?&]token=)[^&\s]+/g, '$1***'],
];

export function redactSecrets(text: string): string {
  return SECRETS.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

const SEVERITY: Record<LogLevel, number> = { [LogLevel.DEBUG]: 0, [LogLevel.INFO]: 1, [LogLevel.WARN]: 2, [LogLevel.ERROR]: 3 };

/** Bolt's level for a pino level, so Bolt does not build debug strings pino would drop anyway. */
export function boltLevelOf(logger: Logger): LogLevel {
  switch (logger.level) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}

/** Bolt's and the Web API client's `(...msg)` logging, into our pino logger with secrets masked. */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'bolt' });
  let level = boltLevelOf(logger);
  const write = (at: LogLevel, msg: unknown[]) => {
    if (SEVERITY[at] < SEVERITY[level]) return;
    const err = msg.find((m): m is Error => m instanceof Error);
    const words = redactSecrets(
      msg
        .filter((m) => m !== err)
        .map(describe)
        .join(' '),
    );
    const obj = err ? { err: { type: err.name, message: redactSecrets(err.message), code: codeOf(err) } } : {};
    log[at](obj, words || (err ? redactSecrets(err.message) : ''));
  };
  return {
    debug: (...msg: unknown[]) => write(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => write(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => write(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => write(LogLevel.ERROR, msg),
    // Bolt sets its own idea of the level at start; pino's level still has the last word.
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function codeOf(err: Error): string | undefined {
  const code = (err as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
