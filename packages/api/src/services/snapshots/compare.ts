import { currentFramework, type DB, publishedSnapshot, publishedTrustTiers } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";
import type { ComparePeriodsInput } from "../../contracts/national.js";

export interface PeriodTiers {
  period: string;
  frameworkVersion: number;
  trusts: number;
  /** Trusts per attained tier, 0 (none yet) to the top tier. */
  tierCounts: number[];
}

export interface TierMove {
  odsCode: string;
  name: string;
  fromTier: number;
  toTier: number;
}

export interface PeriodComparison {
  tiers: { number: number; name: string }[];
  from: PeriodTiers;
  to: PeriodTiers;
  /** `movement[a][b]`: trusts at tier a in `from` and tier b in `to`, over the trusts in both periods. */
  movement: number[][];
  /** Trusts in both periods. */
  inBoth: number;
  /** Trusts whose tier changed, by name. */
  moved: TierMove[];
}

/**
 * Two official periods side by side, from their published snapshots only (a preview is not official):
 * each period's tier distribution, and for the trusts in both, a from-tier × to-tier movement table and the
 * trusts that moved.
 */
export async function comparePublishedPeriods(
  db: Kysely<DB>,
  input: ComparePeriodsInput,
): Promise<PeriodComparison> {
  const [fromHeader, toHeader, framework] = await Promise.all([
    publishedSnapshot(db, input.from),
    publishedSnapshot(db, input.to),
    currentFramework(db),
  ]);
  if (!fromHeader) throw AppError.field("from", `${input.from} has no published official figures`);
  if (!toHeader) throw AppError.field("to", `${input.to} has no published official figures`);
  const filter = { region: input.region, icbCode: input.icbCode };
  const [fromRows, toRows] = await Promise.all([
    publishedTrustTiers(db, input.from, filter),
    publishedTrustTiers(db, input.to, filter),
  ]);
  const top = Math.max(
    framework.tiers.length,
    ...fromRows.map((r) => r.attainedTier),
    ...toRows.map((r) => r.attainedTier),
  );
  const clamp = (t: number) => Math.min(Math.max(t, 0), top);
  const counts = (rows: typeof fromRows) => {
    const c = Array.from({ length: top + 1 }, () => 0);
    for (const r of rows) c[clamp(r.attainedTier)]! += 1;
    return c;
  };
  const movement = Array.from({ length: top + 1 }, () => Array.from({ length: top + 1 }, () => 0));
  const before = new Map(fromRows.map((r) => [r.odsCode, clamp(r.attainedTier)]));
  const moved: TierMove[] = [];
  let inBoth = 0;
  for (const r of toRows) {
    const fromTier = before.get(r.odsCode);
    if (fromTier === undefined) continue;
    const toTier = clamp(r.attainedTier);
    inBoth += 1;
    movement[fromTier]![toTier]! += 1;
    if (fromTier !== toTier) moved.push({ odsCode: r.odsCode, name: r.name, fromTier, toTier });
  }
  return {
    tiers: framework.tiers.map((t) => ({ number: t.number, name: t.name })),
    from: {
      period: input.from,
      frameworkVersion: fromHeader.frameworkVersion,
      trusts: fromRows.length,
      tierCounts: counts(fromRows),
    },
    to: {
      period: input.to,
      frameworkVersion: toHeader.frameworkVersion,
      trusts: toRows.length,
      tierCounts: counts(toRows),
    },
    movement,
    inBoth,
    moved,
  };
}
