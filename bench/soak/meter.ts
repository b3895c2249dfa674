import { percentile } from '../slack/stats.js';

/** How a request ended: answered 2xx, refused with a 4xx the product means (404 a message gone, 409), or failed. */
export type Outcome = 'ok' | 'refused' | 'error';

interface Minute {
  served: number;
  refused: number;
  errors: number;
  latencies: number[];
  rss: number[];
}

export interface MinuteRow {
  minute: number;
  served: number;
  refused: number;
  errors: number;
  p50: number;
  p99: number;
  /** The last RSS sample of the minute, and the largest, in bytes. */
  rssEnd: number;
  rssMax: number;
}

/**
 * Counts every request of the soak by the minute it finished in, with its latency, and the app's RSS
 * sampled every second. Failures are kept by kind with one example each, so the summary says what broke.
 */
export class Meter {
  private readonly minutes: Minute[] = [];
  readonly refusedByKind = new Map<string, number>();
  readonly errorsByKind = new Map<string, { count: number; example: string }>();
  readonly servedByKind = new Map<string, number>();

  constructor(private readonly startedAt: number) {}

  private current(): Minute {
    const index = Math.floor((performance.now() - this.startedAt) / 60_000);
    while (this.minutes.length <= index) this.minutes.push({ served: 0, refused: 0, errors: 0, latencies: [], rss: [] });
    return this.minutes[index] as Minute;
  }

  request(kind: string, outcome: Outcome, ms: number, detail = ''): void {
    const minute = this.current();
    minute.served++;
    minute.latencies.push(ms);
    this.servedByKind.set(kind, (this.servedByKind.get(kind) ?? 0) + 1);
    if (outcome === 'refused') {
      minute.refused++;
      const key = `${kind}: ${detail}`;
      this.refusedByKind.set(key, (this.refusedByKind.get(key) ?? 0) + 1);
    }
    if (outcome === 'error') this.error(kind, detail, minute);
  }

  /** A failure that is not a request's own status: an answer that says something went wrong, a missing answer. */
  error(kind: string, detail: string, minute = this.current()): void {
    minute.errors++;
    const seen = this.errorsByKind.get(kind);
    if (seen) seen.count++;
    else this.errorsByKind.set(kind, { count: 1, example: detail.slice(0, 300) });
  }

  rss(bytes: number): void {
    this.current().rss.push(bytes);
  }

  /** Whole minutes only: a last partial minute (the wind-down) would skew both latency and RSS. */
  rows(wholeMinutes: number): MinuteRow[] {
    return this.minutes.slice(0, wholeMinutes).map((m, i) => ({
      minute: i + 1,
      served: m.served,
      refused: m.refused,
      errors: m.errors,
      p50: percentile(m.latencies, 50),
      p99: percentile(m.latencies, 99),
      rssEnd: m.rss.at(-1) ?? Number.NaN,
      rssMax: m.rss.length > 0 ? Math.max(...m.rss) : Number.NaN,
    }));
  }

  totals(): { served: number; refused: number; errors: number } {
    return this.minutes.reduce((t, m) => ({ served: t.served + m.served, refused: t.refused + m.refused, errors: t.errors + m.errors }), { served: 0, refused: 0, errors: 0 });
  }
}
