import type { EprStatus, NationalTrust, ProgressQuartiles, Region, TrustType } from "@realise/domain";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../schema.js";

/** The slice of the nation a view covers; every field narrows it. */
export interface NationalFilter {
  region?: Region | undefined;
  icbCode?: string | undefined;
  trustType?: TrustType | undefined;
  eprSupplier?: string | undefined;
  eprStatus?: EprStatus | undefined;
  /** ICB membership is read as at this date (ISO); defaults to today. */
  asOf?: string | undefined;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Trusts in the filter, joined to their ICB as at a date and their maintained tier row. */
function scoped(db: Kysely<DB>, filter: NationalFilter) {
  const asOf = filter.asOf ?? today();
  let q = db
    .selectFrom("organisation as o")
    .leftJoin("organisation_icb as m", (j) =>
      j
        .onRef("m.ods_code", "=", "o.ods_code")
        .on("m.valid_from", "<=", asOf)
        .on((eb) => eb.or([eb("m.valid_to", "is", null), eb("m.valid_to", ">=", asOf)])),
    )
    .leftJoin("icb as i", "i.code", "m.icb_code")
    .leftJoin("organisation_tier as t", "t.ods_code", "o.ods_code");
  if (filter.region) q = q.where("o.region", "=", filter.region);
  if (filter.icbCode) q = q.where("m.icb_code", "=", filter.icbCode);
  if (filter.trustType) q = q.where("o.trust_type", "=", filter.trustType);
  if (filter.eprSupplier) q = q.where("o.epr_supplier", "=", filter.eprSupplier);
  if (filter.eprStatus) q = q.where("o.epr_status", "=", filter.eprStatus);
  return q;
}

const tierOf = sql<number>`coalesce(t.attained_tier, 0)`;

/**
 * The trusts in view, by name, one small row each with their ICB as at the filter's date and their
 * maintained tier: every figure of the overview is computed from this one consistent read.
 */
export async function nationalTrusts(db: Kysely<DB>, filter: NationalFilter): Promise<NationalTrust[]> {
  const rows = await scoped(db, filter)
    .select([
      "o.ods_code as odsCode",
      "o.name",
      "o.trust_type as trustType",
      "o.region",
      "o.epr_status as eprStatus",
      "o.epr_supplier as eprSupplier",
      tierOf.as("attainedTier"),
      "t.progress_to_next as progressToNext",
      "m.icb_code as icbCode",
      "i.name as icbName",
    ])
    .orderBy("o.name")
    .execute();
  return rows.map((r) => ({
    odsCode: r.odsCode,
    name: r.name,
    trustType: r.trustType,
    region: r.region,
    eprStatus: r.eprStatus,
    eprSupplier: r.eprSupplier,
    attainedTier: Number(r.attainedTier),
    progressToNext: r.progressToNext === null ? null : Number(r.progressToNext),
    icbCode: r.icbCode,
    icbName: r.icbName,
  }));
}

/**
 * The trusts in view, by name, each with its levels by functionality code, from the aggregate the
 * database maintains on every adoption write (migration 0007): one row per trust, not every record.
 */
export async function trustLevels(db: Kysely<DB>, filter: NationalFilter) {
  const rows = await scoped(db, filter)
    .leftJoin("organisation_levels as l", "l.ods_code", "o.ods_code")
    .select([
      "o.ods_code as odsCode",
      "o.name",
      "o.trust_type as trustType",
      "o.region",
      "o.epr_supplier as eprSupplier",
      tierOf.as("attainedTier"),
      "t.progress_to_next as progressToNext",
      "i.name as icbName",
      "l.levels",
    ])
    .orderBy("o.name")
    .execute();
  return rows.map((r) => ({
    ...r,
    attainedTier: Number(r.attainedTier),
    progressToNext: r.progressToNext === null ? null : Number(r.progressToNext),
  }));
}

/** `count(*) filter (where tier = n)` for each tier, so one GROUP BY gives a group's whole tier distribution. */
function tierCountColumns(tiers: number, tier: RawBuilder<number>) {
  return Array.from({ length: tiers + 1 }, (_, n) =>
    sql<number>`(count(*) filter (where ${tier} = ${sql.lit(n)}))::int`.as(`t${n}`),
  );
}

function tierCountsOf(row: Record<string, unknown>, tiers: number): number[] {
  return Array.from({ length: tiers + 1 }, (_, n) => Number(row[`t${n}`] ?? 0));
}

const quartileColumns = (progress: RawBuilder<number | null>) => [
  sql<number | null>`min(${progress})`.as("pmin"),
  sql<number | null>`percentile_cont(0.25) within group (order by ${progress})`.as("pq1"),
  sql<number | null>`percentile_cont(0.5) within group (order by ${progress})`.as("pmedian"),
  sql<number | null>`percentile_cont(0.75) within group (order by ${progress})`.as("pq3"),
  sql<number | null>`max(${progress})`.as("pmax"),
];

// percentile_cont interpolates linearly between order statistics: the domain's `quantiles` (R type 7).
function quartilesOf(row: Record<string, unknown>): ProgressQuartiles | null {
  if (row.pmedian === null || row.pmedian === undefined) return null;
  return {
    min: Number(row.pmin),
    q1: Number(row.pq1),
    median: Number(row.pmedian),
    q3: Number(row.pq3),
    max: Number(row.pmax),
  };
}

export interface TrendPoint {
  period: string;
  status: string;
  frameworkVersion: number;
  trusts: number;
  eprLive: number;
  tierCounts: number[];
  progress: ProgressQuartiles | null;
}

/** Each frozen period's trust rows in the filter, counted over `tiers` tiers (in no particular order). */
export async function snapshotTrendRows(
  db: Kysely<DB>,
  filter: Omit<NationalFilter, "asOf"> & { publishedOnly?: boolean | undefined },
  tiers: number,
): Promise<TrendPoint[]> {
  let q = db
    .selectFrom("snapshot_organisation as so")
    .innerJoin("snapshot as s", "s.period", "so.period")
    .select([
      "so.period",
      sql<string>`max(s.status)`.as("status"),
      sql<number>`max(s.framework_version)`.as("frameworkVersion"),
      sql<number>`count(*)::int`.as("trusts"),
      sql<number>`(count(*) filter (where so.epr_status = 'live'))::int`.as("eprLive"),
      ...tierCountColumns(tiers, sql<number>`so.attained_tier`),
      ...quartileColumns(sql`so.progress_to_next`),
    ])
    .groupBy("so.period");
  if (filter.publishedOnly) q = q.where("s.status", "=", "published");
  if (filter.region) q = q.where("so.region", "=", filter.region);
  if (filter.icbCode) q = q.where("so.icb_code", "=", filter.icbCode);
  if (filter.trustType) q = q.where("so.trust_type", "=", filter.trustType);
  if (filter.eprSupplier) q = q.where("so.epr_supplier", "=", filter.eprSupplier);
  if (filter.eprStatus) q = q.where("so.epr_status", "=", filter.eprStatus);
  const rows = await q.execute();
  return rows.map((r) => ({
    period: r.period,
    status: r.status,
    frameworkVersion: Number(r.frameworkVersion),
    trusts: Number(r.trusts),
    eprLive: Number(r.eprLive),
    tierCounts: tierCountsOf(r as Record<string, unknown>, tiers),
    progress: quartilesOf(r as Record<string, unknown>),
  }));
}
