import { quantiles } from "./quantiles.js";
import type { RollUpGroup, TierCounts } from "./schema.js";

/** Options for a roll-up. */
export interface RollUpOptions {
  /** Groups with fewer trusts than this show only their count (small-number suppression). */
  suppressBelow?: number;
}

/**
 * Groups assessed trusts and summarises each group: tier counts and progress distribution.
 *
 * Why: ICB, region, trust-type and peer views are all the same summary over a different key; every trust
 * falls in exactly one group, so the counts add up to the trusts given.
 */
export function rollUp<T extends { attainedTier: number; progressToNext: number }>(
  items: readonly T[],
  groupBy: (item: T) => string,
  options: RollUpOptions = {},
): RollUpGroup[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = groupBy(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const suppressBelow = options.suppressBelow ?? 0;
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([group, list]) => {
      const suppressed = list.length < suppressBelow;
      if (suppressed)
        return { group, count: list.length, suppressed, tierCounts: null, progress: null, score: null };
      const tierCounts: TierCounts = { 0: 0, 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
      for (const item of list) {
        const tier = Math.max(0, Math.min(5, Math.floor(item.attainedTier))) as keyof TierCounts;
        tierCounts[tier] += 1;
      }
      return {
        group,
        count: list.length,
        suppressed,
        tierCounts,
        progress: quantiles(list.map((i) => i.progressToNext)),
        score: quantiles(list.map((i) => i.attainedTier + (i.attainedTier >= 5 ? 0 : i.progressToNext))),
      };
    });
}
