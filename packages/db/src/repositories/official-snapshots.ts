import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

/** Each trust's type, for scoring submitted copies. */
export async function trustTypeByCode(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom("organisation").select(["ods_code", "trust_type"]).execute();
  return new Map(rows.map((r) => [r.ods_code, r.trust_type]));
}

/** How many trusts there are: those without an accepted return are counted apart from this. */
export async function organisationCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom("organisation")
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface OfficialTrustRow {
  odsCode: string;
  attainedTier: number;
  progressToNext: number;
}

export interface OfficialRecordRow {
  odsCode: string;
  functionalityCode: string;
  level: number;
  coveragePct: number | null;
  usageNumerator: number | null;
  usageDenominator: number | null;
  validationState: string;
}

/**
 * Write a snapshot built from accepted returns: its header (as a preview, with the return counts), one
 * row per trust with an accepted return (registry facts as they are, ICB as at `icbAsOf`), and the
 * records of each accepted copy. Trusts without an accepted return get no row.
 */
export async function insertOfficialSnapshot(
  db: Kysely<DB>,
  s: {
    period: string;
    frameworkVersion: number;
    frozenBy: string | null;
    icbAsOf: string;
    returnCounts: Record<string, number>;
    trusts: readonly OfficialTrustRow[];
    records: readonly OfficialRecordRow[];
  },
) {
  await db
    .insertInto("snapshot")
    .values({
      period: s.period,
      status: "preview",
      framework_version: s.frameworkVersion,
      frozen_by: s.frozenBy,
      return_counts: JSON.stringify(s.returnCounts),
    })
    .execute();
  if (s.trusts.length > 0) {
    await sql`
      insert into snapshot_organisation
        (period, ods_code, trust_type, region, icb_code, epr_status, epr_supplier, attained_tier, progress_to_next)
      select ${s.period}, o.ods_code, o.trust_type, o.region, m.icb_code, o.epr_status, o.epr_supplier,
             x."attainedTier", x."progressToNext"
      from jsonb_to_recordset(${JSON.stringify(s.trusts)}::jsonb)
        as x("odsCode" text, "attainedTier" int, "progressToNext" double precision)
      join organisation o on o.ods_code = x."odsCode"
      left join organisation_icb m on m.ods_code = o.ods_code and m.valid_from <= ${s.icbAsOf}::date
        and (m.valid_to is null or m.valid_to >= ${s.icbAsOf}::date)`.execute(db);
  }
  if (s.records.length > 0) {
    await sql`
      insert into snapshot_adoption
        (period, ods_code, functionality_code, level, coverage_pct, usage_numerator, usage_denominator, validation_state)
      select ${s.period}, x."odsCode", x."functionalityCode", x.level, x."coveragePct", x."usageNumerator",
             x."usageDenominator", x."validationState"
      from jsonb_to_recordset(${JSON.stringify(s.records)}::jsonb)
        as x("odsCode" text, "functionalityCode" text, level int, "coveragePct" double precision,
             "usageNumerator" integer, "usageDenominator" integer, "validationState" text)`.execute(db);
  }
}

/** The return counts a snapshot was frozen with (null for snapshots from before they were kept). */
export async function snapshotReturnCounts(db: Kysely<DB>, period: string) {
  const row = await db
    .selectFrom("snapshot")
    .select("return_counts")
    .where("period", "=", period)
    .executeTakeFirst();
  const value = row?.return_counts;
  return (typeof value === "string" ? JSON.parse(value) : value) as Record<string, number> | null;
}

export interface OfficialTier {
  period: string;
  attainedTier: number;
  progressToNext: number;
}

/**
 * Each trust's tier in the latest published quarter in which it had an accepted return: the figure the
 * public sees. Trusts never in a published snapshot are absent.
 */
export async function latestOfficialTiers(
  db: Kysely<DB>,
  odsCode?: string,
): Promise<Map<string, OfficialTier>> {
  let q = db
    .selectFrom("snapshot_organisation as so")
    .innerJoin("snapshot as s", "s.period", "so.period")
    .select(["so.ods_code", "so.period", "so.attained_tier", "so.progress_to_next"])
    .distinctOn("so.ods_code")
    .where("s.status", "=", "published")
    // Quarters only ("2026/27 Q2"): within one kind, period text sorts in time order.
    .where("so.period", "like", "% Q_")
    .orderBy("so.ods_code")
    .orderBy("so.period", "desc");
  if (odsCode) q = q.where("so.ods_code", "=", odsCode);
  const rows = await q.execute();
  return new Map(
    rows.map((r) => [
      r.ods_code,
      { period: r.period, attainedTier: r.attained_tier, progressToNext: r.progress_to_next },
    ]),
  );
}
