/** The p-th percentile (0..100) by linear interpolation between order statistics; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const xs = [...values].sort((a, b) => a - b);
  const h = (xs.length - 1) * (p / 100);
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (h - lo);
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function summarise(latencies: readonly number[]): LatencySummary {
  return {
    count: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
  };
}

export { round };
