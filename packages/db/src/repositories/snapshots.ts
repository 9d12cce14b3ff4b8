import {
  comparePeriods,
  type OpenDataDimension,
  type OpenDataTrust,
  openDataGroups,
  withheldTrusts,
} from "@realise/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";
import { currentFramework } from "./frameworks.js";

export interface SnapshotRow {
  period: string;
  status: string;
  frameworkVersion: number;
  frozenAt: Date;
  frozenBy: string | null;
  publishedAt: Date | null;
  trusts: number;
}

/** Every snapshot, newest period first (periods as the NHS calendar orders them, not as text). */
export async function listSnapshots(db: Kysely<DB>): Promise<SnapshotRow[]> {
  const rows = await db
    .selectFrom("snapshot as s")
    .leftJoin("snapshot_organisation as so", "so.period", "s.period")
    .select([
      "s.period",
      "s.status",
      "s.framework_version as frameworkVersion",
      "s.frozen_at as frozenAt",
      "s.frozen_by as frozenBy",
      "s.published_at as publishedAt",
      sql<number>`count(so.ods_code)::int`.as("trusts"),
    ])
    .groupBy("s.period")
    .execute();
  return rows
    .map((r) => ({ ...r, trusts: Number(r.trusts) }))
    .sort((a, b) => comparePeriods(b.period, a.period));
}

/** A snapshot's header, or undefined when the period has none. */
export async function snapshotHeader(db: Kysely<DB>, period: string) {
  return db
    .selectFrom("snapshot")
    .select([
      "period",
      "status",
      "framework_version as frameworkVersion",
      "frozen_at as frozenAt",
      "frozen_by as frozenBy",
      "published_at as publishedAt",
    ])
    .where("period", "=", period)
    .executeTakeFirst();
}

/** A published snapshot's header, or undefined: open data serves nothing else. */
export async function publishedSnapshot(db: Kysely<DB>, period: string) {
  const header = await snapshotHeader(db, period);
  return header?.status === "published" ? header : undefined;
}

function tierColumns(tiers: number, column: string) {
  return Array.from({ length: tiers + 1 }, (_, n) =>
    sql<number>`(count(*) filter (where coalesce(${sql.ref(column)}, 0) = ${sql.lit(n)}))::int`.as(`t${n}`),
  );
}
const tierCounts = (row: object, tiers: number) =>
  Array.from({ length: tiers + 1 }, (_, n) => Number((row as Record<string, unknown>)[`t${n}`] ?? 0));

/** The counts a snapshot is summarised by, whether frozen or computed from the live tables. */
export interface SnapshotCounts {
  trusts: number;
  tierCounts: number[];
  eprStatus: Map<string, number>;
  byTrustType: { trustType: string; trusts: number; tierCounts: number[] }[];
  adoptionRecords: number;
  validatedRecords: number;
}

function countsOf(
  tiers: number,
  totals: object & { trusts: number },
  epr: { status: string; count: number }[],
  byType: (object & { trustType: string; trusts: number })[],
  records: { records: number; validated: number },
): SnapshotCounts {
  return {
    trusts: Number(totals.trusts),
    tierCounts: tierCounts(totals, tiers),
    eprStatus: new Map(epr.map((r) => [r.status, Number(r.count)])),
    byTrustType: byType.map((r) => ({
      trustType: r.trustType,
      trusts: Number(r.trusts),
      tierCounts: tierCounts(r, tiers),
    })),
    adoptionRecords: Number(records.records),
    validatedRecords: Number(records.validated),
  };
}

/** What freezing now would store, counted from the live tables over `tiers` tiers. */
export async function liveSnapshotCounts(db: Kysely<DB>, tiers: number): Promise<SnapshotCounts> {
  const [totals, epr, byType, records] = await Promise.all([
    db
      .selectFrom("organisation as o")
      .leftJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
      .select([sql<number>`count(*)::int`.as("trusts"), ...tierColumns(tiers, "t.attained_tier")])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("organisation")
      .select(["epr_status as status", sql<number>`count(*)::int`.as("count")])
      .groupBy("epr_status")
      .execute(),
    db
      .selectFrom("organisation as o")
      .leftJoin("organisation_tier as t", "t.ods_code", "o.ods_code")
      .select([
        "o.trust_type as trustType",
        sql<number>`count(*)::int`.as("trusts"),
        ...tierColumns(tiers, "t.attained_tier"),
      ])
      .groupBy("o.trust_type")
      .orderBy("o.trust_type")
      .execute(),
    db
      .selectFrom("adoption_record")
      .select([
        sql<number>`count(*)::int`.as("records"),
        sql<number>`(count(*) filter (where validation_state = 'validated'))::int`.as("validated"),
      ])
      .executeTakeFirstOrThrow(),
  ]);
  return countsOf(tiers, totals, epr, byType, records);
}

