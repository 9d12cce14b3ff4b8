import type { BenefitLine, BenefitLineFields } from "@realise/domain";
import { periodRange } from "@realise/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

export interface BenefitActualRow {
  period: string;
  value: number;
  source: string | null;
  recordedAt: string;
  recordedBy: string | null;
}

/** A stored register line: the domain's line plus its version and who last changed it. */
export interface BenefitLineRow extends BenefitLineFields {
  id: string;
  odsCode: string;
  actuals: BenefitActualRow[];
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
  /** When, by whom and why the line was withdrawn; null while it counts. */
  withdrawn: { at: string; by: string | null; reason: string } | null;
}

/** Which lines to read: those that count (the default), withdrawn ones too, or only withdrawn ones. */
export type WithdrawnLines = "exclude" | "include" | "only";

const json = <T>(v: unknown): T => (typeof v === "string" ? JSON.parse(v) : v) as T;

function lineSelect(db: Kysely<DB>) {
  return db
    .selectFrom("benefit_line")
    .select([
      "id",
      "ods_code",
      "benefit_type_code",
      "title",
      "benefit_class",
      "is_disbenefit",
      "owner",
      "metric",
      "unit",
      "direction",
      "baseline_value",
      "baseline_date",
      "baseline_source",
      "target_value",
      "target_date",
      "trajectory",
      "confidence",
      "status",
      "enabling_functionalities",
      "full_year_value_gbp",
      "attribution_pct",
      "double_count_group",
      "evidence",
      "version",
      "updated_at",
      "updated_by",
      "withdrawn_at",
      "withdrawn_by",
      "withdrawn_reason",
    ]);
}

/**
 * Register lines with their actuals (oldest period first); all trusts when odsCode is null. Withdrawn lines
 * are left out unless asked for, so no total, forecast, return or national figure counts them.
 */
export async function benefitLines(
  db: Kysely<DB>,
  odsCode: string | null,
  ids?: readonly string[],
  withdrawn: WithdrawnLines = "exclude",
): Promise<BenefitLineRow[]> {
  let q = lineSelect(db).orderBy("ods_code").orderBy("created_at").orderBy("id");
  if (odsCode !== null) q = q.where("ods_code", "=", odsCode);
  if (withdrawn === "exclude") q = q.where("withdrawn_at", "is", null);
  if (withdrawn === "only") q = q.where("withdrawn_at", "is not", null);
  if (ids) {
    if (ids.length === 0) return [];
    q = q.where("id", "in", ids);
  }
  let aq = db
    .selectFrom("benefit_actual as a")
    .innerJoin("benefit_line as l", "l.id", "a.benefit_id")
    .select([
      "a.benefit_id",
      "a.period",
      "a.value",
      "a.source",
      // Printed by the database as Date#toISOString prints it (UTC, milliseconds truncated): across all
      // trusts there are hundreds of thousands of actuals, and parsing each timestamp into a Date only to
      // print it back was a third of the national benefits' (and the national report's) time.
      sql<string>`to_char(a.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`.as(
        "recorded_at",
      ),
      "a.recorded_by",
    ])
    .orderBy("a.benefit_id")
    .orderBy("a.period");
  if (odsCode !== null) aq = aq.where("l.ods_code", "=", odsCode);
  if (ids) aq = aq.where("a.benefit_id", "in", ids);
  if (withdrawn === "exclude") aq = aq.where("l.withdrawn_at", "is", null);
  if (withdrawn === "only") aq = aq.where("l.withdrawn_at", "is not", null);
  // All trusts' lines carry hundreds of thousands of actuals over a few dozen periods: each period's end is
  // worked out once for the sort below, not at every comparison.
  const ends = new Map<string, string>();
  const endOf = (period: string) => {
    let end = ends.get(period);
    if (end === undefined) {
      end = periodRange(period).end;
      ends.set(period, end);
    }
    return end;
  };
  // The two reads are independent (the actuals' query filters its lines itself), so the database works on
  // the actuals while the lines are decoded: at national scale both are large.
  const [rows, actualRows] = await Promise.all([q.execute(), aq.execute()]);
  if (rows.length === 0) return [];
  const actuals = new Map<string, BenefitActualRow[]>();
  for (const a of actualRows) {
    const list = actuals.get(a.benefit_id) ?? [];
    list.push({
      period: a.period,
      value: a.value,
      source: a.source,
      recordedAt: a.recorded_at,
      recordedBy: a.recorded_by,
    });
    actuals.set(a.benefit_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    odsCode: r.ods_code,
    benefitTypeCode: r.benefit_type_code,
    title: r.title,
    benefitClass: r.benefit_class as BenefitLine["benefitClass"],
    isDisbenefit: r.is_disbenefit,
    owner: r.owner,
    metric: r.metric,
    unit: r.unit,
    direction: r.direction as BenefitLine["direction"],
    baseline: { value: r.baseline_value, date: r.baseline_date, source: r.baseline_source },
    target: { value: r.target_value, date: r.target_date },
    trajectory: json<BenefitLine["trajectory"]>(r.trajectory),
    actuals: (actuals.get(r.id) ?? []).sort((x, y) => (endOf(x.period) < endOf(y.period) ? -1 : 1)),
    confidence: r.confidence as BenefitLine["confidence"],
    status: r.status as BenefitLine["status"],
    enablingFunctionalities: json<string[]>(r.enabling_functionalities),
    fullYearValueGbp: r.full_year_value_gbp,
    attributionPct: r.attribution_pct,
    doubleCountGroup: r.double_count_group,
    evidence: r.evidence,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    withdrawn:
      r.withdrawn_at === null
        ? null
        : {
            at: new Date(r.withdrawn_at).toISOString(),
            by: r.withdrawn_by,
            reason: r.withdrawn_reason ?? "",
          },
  }));
}

