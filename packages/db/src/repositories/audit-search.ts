import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";
import type { AuditRow } from "./audit.js";

/** What the national audit log is filtered by; every field narrows the search. */
export interface AuditSearchFilter {
  odsCode?: string | undefined;
  /** Part of the actor's email, any case. */
  actor?: string | undefined;
  /** An area of actions: "return" matches return.submit, return.accept… */
  actionArea?: string | undefined;
  /** First and last day, inclusive (ISO dates, UTC). */
  from?: string | undefined;
  to?: string | undefined;
  /** Only trusts in this list (an overseer's scope); rows for no trust are left out. */
  odsCodes?: readonly string[] | undefined;
  /** Rows older than this id (the keyset cursor of the previous page). */
  beforeId?: string | undefined;
  limit: number;
}

function likeEscaped(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of audit rows, newest first, by keyset on the id (stable while rows are appended). */
export async function searchAudit(db: Kysely<DB>, filter: AuditSearchFilter): Promise<AuditRow[]> {
  let q = db
    .selectFrom("audit_log")
    .select([
      sql<string>`id::text`.as("id"),
      "at",
      "actor_email as actorEmail",
      "action",
      "entity",
      "entity_key as entityKey",
      "ods_code as odsCode",
      "before",
      "after",
    ])
    // The table's bigint, not the text of the select list's "id" (which sorts "9" above "10"), so the order
    // is the keyset's order and no page skips or repeats a row.
    .orderBy(sql`audit_log.id`, "desc")
    .limit(filter.limit);
  if (filter.odsCode) q = q.where("ods_code", "=", filter.odsCode);
  if (filter.odsCodes) q = q.where("ods_code", "in", filter.odsCodes.length ? [...filter.odsCodes] : [""]);
  if (filter.actor)
    q = q.where(sql<boolean>`lower(actor_email) like ${`%${likeEscaped(filter.actor.toLowerCase())}%`}`);
  if (filter.actionArea)
    q = q.where((eb) =>
      eb.or([
        eb("action", "=", filter.actionArea!),
        eb("action", "like", `${likeEscaped(filter.actionArea!)}.%`),
      ]),
    );
  if (filter.from) q = q.where("at", ">=", new Date(`${filter.from}T00:00:00Z`));
  if (filter.to) q = q.where("at", "<", new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000));
  if (filter.beforeId) q = q.where(sql<boolean>`id < ${filter.beforeId}::bigint`);
  return q.execute();
}

/** Names of the trusts with these ODS codes. */
export async function organisationNames(
  db: Kysely<DB>,
  odsCodes: readonly string[],
): Promise<Map<string, string>> {
  if (odsCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom("organisation")
    .select(["ods_code", "name"])
    .where("ods_code", "in", [...odsCodes])
    .execute();
  return new Map(rows.map((r) => [r.ods_code, r.name]));
}
