import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { countErrorLine, createPrometheusMetrics } from '../../src/metrics/index.js';
import { keepRunningOnStrayErrors } from '../../src/stray-errors.js';
import { logSink } from '../helpers/log-sink.js';

describe('keepRunningOnStrayErrors: the last resort in main.ts', () => {
  it('logs an uncaught exception and an unhandled rejection at error level, counted, and lets the process carry on', async () => {
    const { stream, lines } = logSink();
    const metrics = createPrometheusMetrics();
    const source = new EventEmitter();
    keepRunningOnStrayErrors(source, createLogger('info', countErrorLine(metrics), stream));

    // With a listener, emitting these does not throw: Node would otherwise end the process.
    source.emit('uncaughtException', new TypeError("Cannot read properties of null (reading 'ssl_check')"));
    source.emit('unhandledRejection', new Error('a promise no one awaited'));

    expect(lines.map((l) => [l['level'], l['msg']])).toEqual([
      [50, 'an error escaped every handler; Recall keeps running'],
      [50, 'a promise failed with no handler; Recall keeps running'],
    ]);
    expect(JSON.stringify(lines[0])).toContain('ssl_check');
    const metric = await metrics.registry.getSingleMetric('recall_errors_total')?.get();
    expect(metric?.values.find((v) => v.labels['where'] === 'background')?.value).toBe(2);
  });
});