function lineValues(fields: BenefitLineFields) {
  return {
    benefit_type_code: fields.benefitTypeCode,
    title: fields.title,
    benefit_class: fields.benefitClass,
    is_disbenefit: fields.isDisbenefit,
    owner: fields.owner,
    metric: fields.metric,
    unit: fields.unit,
    direction: fields.direction,
    baseline_value: fields.baseline.value,
    baseline_date: fields.baseline.date,
    baseline_source: fields.baseline.source,
    target_value: fields.target.value,
    target_date: fields.target.date,
    trajectory: JSON.stringify(fields.trajectory),
    confidence: fields.confidence,
    status: fields.status,
    enabling_functionalities: JSON.stringify(fields.enablingFunctionalities),
    full_year_value_gbp: fields.fullYearValueGbp,
    attribution_pct: fields.attributionPct,
    double_count_group: fields.doubleCountGroup,
    evidence: fields.evidence,
  };
}

/** Insert a register line at version 1. */
export async function insertBenefitLine(
  db: Kysely<DB>,
  line: { id: string; odsCode: string; fields: BenefitLineFields; updatedBy: string },
): Promise<void> {
  await db
    .insertInto("benefit_line")
    .values({ ...lineValues(line.fields), id: line.id, ods_code: line.odsCode, updated_by: line.updatedBy })
    .execute();
}

/** Overwrite a line's fields and set its version. */
export async function updateBenefitLineFields(
  db: Kysely<DB>,
  id: string,
  change: { fields: BenefitLineFields; version: number; updatedBy: string },
): Promise<void> {
  await db
    .updateTable("benefit_line")
    .set({
      ...lineValues(change.fields),
      version: change.version,
      updated_at: new Date(),
      updated_by: change.updatedBy,
    })
    .where("id", "=", id)
    .execute();
}

/** Set a line's version after a change to its actuals. */
export async function setBenefitLineVersion(
  db: Kysely<DB>,
  id: string,
  change: { version: number; updatedBy: string },
): Promise<void> {
  await db
    .updateTable("benefit_line")
    .set({ version: change.version, updated_at: new Date(), updated_by: change.updatedBy })
    .where("id", "=", id)
    .execute();
}

/** Withdraw a line: it stays for the history and leaves every total; its version moves on. */
export async function withdrawBenefitLine(
  db: Kysely<DB>,
  id: string,
  change: { version: number; by: string; reason: string },
): Promise<void> {
  const now = new Date();
  await db
    .updateTable("benefit_line")
    .set({
      withdrawn_at: now,
      withdrawn_by: change.by,
      withdrawn_reason: change.reason,
      version: change.version,
      updated_at: now,
      updated_by: change.by,
    })
    .where("id", "=", id)
    .execute();
}

/** Lock one line of a trust for the rest of the transaction; its version, or undefined when it has none. */
export async function lockBenefitLine(
  db: Kysely<DB>,
  odsCode: string,
  id: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom("benefit_line")
    .select("version")
    .where("id", "=", id)
    .where("ods_code", "=", odsCode)
    .forUpdate()
    .executeTakeFirst();
  return row?.version;
}

/** Lock every line of a trust for the rest of the transaction. */
export async function lockTrustBenefitLines(db: Kysely<DB>, odsCode: string): Promise<void> {
  await db.selectFrom("benefit_line").select("id").where("ods_code", "=", odsCode).forUpdate().execute();
}

/** Record a line's actual for a period, replacing one already there. */
export async function upsertBenefitActual(
  db: Kysely<DB>,
  actual: { benefitId: string; period: string; value: number; source: string | null; recordedBy: string },
): Promise<void> {
  const values = {
    value: actual.value,
    source: actual.source,
    recorded_at: new Date(),
    recorded_by: actual.recordedBy,
  };
  await db
    .insertInto("benefit_actual")
    .values({ benefit_id: actual.benefitId, period: actual.period, ...values })
    .onConflict((oc) => oc.columns(["benefit_id", "period"]).doUpdateSet(values))
    .execute();
}
