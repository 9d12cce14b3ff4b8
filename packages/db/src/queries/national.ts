import type { Framework, RoadmapMilestone } from "@realise/domain";
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { DB } from "../schema.js";
import { currentFramework } from "./frameworks.js";

/** The slice of the nation a view covers; every field narrows it. */
export interface NationalFilter {
  region?: string | undefined;
  icbCode?: string | undefined;
  trustType?: string | undefined;
  eprSupplier?: string | undefined;
  eprStatus?: string | undefined;
  /** ICB membership is read as at this date (ISO); defaults to today. */
  asOf?: string | undefined;
}

export const EPR_STATUSES = ["none", "procuring", "implementing", "live"] as const;

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

/** `count(*) filter (where tier = n)` for each tier, so one GROUP BY gives a group's whole tier distribution. */
function tierCountColumns(tiers: number, tier: RawBuilder<number> = tierOf) {
  return Array.from({ length: tiers + 1 }, (_, n) =>
    sql<number>`(count(*) filter (where ${tier} = ${sql.lit(n)}))::int`.as(`t${n}`),
  );
}

function tierCountsOf(row: Record<string, unknown>, tiers: number): number[] {
  return Array.from({ length: tiers + 1 }, (_, n) => Number(row[`t${n}`] ?? 0));
}

