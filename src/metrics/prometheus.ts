import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Metrics } from '../core/metrics.js';
import type { FailureSite } from './handling.js';

/** Chat bots answer in tens of milliseconds, and Discord defers an interaction after 3 s: 5 ms … 10 s. */
export const HANDLE_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const FAILURE_SITES: readonly FailureSite[] = ['command', 'text', 'action', 'reaction', 'request', 'background'];

/** Each platform's connection, read at every scrape (the adapters' `health()`). */
export type PlatformStates = () => Record<string, { connected: boolean }>;

/** Metrics on prom-client, plus what the dashboard needs to serve them at /metrics. */
export interface PrometheusMetrics extends Metrics {
  readonly registry: Registry;
  readonly contentType: string;
  /** The registry in Prometheus' text format. */
  render(): Promise<string>;
  /** Reports `recall_platform_connected` from this source from now on. */
  watchPlatforms(states: PlatformStates): void;
  /** Also counts failures of a request an adapter was serving, outside any engine handler. */
  failed(where: FailureSite): void;
}

/**
 * A registry of its own rather than prom-client's global one: two engines in one process (tests, the
 * benchmark) would otherwise collide on metric names, and nothing else in the process can add series
 * behind Recall's back. The process and Node.js defaults go into it too.
 */
export function createPrometheusMetrics(): PrometheusMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const posts = new Counter({
    name: 'recall_posts_total',
    help: 'Messages the bot sent through a platform: kind is post, thread, private or update; outcome ok or error.',
    labelNames: ['platform', 'kind', 'outcome'] as const,
    registers,
  });
  const reveals = new Counter({
    name: 'recall_reveals_total',
    help: 'Daily answers shown: via reaction (to the person who reacted) or thread (the public answer under a post).',
    labelNames: ['platform', 'via'] as const,
    registers,
  });
  const grades = new Counter({
    name: 'recall_grades_total',
    help: 'Grades recorded or changed (retries of the same grade are not counted).',
    labelNames: ['platform', 'kind', 'grade'] as const,
    registers,
  });
  const errors = new Counter({
    name: 'recall_errors_total',
    help: 'Failures logged as bugs, by where they surfaced: a handler kind, a request an adapter was serving, or background work such as a scheduled post.',
    labelNames: ['where'] as const,
    registers,
  });
  const handled = new Histogram({
    name: 'recall_handle_duration_seconds',
    help: 'Time the engine took to handle a command, typed command, button or reaction.',
    labelNames: ['kind', 'platform', 'outcome'] as const,
    buckets: HANDLE_BUCKETS,
    registers,
  });
  let platformStates: PlatformStates = () => ({});
  new Gauge({
    name: 'recall_platform_connected',
    help: '1 while the platform connection is up (every Discord shard ready, the Slack socket or HTTP receiver open), else 0.',
    labelNames: ['platform'] as const,
    registers,
    collect() {
      this.reset();
      for (const [platform, state] of Object.entries(platformStates())) this.set({ platform }, state.connected ? 1 : 0);
    },
  });
  // Present at 0 from the start, so an alert on increase() fires on the first error, not the second.
  for (const where of FAILURE_SITES) errors.inc({ where }, 0);

  return {
    registry,
    contentType: registry.contentType,
    render: () => registry.metrics(),
    watchPlatforms(states) {
      platformStates = states;
    },
    sent: (platform, kind, outcome) => posts.inc({ platform, kind, outcome }),
    revealed: (platform, via) => reveals.inc({ platform, via }),
    graded: (platform, kind, grade) => grades.inc({ platform, kind, grade }),
    failed: (where) => errors.inc({ where }),
    handled: (kind, platform, seconds, outcome) => handled.observe({ kind, platform, outcome }, seconds),
  };
}
