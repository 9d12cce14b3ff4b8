import type { Framework, Functionality } from "../framework/schema.js";

/** The heatmap's columns: the framework's functionalities (of one tier, if given), by tier then code. */
export function heatmapFunctionalities(framework: Pick<Framework, "functionalities">, tier?: number) {
  return framework.functionalities
    .filter((f) => tier === undefined || f.tier === tier)
    .sort((a, b) => a.tier - b.tier || a.code.localeCompare(b.code));
}

/**
 * Trusts × functionalities as one row-major matrix: the level 0..5 (0 where the trust has no record), or
 * -1 where the functionality does not apply to the trust's type.
 *
 * Why: a flat array of small numbers is what a national heatmap of thousands of cells can carry cheaply.
 */
export function levelMatrix(
  functionalities: readonly Pick<Functionality, "code" | "appliesTo">[],
  trusts: readonly { trustType: string; levels: Record<string, number> | null }[],
): number[] {
  const width = functionalities.length;
  const levels = new Array<number>(trusts.length * width);
  trusts.forEach((t, i) => {
    functionalities.forEach((f, j) => {
      levels[i * width + j] = (f.appliesTo as readonly string[]).includes(t.trustType)
        ? (t.levels?.[f.code] ?? 0)
        : -1;
    });
  });
  return levels;
}

/** The orders a national analyst can read the heatmap's rows in. */
export const HEATMAP_SORTS = ["name", "tier", "progress", "region", "supplier"] as const;
export type HeatmapSort = (typeof HEATMAP_SORTS)[number];

interface SortableTrust {
  name: string;
  attainedTier: number;
  progressToNext: number | null;
  region: string;
  eprSupplier: string | null;
}

/**
 * The heatmap's rows in the chosen order, ties broken by name so the order never looks random: tier and
 * progress to the next tier highest first (the furthest on at the top), region and supplier A to Z with
 * trusts without a supplier last.
 */
export function sortHeatmapTrusts<T extends SortableTrust>(
  trusts: readonly T[],
  sort: HeatmapSort = "name",
): T[] {
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  const text = (a: string | null, b: string | null) =>
    a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b);
  const compare: Record<HeatmapSort, (a: T, b: T) => number> = {
    name: byName,
    tier: (a, b) => b.attainedTier - a.attainedTier || (b.progressToNext ?? -1) - (a.progressToNext ?? -1),
    progress: (a, b) =>
      (b.progressToNext ?? -1) - (a.progressToNext ?? -1) || b.attainedTier - a.attainedTier,
    region: (a, b) => a.region.localeCompare(b.region),
    supplier: (a, b) => text(a.eprSupplier, b.eprSupplier),
  };
  return [...trusts].sort((a, b) => compare[sort](a, b) || byName(a, b));
}
