import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

/** Where a record's figures came from: the trust's own system, or a person. */
export type RecordSource =
  | { kind: "system"; name: string; at: Date; periodStart: string; periodEnd: string }
  | { kind: "person"; name: string | null; at: Date };

/**
 * The source of each of a trust's records, by functionality code: for a system-reported record the latest
 * report's client and when it was received, else the person who last changed it (their name when the
 * account still exists, else what the record kept). Two queries, whatever the number of records.
 */
export async function recordSources(db: Kysely<DB>, odsCode: string): Promise<Map<string, RecordSource>> {
  const [records, reports] = await Promise.all([
    db
      .selectFrom("adoption_record")
      .leftJoin("user", "user.email", "adoption_record.updated_by")
      .select([
        "adoption_record.functionality_code as code",
        "adoption_record.validation_state as state",
        "adoption_record.updated_at as at",
        "adoption_record.updated_by as by",
        "user.name as name",
      ])
      .where("adoption_record.ods_code", "=", odsCode)
      .execute(),
    db
      .selectFrom("measure_report_receipt")
      .innerJoin("system_client", "system_client.id", "measure_report_receipt.client_id")
      .select([
        "measure_report_receipt.functionality_code as code",
        "measure_report_receipt.received_at as at",
        "measure_report_receipt.period_start as periodStart",
        "measure_report_receipt.period_end as periodEnd",
        "system_client.name as name",
      ])
      .where("measure_report_receipt.ods_code", "=", odsCode)
      .orderBy("measure_report_receipt.received_at", "asc")
      .execute(),
  ]);
  const latestReport = new Map(reports.map((r) => [r.code, r]));
  const sources = new Map<string, RecordSource>();
  for (const r of records) {
    const report = latestReport.get(r.code);
    if (r.state === "system_reported" && report) {
      sources.set(r.code, {
        kind: "system",
        name: report.name,
        at: report.at,
        periodStart: String(report.periodStart).slice(0, 10),
        periodEnd: String(report.periodEnd).slice(0, 10),
      });
    } else {
      sources.set(r.code, { kind: "person", name: r.name ?? r.by, at: r.at });
    }
  }
  return sources;
}

/**
 * How many records each trust has that its own systems reported, for the trusts that have any. The partial
 * index of migration 0014 keeps this to the system-reported rows, whatever the number of trusts.
 */
export async function systemReportedCounts(db: Kysely<DB>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("adoption_record")
    .select(["ods_code as odsCode", db.fn.countAll<number>().as("n")])
    .where("validation_state", "=", "system_reported")
    .groupBy("ods_code")
    .execute();
  return new Map(rows.map((r) => [r.odsCode, Number(r.n)]));
}