/** What a frozen snapshot holds, counted over `tiers` tiers. */
export async function frozenSnapshotCounts(
  db: Kysely<DB>,
  period: string,
  tiers: number,
): Promise<SnapshotCounts> {
  const [totals, epr, byType, records] = await Promise.all([
    db
      .selectFrom("snapshot_organisation")
      .select([sql<number>`count(*)::int`.as("trusts"), ...tierColumns(tiers, "attained_tier")])
      .where("period", "=", period)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom("snapshot_organisation")
      .select(["epr_status as status", sql<number>`count(*)::int`.as("count")])
      .where("period", "=", period)
      .groupBy("epr_status")
      .execute(),
    db
      .selectFrom("snapshot_organisation")
      .select([
        "trust_type as trustType",
        sql<number>`count(*)::int`.as("trusts"),
        ...tierColumns(tiers, "attained_tier"),
      ])
      .where("period", "=", period)
      .groupBy("trust_type")
      .orderBy("trust_type")
      .execute(),
    db
      .selectFrom("snapshot_adoption")
      .select([
        sql<number>`count(*)::int`.as("records"),
        sql<number>`(count(*) filter (where validation_state = 'validated'))::int`.as("validated"),
      ])
      .where("period", "=", period)
      .executeTakeFirstOrThrow(),
  ]);
  return countsOf(tiers, totals, epr, byType, records);
}

/**
 * Serialise freezes of any period for the rest of the transaction: a second freeze waits, then finds
 * the first one's row.
 */
export async function lockSnapshots(db: Kysely<DB>) {
  await sql`lock table snapshot in share row exclusive mode`.execute(db);
}

/** Remove a period's preview snapshot and what it holds (the database refuses this for a published one). */
export async function deleteSnapshot(db: Kysely<DB>, period: string) {
  await db.deleteFrom("snapshot").where("period", "=", period).execute();
}

/**
 * Copy every trust's registry facts, ICB as at `icbAsOf`, tier and adoption levels into a new preview
 * snapshot of the period.
 */
export async function copyIntoSnapshot(
  db: Kysely<DB>,
  s: { period: string; frameworkVersion: number; frozenBy: string; icbAsOf: string },
) {
  await db
    .insertInto("snapshot")
    .values({
      period: s.period,
      status: "preview",
      framework_version: s.frameworkVersion,
      frozen_by: s.frozenBy,
    })
    .execute();
  await sql`
    insert into snapshot_organisation
      (period, ods_code, trust_type, region, icb_code, epr_status, epr_supplier, attained_tier, progress_to_next)
    select ${s.period}, o.ods_code, o.trust_type, o.region, m.icb_code, o.epr_status, o.epr_supplier,
           coalesce(t.attained_tier, 0), coalesce(t.progress_to_next, 0)
    from organisation o
    left join organisation_icb m on m.ods_code = o.ods_code and m.valid_from <= ${s.icbAsOf}::date
      and (m.valid_to is null or m.valid_to >= ${s.icbAsOf}::date)
    left join organisation_tier t on t.ods_code = o.ods_code`.execute(db);
  await sql`
    insert into snapshot_adoption
      (period, ods_code, functionality_code, level, coverage_pct, usage_numerator, usage_denominator, validation_state)
    select ${s.period}, ods_code, functionality_code, level, coverage_pct, usage_numerator, usage_denominator,
           validation_state
    from adoption_record`.execute(db);
}

/** Publish a period's snapshot; from then on the database refuses any change to it. */
export async function publishSnapshotRows(db: Kysely<DB>, period: string) {
  await db
    .updateTable("snapshot")
    .set({ status: "published", published_at: sql`now()` })
    .where("period", "=", period)
    .execute();
}

