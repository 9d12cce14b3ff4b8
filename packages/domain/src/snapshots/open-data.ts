import { isSuppressed } from "./freeze.js";

/** The dimensions a published snapshot can be counted by in open data. */
export const OPEN_DATA_DIMENSIONS = ["region", "icb", "trustType", "supplier"] as const;
export type OpenDataDimension = (typeof OPEN_DATA_DIMENSIONS)[number];

/** One trust of a published snapshot, as open data counts it. */
export interface OpenDataTrust {
  odsCode: string;
  /** The trust's group in each dimension; null when none is recorded. */
  groups: Record<OpenDataDimension, string | null>;
  attainedTier: number;
  eprLive: boolean;
}

/** A group's published figures. `tierCounts` and `eprLive` count only trusts whose rows are published. */
export interface OpenDataGroup {
  group: string | null;
  trusts: number;
  /** Trusts of the group whose figures are withheld (because they also sit in a small group). */
  withheldTrusts: number;
  suppressed: boolean;
  eprLive: number | null;
  tierCounts: number[] | null;
}

const sizes = (trusts: readonly OpenDataTrust[], dimension: OpenDataDimension) => {
  const count = new Map<string | null, number>();
  for (const t of trusts) count.set(t.groups[dimension], (count.get(t.groups[dimension]) ?? 0) + 1);
  return count;
};

/**
 * The trusts whose figures open data withholds: every trust that belongs to a suppressed group (fewer than
 * `suppressBelow` trusts) in any dimension.
 *
 * Why: a small group's breakdown is withheld, so the figures of its trusts must not be published anywhere
 * else either, not in per-trust rows (summing them would rebuild the group) and not inside a larger group's
 * counts (differencing two totals would). Withholding the trust everywhere, rather than withholding whole
 * larger groups, keeps every other group's figures and every other trust's rows open.
 */
export function withheldTrusts(trusts: readonly OpenDataTrust[], suppressBelow: number): Set<string> {
  const withheld = new Set<string>();
  for (const dimension of OPEN_DATA_DIMENSIONS) {
    const count = sizes(trusts, dimension);
    for (const t of trusts) {
      if (isSuppressed(count.get(t.groups[dimension]) ?? 0, suppressBelow)) withheld.add(t.odsCode);
    }
  }
  return withheld;
}

const compareGroups = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

/**
 * A snapshot counted by one dimension, as open data publishes it: a suppressed group shows only how many
 * trusts it has; any other group counts tiers and live EPRs over its published trusts only, and says how
 * many of its trusts are withheld. So every published figure is a sum over published trusts' own rows.
 */
export function openDataGroups(
  trusts: readonly OpenDataTrust[],
  dimension: OpenDataDimension,
  suppressBelow: number,
  tiers: number,
): OpenDataGroup[] {
  const withheld = withheldTrusts(trusts, suppressBelow);
  const groups = new Map<string | null, OpenDataTrust[]>();
  for (const t of trusts) groups.set(t.groups[dimension], [...(groups.get(t.groups[dimension]) ?? []), t]);
  return [...groups.entries()]
    .sort(([a], [b]) => compareGroups(a, b))
    .map(([group, members]) => {
      const suppressed = isSuppressed(members.length, suppressBelow);
      const open = members.filter((t) => !withheld.has(t.odsCode));
      const tierCounts = Array.from({ length: tiers + 1 }, () => 0);
      for (const t of open) {
        const tier = Math.min(Math.max(t.attainedTier, 0), tiers);
        tierCounts[tier] = (tierCounts[tier] ?? 0) + 1;
      }
      return {
        group,
        trusts: members.length,
        withheldTrusts: members.length - open.length,
        suppressed,
        eprLive: suppressed ? null : open.filter((t) => t.eprLive).length,
        tierCounts: suppressed ? null : tierCounts,
      };
    });
}
