/** Nearest-rank percentile of already collected samples (milliseconds). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export interface Summary {
  median: number;
  p99: number;
}

export function summarize(samples: readonly number[]): Summary {
  return { median: percentile(samples, 50), p99: percentile(samples, 99) };
}

export function fmtMs(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}