/** How many trusts a snapshot holds. */
export async function snapshotTrustCount(db: Kysely<DB>, period: string): Promise<number> {
  const row = await db
    .selectFrom("snapshot_organisation")
    .select(sql<number>`count(*)::int`.as("trusts"))
    .where("period", "=", period)
    .executeTakeFirstOrThrow();
  return Number(row.trusts);
}

export interface OpenAdoptionRow {
  period: string;
  frameworkVersion: number;
  odsCode: string;
  functionalityCode: string;
  level: number;
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
  validationState: string;
}

/** A published snapshot's adoption levels, one row per trust and functionality, keyed on ODS code. */
export async function snapshotAdoptionRows(
  db: Kysely<DB>,
  period: string,
  filter: { odsCode?: string | undefined; functionalityCode?: string | undefined } = {},
): Promise<OpenAdoptionRow[]> {
  let q = db
    .selectFrom("snapshot_adoption as a")
    .innerJoin("snapshot as s", "s.period", "a.period")
    .select([
      "a.period",
      "s.framework_version as frameworkVersion",
      "a.ods_code as odsCode",
      "a.functionality_code as functionalityCode",
      "a.level",
      "a.coverage_pct as coveragePct",
      "a.usage_numerator as usageNumerator",
      "a.usage_denominator as usageDenominator",
      "a.validation_state as validationState",
    ])
    .where("a.period", "=", period)
    .where("s.status", "=", "published")
    .orderBy("a.ods_code")
    .orderBy("a.functionality_code");
  if (filter.odsCode) q = q.where("a.ods_code", "=", filter.odsCode);
  if (filter.functionalityCode) q = q.where("a.functionality_code", "=", filter.functionalityCode);
  return q.execute();
}

export interface OpenGroupRow {
  period: string;
  frameworkVersion: number;
  group: string | null;
  trusts: number;
  /** Trusts of the group whose figures are withheld because they also sit in a small group. */
  withheldTrusts: number;
  /** True when the group has fewer trusts than the threshold: its breakdown is withheld. */
  suppressed: boolean;
  eprLive: number | null;
  tierCounts: number[] | null;
}

/** A published snapshot's trusts with the groups open data counts them by. */
async function openDataTrusts(db: Kysely<DB>, period: string): Promise<OpenDataTrust[]> {
  const rows = await db
    .selectFrom("snapshot_organisation as so")
    .innerJoin("snapshot as s", "s.period", "so.period")
    .select([
      "so.ods_code as odsCode",
      "so.region",
      "so.icb_code as icb",
      "so.trust_type as trustType",
      "so.epr_supplier as supplier",
      "so.epr_status as eprStatus",
      "so.attained_tier as attainedTier",
    ])
    .where("so.period", "=", period)
    .where("s.status", "=", "published")
    .execute();
  return rows.map((r) => ({
    odsCode: r.odsCode,
    groups: { region: r.region, icb: r.icb, trustType: r.trustType, supplier: r.supplier },
    attainedTier: Number(r.attainedTier ?? 0),
    eprLive: r.eprStatus === "live",
  }));
}

/** The ODS codes whose per-trust rows a published snapshot withholds (see the domain's `withheldTrusts`). */
export async function snapshotWithheldTrusts(
  db: Kysely<DB>,
  period: string,
  suppressBelow: number,
): Promise<Set<string>> {
  return withheldTrusts(await openDataTrusts(db, period), suppressBelow);
}

/**
 * A published snapshot counted by group, with the domain's small-number suppression: a group of fewer
 * than `suppressBelow` trusts shows only how many trusts it has, and other groups count only the trusts
 * whose own rows are published, so no small group's figures can be recovered by differencing.
 */
export async function snapshotGroups(
  db: Kysely<DB>,
  period: string,
  dimension: OpenDataDimension,
  suppressBelow: number,
): Promise<OpenGroupRow[]> {
  const framework = await currentFramework(db);
  const header = await publishedSnapshot(db, period);
  if (!header) return [];
  const trusts = await openDataTrusts(db, period);
  return openDataGroups(trusts, dimension, suppressBelow, framework.tiers.length).map((g) => ({
    period,
    frameworkVersion: header.frameworkVersion,
    ...g,
  }));
}
