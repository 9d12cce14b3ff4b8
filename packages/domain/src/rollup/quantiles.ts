import type { Quantiles } from "./schema.js";

/**
 * Min, quartiles, median and max, by linear interpolation between order statistics (R type 7); null if empty.
 *
 * Why: benchmarks are shown as distributions, not league tables (NHS England's own caution, domain.md §7.4).
 */
export function quantiles(values: readonly number[]): Quantiles | null {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const at = (p: number): number => {
    const h = (xs.length - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.ceil(h);
    const a = xs[lo]!;
    const b = xs[hi]!;
    return a + (b - a) * (h - lo);
  };
  return { min: xs[0]!, q1: at(0.25), median: at(0.5), q3: at(0.75), max: xs[xs.length - 1]! };
}
