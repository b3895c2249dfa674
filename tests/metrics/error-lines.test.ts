import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { countErrorLine, createPrometheusMetrics, serving } from '../../src/metrics/index.js';
import { handling } from '../../src/metrics/handling.js';

function sink(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, lines };
}

async function errors(metrics: ReturnType<typeof createPrometheusMetrics>): Promise<Record<string, number>> {
  const metric = await metrics.registry.getSingleMetric('recall_errors_total')?.get();
  return Object.fromEntries((metric?.values ?? []).map((v) => [String(v.labels['where']), v.value]));
}

describe('the process logger counts every error-level line once, by where it was logged', () => {
  it('counts an adapter’s or Bolt’s error line (a child logger) as request while serving, background otherwise, and skips warnings', async () => {
    const metrics = createPrometheusMetrics();
    const { stream, lines } = sink();
    const logger = createLogger('info', countErrorLine(metrics), stream);
    const bolt = logger.child({ adapter: 'slack' }).child({ component: 'bolt' });

    await serving.run(true, async () => {
      await new Promise((r) => setTimeout(r, 1));
      bolt.error({ method: 'POST', path: '/slack/events' }, 'a Slack request failed');
      bolt.warn('refused a Slack request');
    });
    logger.error('a daily post failed');
    logger.fatal('worse');

    expect(await errors(metrics)).toMatchObject({ request: 1, background: 2, command: 0 });
    expect(lines).toHaveLength(4);
  });

  it('counts an error logged inside an engine handler under the handler’s kind and marks it failed', async () => {
    const metrics = createPrometheusMetrics();
    const logger = createLogger('info', countErrorLine(metrics), sink().stream);
    const context = { kind: 'action' as const, failed: false, open: true };
    await serving.run(true, () => handling.run(context, async () => logger.error('grade failed')));
    expect(context.failed).toBe(true);
    expect(await errors(metrics)).toMatchObject({ action: 1, request: 0, background: 0 });
  });
});
