import type { Kysely, Transaction } from "kysely";
import type { DB } from "../schema.js";

/** Who did something; null actor means the system (seed, migration). */
export interface Actor {
  userId: string;
  email: string;
}

export interface AuditEntry {
  action: string;
  entity: string;
  entityKey: string;
  odsCode?: string | null;
  before?: unknown;
  after?: unknown;
}

/** An audit row's columns (the chain columns are the database's to set). */
export function auditColumns(actor: Actor | null, entry: AuditEntry) {
  return {
    actor_id: actor?.userId ?? null,
    actor_email: actor?.email ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_key: entry.entityKey,
    ods_code: entry.odsCode ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}

/** Append an audit row inside the caller's transaction, so the change and its record commit together. */
export async function writeAudit(
  trx: Transaction<DB> | Kysely<DB>,
  actor: Actor | null,
  entry: AuditEntry,
): Promise<void> {
  await trx.insertInto("audit_log").values(auditColumns(actor, entry)).execute();
}

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityKey: string;
  odsCode: string | null;
  before: unknown;
  after: unknown;
}

/** Audit rows for an entity key (newest first), or for a trust. */
export async function auditTrail(
  db: Kysely<DB>,
  filter: { entity?: string; entityKey?: string; odsCode?: string; limit?: number },
): Promise<AuditRow[]> {
  let q = db
    .selectFrom("audit_log")
    .select([
      "id",
      "at",
      "actor_email as actorEmail",
      "action",
      "entity",
      "entity_key as entityKey",
      "ods_code as odsCode",
      "before",
      "after",
    ])
    .orderBy("id", "desc")
    .limit(filter.limit ?? 200);
  if (filter.entity) q = q.where("entity", "=", filter.entity);
  if (filter.entityKey) q = q.where("entity_key", "=", filter.entityKey);
  if (filter.odsCode) q = q.where("ods_code", "=", filter.odsCode);
  return q.execute();
}