/** A five-number summary of progress to the next tier (R type 7 quantiles, as the domain's `quantiles`). */
export interface ProgressQuartiles {
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

const quartileColumns = (progress: RawBuilder<number | null> = sql`t.progress_to_next`) => [
  sql<number | null>`min(${progress})`.as("pmin"),
  sql<number | null>`percentile_cont(0.25) within group (order by ${progress})`.as("pq1"),
  sql<number | null>`percentile_cont(0.5) within group (order by ${progress})`.as("pmedian"),
  sql<number | null>`percentile_cont(0.75) within group (order by ${progress})`.as("pq3"),
  sql<number | null>`max(${progress})`.as("pmax"),
];

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

/** One group of a national view: counts per tier and the spread of progress, never an average. */
export interface NationalGroupRow {
  key: string | null;
  label: string;
  trusts: number;
  eprLive: number;
  tierCounts: number[];
  progress: ProgressQuartiles | null;
}

export type GroupDimension = "region" | "icb" | "trustType" | "supplier";

async function groupRows(
  db: Kysely<DB>,
  filter: NationalFilter,
  dimension: GroupDimension,
  tiers: number,
): Promise<NationalGroupRow[]> {
  const key = {
    region: sql<string | null>`o.region`,
    icb: sql<string | null>`m.icb_code`,
    trustType: sql<string | null>`o.trust_type`,
    supplier: sql<string | null>`o.epr_supplier`,
  }[dimension];
  const label = dimension === "icb" ? sql<string | null>`max(i.name)` : sql<string | null>`${key}`;
  const rows = await scoped(db, filter)
    .select([
      key.as("key"),
      label.as("label"),
      sql<number>`count(*)::int`.as("trusts"),
      sql<number>`(count(*) filter (where o.epr_status = 'live'))::int`.as("eprLive"),
      ...tierCountColumns(tiers),
      ...quartileColumns(),
    ])
    .groupBy(key)
    .orderBy(key)
    .execute();
  return rows.map((r) => {
    const row = r as Record<string, unknown>;
    return {
      key: r.key,
      label: r.label ?? "Not recorded",
      trusts: Number(r.trusts),
      eprLive: Number(r.eprLive),
      tierCounts: tierCountsOf(row, tiers),
      progress: quartilesOf(row),
    };
  });
}

export interface TrustBrief {
  odsCode: string;
  name: string;
  trustType: string;
  region: string;
  eprStatus: string;
  eprSupplier: string | null;
  attainedTier: number;
  progressToNext: number | null;
}

function trustBriefs(db: Kysely<DB>, filter: NationalFilter) {
  return scoped(db, filter).select([
    "o.ods_code as odsCode",
    "o.name",
    "o.trust_type as trustType",
    "o.region",
    "o.epr_status as eprStatus",
    "o.epr_supplier as eprSupplier",
    tierOf.as("attainedTier"),
    "t.progress_to_next as progressToNext",
  ]);
}

/** A roadmap milestone against the trusts in view: the share meeting it now, and who does not yet. */
export interface MilestoneProgress {
  id: string;
  title: string;
  targetDate: string;
  measure: RoadmapMilestone["measure"];
  tier: number | null;
  targetShare: number;
  eligible: number;
  metNow: number;
  shareNow: number;
  status: "met" | "not_met_yet" | "missed";
  /** Eligible trusts not meeting the milestone (closest first), up to the limit. */
  atRisk: TrustBrief[];
  atRiskTotal: number;
}

async function milestoneProgress(
  db: Kysely<DB>,
  filter: NationalFilter,
  milestone: RoadmapMilestone,
  limit: number,
): Promise<MilestoneProgress> {
  const met: Expression<SqlBool> =
    milestone.measure === "epr_live"
      ? sql<SqlBool>`o.epr_status = 'live'`
      : sql<SqlBool>`${tierOf} >= ${milestone.tier ?? 0}`;
  const eligible = scoped(db, filter).where("o.trust_type", "in", milestone.trustTypes);
  const [counts, atRisk] = await Promise.all([
    eligible
      .select([
        sql<number>`count(*)::int`.as("eligible"),
        sql<number>`(count(*) filter (where ${met}))::int`.as("met"),
      ])
      .executeTakeFirstOrThrow(),
    trustBriefs(db, filter)
      .where("o.trust_type", "in", milestone.trustTypes)
      .where(sql<SqlBool>`not (${met})`)
      .orderBy(tierOf, "desc")
      .orderBy(sql`coalesce(t.progress_to_next, 0)`, "desc")
      .orderBy("o.name")
      .limit(limit)
      .execute(),
  ]);
  const total = Number(counts.eligible);
  const metNow = Number(counts.met);
  const shareNow = total === 0 ? 1 : metNow / total;
  const status =
    shareNow + 1e-9 >= milestone.shareOfTrusts
      ? "met"
      : milestone.targetDate < today()
        ? "missed"
        : "not_met_yet";
  return {
    id: milestone.id,
    title: milestone.title,
    targetDate: milestone.targetDate,
    measure: milestone.measure,
    tier: milestone.tier ?? null,
    targetShare: milestone.shareOfTrusts,
    eligible: total,
    metNow,
    shareNow,
    status,
    atRisk: atRisk.map(briefOf),
    atRiskTotal: total - metNow,
  };
}

const briefOf = (r: TrustBrief): TrustBrief => ({
  ...r,
  attainedTier: Number(r.attainedTier),
  progressToNext: r.progressToNext === null ? null : Number(r.progressToNext),
});

export interface NationalOverview {
  asOf: string;
  frameworkVersion: number;
  tiers: { number: number; name: string }[];
  trusts: number;
  eprStatus: { status: string; count: number }[];
  /** Trusts in view whose EPR is not live, by name. */
  withoutLiveEpr: TrustBrief[];
  /** Trusts per attained tier, 0 (none yet) to the top tier. */
  tierCounts: number[];
  progress: ProgressQuartiles | null;
  groups: Record<GroupDimension, NationalGroupRow[]>;
  milestones: MilestoneProgress[];
}

/**
 * The nation (or the filtered slice of it) at a glance, from the maintained `organisation_tier` rows: every
 * figure is one set-based query, so the cost grows with groups, not trusts.
 */
export async function nationalOverview(
  db: Kysely<DB>,
  filter: NationalFilter = {},
  options: { atRiskLimit?: number } = {},
): Promise<NationalOverview> {
  const framework = await currentFramework(db);
  const tiers = framework.tiers.length;
  const [eprRows, totals, withoutLiveEpr, region, icb, trustType, supplier, milestones] = await Promise.all([
    scoped(db, filter)
      .select(["o.epr_status as status", sql<number>`count(*)::int`.as("count")])
      .groupBy("o.epr_status")
      .execute(),
    scoped(db, filter)
      .select([sql<number>`count(*)::int`.as("trusts"), ...tierCountColumns(tiers), ...quartileColumns()])
      .executeTakeFirstOrThrow(),
    trustBriefs(db, filter).where("o.epr_status", "!=", "live").orderBy("o.name").execute(),
    groupRows(db, filter, "region", tiers),
    groupRows(db, filter, "icb", tiers),
    groupRows(db, filter, "trustType", tiers),
    groupRows(db, filter, "supplier", tiers),
    Promise.all(framework.milestones.map((m) => milestoneProgress(db, filter, m, options.atRiskLimit ?? 50))),
  ]);
  const eprCount = new Map(eprRows.map((r) => [r.status, Number(r.count)]));
  return {
    asOf: filter.asOf ?? today(),
    frameworkVersion: framework.version,
    tiers: framework.tiers.map((t) => ({ number: t.number, name: t.name })),
    trusts: Number(totals.trusts),
    eprStatus: EPR_STATUSES.map((status) => ({ status, count: eprCount.get(status) ?? 0 })),
    withoutLiveEpr: withoutLiveEpr.map(briefOf),
    tierCounts: tierCountsOf(totals as Record<string, unknown>, tiers),
    progress: quartilesOf(totals as Record<string, unknown>),
    groups: { region, icb, trustType, supplier },
    milestones,
  };
}

export interface NationalHeatmap {
  frameworkVersion: number;
  functionalities: { code: string; name: string; tier: number }[];
  trusts: { odsCode: string; name: string; trustType: string; attainedTier: number }[];
  /**
   * Row-major matrix, one row per trust and one column per functionality: the adoption level 0..5,
   * or -1 where the functionality does not apply to the trust's type.
   */
  levels: number[];
}

function functionalitiesOf(framework: Framework, tier: number | undefined) {
  return framework.functionalities
    .filter((f) => tier === undefined || f.tier === tier)
    .sort((a, b) => a.tier - b.tier || a.code.localeCompare(b.code));
}

/** Trusts × functionalities by level, as a compact matrix for a heatmap or a table. */
export async function nationalHeatmap(
  db: Kysely<DB>,
  filter: NationalFilter & { tier?: number | undefined } = {},
): Promise<NationalHeatmap> {
  const framework = await currentFramework(db);
  const functionalities = functionalitiesOf(framework, filter.tier);
  // One row per trust with its levels, from the aggregate the database maintains on every adoption write
  // (migration 0007): 2,000 rows at 10× England instead of every record.
  const rows = await scoped(db, filter)
    .leftJoin("organisation_levels as l", "l.ods_code", "o.ods_code")
    .select([
      "o.ods_code as odsCode",
      "o.name",
      "o.trust_type as trustType",
      tierOf.as("attainedTier"),
      "l.levels",
    ])
    .orderBy("o.name")
    .execute();
  const width = functionalities.length;
  const levels = new Array<number>(rows.length * width);
  rows.forEach((t, i) => {
    functionalities.forEach((f, j) => {
      levels[i * width + j] = f.appliesTo.includes(t.trustType as never) ? (t.levels?.[f.code] ?? 0) : -1;
    });
  });
  const trusts = rows.map(({ levels: _, ...t }) => t);
  return {
    frameworkVersion: framework.version,
    functionalities: functionalities.map((f) => ({ code: f.code, name: f.name, tier: f.tier })),
    trusts: trusts.map((t) => ({ ...t, attainedTier: Number(t.attainedTier) })),
    levels,
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

/** The frozen snapshots, oldest first, with the same filter applied to each period's frozen trust rows. */
export async function nationalTrends(
  db: Kysely<DB>,
  filter: Omit<NationalFilter, "asOf"> & { publishedOnly?: boolean } = {},
): Promise<TrendPoint[]> {
  const framework = await currentFramework(db);
  const tiers = framework.tiers.length;
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
  return rows
    .map((r) => ({
      period: r.period,
      status: r.status,
      frameworkVersion: Number(r.frameworkVersion),
      trusts: Number(r.trusts),
      eprLive: Number(r.eprLive),
      tierCounts: tierCountsOf(r as Record<string, unknown>, tiers),
      progress: quartilesOf(r as Record<string, unknown>),
    }))
    .sort((a, b) => periodStart(a.period).localeCompare(periodStart(b.period)));
}

/** Sort key for periods: "2025/26" before "2025/26 Q1" before "2025/26 Q2". */
const periodStart = (p: string) => p.replace(/^(\d{4})\/\d{2}(?: Q(\d))?$/, (_, y, q) => `${y}-${q ?? "0"}`);
