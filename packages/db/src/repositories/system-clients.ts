import type { Kysely } from "kysely";
import type { DB } from "../schema.js";

export interface SystemClientRow {
  clientId: string;
  odsCode: string;
  name: string;
  createdBy: string | null;
  createdAt: Date;
  revokedAt: Date | null;
  /** Set while the trust's approver has paused the feed. */
  pausedAt: Date | null;
}

const clientColumns = [
  "id as clientId",
  "ods_code as odsCode",
  "name",
  "created_by as createdBy",
  "created_at as createdAt",
  "revoked_at as revokedAt",
  "paused_at as pausedAt",
] as const;

export async function insertSystemClient(
  db: Kysely<DB>,
  row: { id: string; odsCode: string; name: string; secretHash: string; createdBy: string },
): Promise<SystemClientRow> {
  return db
    .insertInto("system_client")
    .values({
      id: row.id,
      ods_code: row.odsCode,
      name: row.name,
      secret_hash: row.secretHash,
      created_by: row.createdBy,
    })
    .returning(clientColumns)
    .executeTakeFirstOrThrow();
}

/** A trust's system clients, newest first, revoked ones included (they still name past reports). */
export async function systemClientsOf(db: Kysely<DB>, odsCode: string): Promise<SystemClientRow[]> {
  return db
    .selectFrom("system_client")
    .select(clientColumns)
    .where("ods_code", "=", odsCode)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
}

/** One client with its secret's hash, for checking credentials; undefined when there is none. */
export async function systemClientWithSecret(db: Kysely<DB>, clientId: string) {
  return db
    .selectFrom("system_client")
    .select([...clientColumns, "secret_hash as secretHash"])
    .where("id", "=", clientId)
    .executeTakeFirst();
}

export async function revokeSystemClient(db: Kysely<DB>, clientId: string, at: Date): Promise<void> {
  await db.updateTable("system_client").set({ revoked_at: at }).where("id", "=", clientId).execute();
  await db.deleteFrom("system_token").where("client_id", "=", clientId).execute();
}

/** Pause (a date) or resume (null) a client; its tokens are kept and refused while it is paused. */
export async function setSystemClientPaused(
  db: Kysely<DB>,
  clientId: string,
  at: Date | null,
): Promise<void> {
  await db.updateTable("system_client").set({ paused_at: at }).where("id", "=", clientId).execute();
}

export async function insertSystemToken(
  db: Kysely<DB>,
  row: { hash: string; clientId: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("system_token")
    .values({ hash: row.hash, client_id: row.clientId, expires_at: row.expiresAt })
    .execute();
}

/** The client a token hash belongs to, with the token's expiry; undefined for an unknown token. */
export async function systemClientOfToken(db: Kysely<DB>, hash: string) {
  return db
    .selectFrom("system_token")
    .innerJoin("system_client", "system_client.id", "system_token.client_id")
    .select([
      "system_client.id as clientId",
      "system_client.ods_code as odsCode",
      "system_client.name as name",
      "system_client.revoked_at as revokedAt",
      "system_client.paused_at as pausedAt",
      "system_token.expires_at as expiresAt",
    ])
    .where("system_token.hash", "=", hash)
    .executeTakeFirst();
}

/** Tokens past their expiry are of no use to anyone; a token request tidies them away. */
export async function deleteExpiredSystemTokens(db: Kysely<DB>, now: Date): Promise<void> {
  await db.deleteFrom("system_token").where("expires_at", "<", now).execute();
}

export interface MeasureReportReceipt {
  identifier: string;
  clientId: string;
  odsCode: string;
  functionalityCode: string;
  measure: string;
  periodStart: string;
  periodEnd: string;
  receivedAt: Date;
  outcome: unknown;
}

const receiptColumns = [
  "identifier",
  "client_id as clientId",
  "ods_code as odsCode",
  "functionality_code as functionalityCode",
  "measure",
  "period_start as periodStart",
  "period_end as periodEnd",
  "received_at as receivedAt",
  "outcome",
] as const;

export async function findMeasureReportReceipt(
  db: Kysely<DB>,
  identifier: string,
): Promise<MeasureReportReceipt | undefined> {
  return db
    .selectFrom("measure_report_receipt")
    .select(receiptColumns)
    .where("identifier", "=", identifier)
    .executeTakeFirst();
}

export async function insertMeasureReportReceipt(
  db: Kysely<DB>,
  row: Omit<MeasureReportReceipt, "receivedAt">,
): Promise<void> {
  await db
    .insertInto("measure_report_receipt")
    .values({
      identifier: row.identifier,
      client_id: row.clientId,
      ods_code: row.odsCode,
      functionality_code: row.functionalityCode,
      measure: row.measure,
      period_start: row.periodStart,
      period_end: row.periodEnd,
      outcome: JSON.stringify(row.outcome),
    })
    .execute();
}

/** The latest report received for a record, with the client's name: where its figures came from. */
export async function latestMeasureReportFor(db: Kysely<DB>, odsCode: string, functionalityCode: string) {
  return db
    .selectFrom("measure_report_receipt")
    .innerJoin("system_client", "system_client.id", "measure_report_receipt.client_id")
    .select([
      ...receiptColumns.map((c) => `measure_report_receipt.${c}` as const),
      "system_client.name as clientName",
    ])
    .where("measure_report_receipt.ods_code", "=", odsCode)
    .where("measure_report_receipt.functionality_code", "=", functionalityCode)
    .orderBy("measure_report_receipt.received_at", "desc")
    .executeTakeFirst();
}
