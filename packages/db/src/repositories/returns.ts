import { type ComparableRecord, LOCKING_STATUSES, lockingReturnOf } from "@realise/domain";
import { type Kysely, sql } from "kysely";
import type { DB, ReturnStatus } from "../schema.js";

/** A return as the API lists it, without the values it froze. */
export interface ReturnRow {
  odsCode: string;
  period: string;
  status: string;
  frameworkVersion: number;
  submittedBy: string | null;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
  version: number;
}

function returnSelect(db: Kysely<DB>) {
  return (
    db
      .selectFrom("trust_return")
      // Qualified, so the queue can join the organisation without ambiguous columns.
      .select([
        "trust_return.ods_code as odsCode",
        "trust_return.period",
        "trust_return.status",
        "trust_return.framework_version as frameworkVersion",
        "trust_return.submitted_by as submittedBy",
        "trust_return.submitted_at as submittedAt",
        "trust_return.decided_by as decidedBy",
        "trust_return.decided_at as decidedAt",
        "trust_return.comment",
        "trust_return.version",
      ])
  );
}

/** A trust's returns, newest period first. */
export async function returnsFor(db: Kysely<DB>, odsCode: string): Promise<ReturnRow[]> {
  return returnSelect(db).where("ods_code", "=", odsCode).orderBy("period", "desc").execute();
}

/** One return as listed, or undefined. */
export async function findReturn(db: Kysely<DB>, odsCode: string, period: string) {
  return returnSelect(db).where("ods_code", "=", odsCode).where("period", "=", period).executeTakeFirst();
}

/** One return's stored row, the values it froze included, or undefined. */
export async function returnWithPayload(db: Kysely<DB>, odsCode: string, period: string) {
  return db
    .selectFrom("trust_return")
    .selectAll()
    .where("ods_code", "=", odsCode)
    .where("period", "=", period)
    .executeTakeFirst();
}

/** Lock a trust's return for a period, so a second submission or decision waits for this one. */
export async function lockReturn(db: Kysely<DB>, odsCode: string, period: string) {
  return db
    .selectFrom("trust_return")
    .select(["status", "version"])
    .where("ods_code", "=", odsCode)
    .where("period", "=", period)
    .forUpdate()
    .executeTakeFirst();
}

/** What a submission stores: the trust's records frozen as a payload, under the framework in force. */
export interface ReturnSubmission {
  odsCode: string;
  period: string;
  frameworkVersion: number;
  payload: unknown;
  submittedBy: string;
}

/** Store a first submission for the period. */
export async function insertReturn(db: Kysely<DB>, s: ReturnSubmission) {
  await db
    .insertInto("trust_return")
    .values({
      ods_code: s.odsCode,
      period: s.period,
      status: "submitted",
      framework_version: s.frameworkVersion,
      payload: JSON.stringify(s.payload),
      submitted_by: s.submittedBy,
    })
    .execute();
}

/** Store a resubmission over a returned or unlocked return, clearing the previous decision. */
export async function resubmitReturn(db: Kysely<DB>, s: ReturnSubmission, version: number) {
  await db
    .updateTable("trust_return")
    .set({
      status: "submitted",
      payload: JSON.stringify(s.payload),
      framework_version: s.frameworkVersion,
      submitted_by: s.submittedBy,
      submitted_at: new Date(),
      decided_by: null,
      decided_at: null,
      version,
    })
    .where("ods_code", "=", s.odsCode)
    .where("period", "=", s.period)
    .execute();
}

/** Store the national team's decision on a return. */
export async function saveReturnDecision(
  db: Kysely<DB>,
  key: { odsCode: string; period: string },
  decision: { status: ReturnStatus; decidedBy: string; comment: string | null; version: number },
) {
  await db
    .updateTable("trust_return")
    .set({
      status: decision.status,
      decided_by: decision.decidedBy,
      decided_at: sql`now()`,
      comment: decision.comment,
      version: decision.version,
    })
    .where("ods_code", "=", key.odsCode)
    .where("period", "=", key.period)
    .execute();
}

