import { type Kysely, sql } from "kysely";
import type { DB, ReturnStatus } from "../schema.js";

/**
 * Hold a trust's row exclusively until the transaction ends. Every change to the trust's records holds
 * it in share mode first, so a submission waits for writes in flight and writes queue behind it: the copy
 * a submission stores is exactly what the records were when it committed.
 */
export async function lockTrustForSubmission(db: Kysely<DB>, odsCode: string): Promise<boolean> {
  const r = await sql<{
    ods_code: string;
  }>`select ods_code from organisation where ods_code = ${odsCode} for update`.execute(db);
  return r.rows.length > 0;
}

export interface SubmissionCopy {
  odsCode: string;
  period: string;
  frameworkVersion: number;
  /** Canonical JSON of the copy (records, register, plan). */
  contentJson: string;
  digest: string;
  submittedBy: string | null;
}

/** Store a submission as it was sent; returns its number within the return (1, 2… after send-backs). */
export async function insertSubmission(db: Kysely<DB>, s: SubmissionCopy): Promise<number> {
  const row = await db
    .insertInto("return_submission")
    .values((eb) => ({
      ods_code: s.odsCode,
      period: s.period,
      seq: eb
        .selectFrom("return_submission")
        .select(sql<number>`coalesce(max(seq), 0) + 1`.as("next"))
        .where("ods_code", "=", s.odsCode)
        .where("period", "=", s.period),
      framework_version: s.frameworkVersion,
      content: s.contentJson,
      digest: s.digest,
      submitted_by: s.submittedBy,
    }))
    .returning("seq")
    .executeTakeFirstOrThrow();
  return row.seq;
}

/** Point the return at the submission under review. */
export async function setReturnSubmission(db: Kysely<DB>, odsCode: string, period: string, seq: number) {
  await db
    .updateTable("trust_return")
    .set({ submission_seq: seq })
    .where("ods_code", "=", odsCode)
    .where("period", "=", period)
    .execute();
}

export interface StoredSubmission {
  seq: number;
  frameworkVersion: number;
  content: unknown;
  digest: string;
  submittedBy: string | null;
  submittedAt: Date;
}

/** The submission a return points at (the one reviewed, or accepted), or undefined. */
export async function currentSubmission(
  db: Kysely<DB>,
  odsCode: string,
  period: string,
): Promise<StoredSubmission | undefined> {
  return db
    .selectFrom("return_submission as s")
    .innerJoin("trust_return as r", (j) =>
      j
        .onRef("r.ods_code", "=", "s.ods_code")
        .onRef("r.period", "=", "s.period")
        .onRef("r.submission_seq", "=", "s.seq"),
    )
    .select([
      "s.seq",
      "s.framework_version as frameworkVersion",
      "s.content",
      "s.digest",
      "s.submitted_by as submittedBy",
      "s.submitted_at as submittedAt",
    ])
    .where("s.ods_code", "=", odsCode)
    .where("s.period", "=", period)
    .executeTakeFirst();
}

/** Every trust's accepted submission for a period: what official figures are built from. */
export async function acceptedSubmissions(db: Kysely<DB>, period: string) {
  return db
    .selectFrom("trust_return as r")
    .innerJoin("return_submission as s", (j) =>
      j
        .onRef("s.ods_code", "=", "r.ods_code")
        .onRef("s.period", "=", "r.period")
        .onRef("s.seq", "=", "r.submission_seq"),
    )
    .select(["r.ods_code as odsCode", "s.framework_version as frameworkVersion", "s.content", "s.digest"])
    .where("r.period", "=", period)
    .where("r.status", "=", "accepted")
    .orderBy("r.ods_code")
    .execute();
}

/**
 * Mark validated exactly the live records whose version is the one the accepted copy holds; a
 * system-reported record keeps its state (domain `stateOnAcceptance`).
 */
export async function validateRecordsAtVersions(
  db: Kysely<DB>,
  odsCode: string,
  versions: ReadonlyArray<{ functionalityCode: string; version: number }>,
): Promise<number> {
  let validated = 0;
  for (const v of versions) {
    const r = await db
      .updateTable("adoption_record")
      .set({ validation_state: "validated" })
      .where("ods_code", "=", odsCode)
      .where("functionality_code", "=", v.functionalityCode)
      .where("version", "=", v.version)
      .where("validation_state", "!=", "system_reported")
      .executeTakeFirst();
    validated += Number(r.numUpdatedRows);
  }
  return validated;
}

/** A return from an earlier quarter with the one submission it was decided on (demo history). */
export interface HistoricReturn {
  odsCode: string;
  period: string;
  status: ReturnStatus;
  frameworkVersion: number;
  /** Canonical JSON of what was sent: the return's payload and its submission's content. */
  contentJson: string;
  digest: string;
  submittedBy: string | null;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string | null;
}

/** Rows per statement: each carries two copies of a trust's records, register and plan. */
const HISTORIC_CHUNK = 100;

/**
 * Returns of earlier quarters, each pointing at its first (and only) submission, many rows a statement:
 * the demo history is some 750 returns, and a first start waited on three statements for each.
 */
export async function insertHistoricReturns(db: Kysely<DB>, returns: readonly HistoricReturn[]) {
  for (let i = 0; i < returns.length; i += HISTORIC_CHUNK) {
    const chunk = returns.slice(i, i + HISTORIC_CHUNK);
    await db
      .insertInto("trust_return")
      .values(
        chunk.map((r) => ({
          ods_code: r.odsCode,
          period: r.period,
          status: r.status,
          framework_version: r.frameworkVersion,
          payload: r.contentJson,
          submitted_by: r.submittedBy,
          submitted_at: r.submittedAt,
          decided_by: r.decidedBy,
          decided_at: r.decidedAt,
          comment: r.comment,
          version: r.decidedAt ? 2 : 1,
          submission_seq: 1,
        })),
      )
      .execute();
    // The submission's content is the payload just stored: copied inside the database, not sent and
    // parsed a second time.
    const sent = sql.join(
      chunk.map((r) => sql`(${r.odsCode}, ${r.period}, ${r.digest}, ${r.submittedBy}::text)`),
    );
    await sql`
      insert into return_submission (ods_code, period, seq, framework_version, content, digest, submitted_by)
      select r.ods_code, r.period, 1, r.framework_version, r.payload, x.digest, x.submitted_by
      from (values ${sent}) as x(ods_code, period, digest, submitted_by)
      join trust_return r on r.ods_code = x.ods_code and r.period = x.period`.execute(db);
  }
}
