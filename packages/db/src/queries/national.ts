import {
  type EprStatus,
  type Framework,
  quantiles,
  type Region,
  type RoadmapMilestone,
  type TrustType,
} from "@realise/domain";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { DB } from "../schema.js";
import { currentFramework } from "../repositories/frameworks.js";

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
  if (filter.region) q = q.where("o.region", "=", filter.region as Region);
  if (filter.icbCode) q = q.where("m.icb_code", "=", filter.icbCode);
  if (filter.trustType) q = q.where("o.trust_type", "=", filter.trustType as TrustType);
  if (filter.eprSupplier) q = q.where("o.epr_supplier", "=", filter.eprSupplier);
  if (filter.eprStatus) q = q.where("o.epr_status", "=", filter.eprStatus as EprStatus);
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

type OverviewRow = TrustBrief & { icbCode: string | null; icbName: string | null };

/** Counts per attained tier 0..tiers. */
function countTiers(rows: readonly OverviewRow[], tiers: number): number[] {
  const counts = Array.from({ length: tiers + 1 }, () => 0);
  for (const r of rows) counts[Math.min(Math.max(r.attainedTier, 0), tiers)]! += 1;
  return counts;
}

function progressOf(rows: readonly OverviewRow[]): ProgressQuartiles | null {
  return quantiles(rows.flatMap((r) => (r.progressToNext === null ? [] : [r.progressToNext])));
}

// Code-point order with "not recorded" last, as the SQL ordering put NULL keys last.
const byKey = (a: string | null, b: string | null) =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1;

function groupsBy(
  rows: readonly OverviewRow[],
  tiers: number,
  keyOf: (r: OverviewRow) => string | null,
  labelOf: (r: OverviewRow) => string | null = keyOf,
): NationalGroupRow[] {
  const groups = new Map<string | null, OverviewRow[]>();
  for (const r of rows) {
    const key = keyOf(r);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byKey(a, b))
    .map(([key, members]) => ({
      key,
      label: labelOf(members[0]!) ?? "Not recorded",
      trusts: members.length,
      eprLive: members.filter((m) => m.eprStatus === "live").length,
      tierCounts: countTiers(members, tiers),
      progress: progressOf(members),
    }));
}

function milestoneOf(
  rows: readonly OverviewRow[],
  milestone: RoadmapMilestone,
  limit: number,
): MilestoneProgress {
  const eligible = rows.filter((r) => (milestone.trustTypes as readonly string[]).includes(r.trustType));
  const meets = (r: OverviewRow) =>
    milestone.measure === "epr_live" ? r.eprStatus === "live" : r.attainedTier >= (milestone.tier ?? 0);
  // Rows arrive ordered by name, and the sort is stable: closest first, then by name.
  const notMet = eligible
    .filter((r) => !meets(r))
    .sort((a, b) => b.attainedTier - a.attainedTier || (b.progressToNext ?? 0) - (a.progressToNext ?? 0));
  const metNow = eligible.length - notMet.length;
  const shareNow = eligible.length === 0 ? 1 : metNow / eligible.length;
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
    eligible: eligible.length,
    metNow,
    shareNow,
    status,
    atRisk: notMet.slice(0, limit).map(toBrief),
    atRiskTotal: notMet.length,
  };
}

const toBrief = ({ icbCode: _icb, icbName: _name, ...brief }: OverviewRow): TrustBrief => brief;

/**
 * The nation (or the filtered slice of it) at a glance, from the maintained `organisation_tier` rows. The trusts
 * in view are read once (one small row each) and every figure is computed from that one consistent read: at
 * national scale one scan costs less than a query per figure competing for the same cores.
 */
export async function nationalOverview(
  db: Kysely<DB>,
  filter: NationalFilter = {},
  options: { atRiskLimit?: number } = {},
): Promise<NationalOverview> {
  const framework = await currentFramework(db);
  const tiers = framework.tiers.length;
  const limit = options.atRiskLimit ?? 50;
  const raw = await trustBriefs(db, filter)
    .select(["m.icb_code as icbCode", "i.name as icbName"])
    .orderBy("o.name")
    .execute();
  const rows: OverviewRow[] = raw.map((r) => ({ ...briefOf(r), icbCode: r.icbCode, icbName: r.icbName }));
  return {
    asOf: filter.asOf ?? today(),
    frameworkVersion: framework.version,
    tiers: framework.tiers.map((t) => ({ number: t.number, name: t.name })),
    trusts: rows.length,
    eprStatus: EPR_STATUSES.map((status) => ({
      status,
      count: rows.filter((r) => r.eprStatus === status).length,
    })),
    withoutLiveEpr: rows.filter((r) => r.eprStatus !== "live").map(toBrief),
    tierCounts: countTiers(rows, tiers),
    progress: progressOf(rows),
    groups: {
      region: groupsBy(rows, tiers, (r) => r.region),
      icb: groupsBy(
        rows,
        tiers,
        (r) => r.icbCode,
        (r) => r.icbName,
      ),
      trustType: groupsBy(rows, tiers, (r) => r.trustType),
      supplier: groupsBy(rows, tiers, (r) => r.eprSupplier),
    },
    milestones: framework.milestones.map((m) => milestoneOf(rows, m, limit)),
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
  if (filter.region) q = q.where("so.region", "=", filter.region as Region);
  if (filter.icbCode) q = q.where("so.icb_code", "=", filter.icbCode);
  if (filter.trustType) q = q.where("so.trust_type", "=", filter.trustType as TrustType);
  if (filter.eprSupplier) q = q.where("so.epr_supplier", "=", filter.eprSupplier);
  if (filter.eprStatus) q = q.where("so.epr_status", "=", filter.eprStatus as EprStatus);
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