/** Returns in a state (submitted by default), optionally for one period, oldest submission first. */
export async function queuedReturns(
  db: Kysely<DB>,
  filter: { period?: string | undefined; status?: ReturnStatus | undefined } = {},
) {
  let q = returnSelect(db)
    .innerJoin("organisation as o", "o.ods_code", "trust_return.ods_code")
    .select(["o.name", "o.trust_type as trustType", "o.region"])
    .where("trust_return.status", "=", filter.status ?? "submitted")
    .orderBy("trust_return.submitted_at");
  if (filter.period) q = q.where("trust_return.period", "=", filter.period);
  return q.execute();
}

/** Each period that has returns, with how many are in each state (in no particular order). */
export async function returnCountsByPeriod(db: Kysely<DB>) {
  const rows = await db
    .selectFrom("trust_return")
    .select([
      "period",
      sql<number>`(count(*) filter (where status = 'submitted'))::int`.as("submitted"),
      sql<number>`(count(*) filter (where status = 'accepted'))::int`.as("accepted"),
      sql<number>`(count(*) filter (where status = 'returned'))::int`.as("returned"),
      sql<number>`(count(*) filter (where status = 'unlocked'))::int`.as("unlocked"),
    ])
    .groupBy("period")
    .execute();
  return rows.map((r) => ({
    period: r.period,
    submitted: Number(r.submitted),
    accepted: Number(r.accepted),
    returned: Number(r.returned),
    unlocked: Number(r.unlocked),
  }));
}

/** The trust a return is about, as the reviewer's comparison shows it. */
export async function returnTrust(db: Kysely<DB>, odsCode: string) {
  return db
    .selectFrom("organisation")
    .select(["ods_code as odsCode", "name", "trust_type as trustType", "region"])
    .where("ods_code", "=", odsCode)
    .executeTakeFirstOrThrow();
}

/** A period's returns counted by state. */
export async function returnCounts(db: Kysely<DB>, period: string) {
  const rows = await db
    .selectFrom("trust_return")
    .select(["status", sql<number>`count(*)::int`.as("count")])
    .where("period", "=", period)
    .groupBy("status")
    .orderBy("status")
    .execute();
  return rows.map((r) => ({ status: r.status, count: Number(r.count) }));
}

/**
 * The return that locks a trust's records today, if any. Which states lock, and when, is the domain's
 * rule (`locksRecords`); this only reads the trust's returns that could.
 */
export async function lockingReturn(
  db: Kysely<DB>,
  odsCode: string,
  today = new Date(),
): Promise<{ period: string; status: string } | undefined> {
  const candidates = await db
    .selectFrom("trust_return")
    .select(["period", "status"])
    .where("ods_code", "=", odsCode)
    .where("status", "in", [...LOCKING_STATUSES])
    .orderBy("period")
    .execute();
  return lockingReturnOf(candidates, today);
}

/** The records a return's payload froze. */
export function payloadRecords(payload: unknown): ComparableRecord[] {
  const p = typeof payload === "string" ? JSON.parse(payload) : payload;
  return ((p as { records?: ComparableRecord[] })?.records ?? []) as ComparableRecord[];
}

/** A trust's published snapshot figures for a period (empty when none is published). */
export async function publishedSnapshotRecords(
  db: Kysely<DB>,
  odsCode: string,
  period: string,
): Promise<ComparableRecord[]> {
  return db
    .selectFrom("snapshot_adoption as a")
    .innerJoin("snapshot as s", "s.period", "a.period")
    .select([
      "a.functionality_code as functionalityCode",
      "a.level",
      "a.coverage_pct as coveragePct",
      "a.usage_numerator as usageNumerator",
      "a.usage_denominator as usageDenominator",
    ])
    .where("a.period", "=", period)
    .where("a.ods_code", "=", odsCode)
    .where("s.status", "=", "published")
    .execute();
}
