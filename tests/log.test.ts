import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logDestination, logFormatFor } from '../src/log.js';

/** A stream that keeps what was written, as text. */
function capture(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe('process logs', () => {
  it('are pretty on a terminal and JSON when piped or collected', () => {
    expect(logFormatFor({ isTTY: true })).toBe('pretty');
    expect(logFormatFor({ isTTY: false })).toBe('json');
    // A pipe or a file has no isTTY at all.
    expect(logFormatFor({})).toBe('json');
  });

  it('read as lines a person can scan on a terminal: time, level, message, context', () => {
    const out = capture();
    createLogger('info', undefined, logDestination('pretty', { to: out.stream, colorize: false })).info({ channel: 'C1' }, 'daily question posted');
    const line = out.text();
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: daily question posted\n/);
    expect(line).toContain('channel: "C1"');
    expect(line).not.toContain('"app"');
    expect(() => JSON.parse(line)).toThrow();
  });

  it('are one JSON object a line otherwise, with the app name', () => {
    const out = capture();
    createLogger('info', undefined, logDestination('json', { to: out.stream })).info({ channel: 'C1' }, 'daily question posted');
    expect(JSON.parse(out.text())).toMatchObject({ level: 30, app: 'recall', channel: 'C1', msg: 'daily question posted' });
  });

  it('count every error line in either format', () => {
    for (const format of ['pretty', 'json'] as const) {
      let errors = 0;
      const logger = createLogger('info', () => errors++, logDestination(format, { to: capture().stream, colorize: false }));
      logger.child({ adapter: 'slack' }).error('post failed');
      logger.warn('slow');
      expect(errors, format).toBe(1);
    }
  });
});
