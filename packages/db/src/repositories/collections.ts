import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

export interface CollectionRow {
  period: string;
  opensOn: string;
  dueOn: string;
  frameworkVersion: number;
  openedBy: string | null;
  openedAt: Date;
}

function selectCollection(db: Kysely<DB>) {
  return db
    .selectFrom("collection")
    .select([
      "period",
      "opens_on as opensOn",
      "due_on as dueOn",
      "framework_version as frameworkVersion",
      "opened_by as openedBy",
      "opened_at as openedAt",
    ]);
}

/** Every collection, newest period first (periods of one kind sort as text). */
export async function listCollections(db: Kysely<DB>): Promise<CollectionRow[]> {
  return selectCollection(db).orderBy("period", "desc").execute();
}

export async function findCollection(db: Kysely<DB>, period: string): Promise<CollectionRow | undefined> {
  return selectCollection(db).where("period", "=", period).executeTakeFirst();
}

/** Insert a collection; false when the period already has one (nothing written). */
export async function insertCollection(
  db: Kysely<DB>,
  row: { period: string; opensOn: string; dueOn: string; frameworkVersion: number; openedBy: string | null },
): Promise<boolean> {
  const inserted = await db
    .insertInto("collection")
    .values({
      period: row.period,
      opens_on: row.opensOn,
      due_on: row.dueOn,
      framework_version: row.frameworkVersion,
      opened_by: row.openedBy,
    })
    .onConflict((oc) => oc.column("period").doNothing())
    .returning("period")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Each trust with its return's status for a period (null when it has none), for chasing and counting. */
export async function trustsWithReturnStatus(db: Kysely<DB>, period: string) {
  return db
    .selectFrom("organisation")
    .leftJoin("trust_return", (join) =>
      join
        .onRef("trust_return.ods_code", "=", "organisation.ods_code")
        .on("trust_return.period", "=", period),
    )
    .select(["organisation.ods_code as odsCode", "organisation.name", "trust_return.status as returnStatus"])
    .orderBy("organisation.ods_code")
    .execute();
}

/** The day each trust last changed a record, a benefit line or a plan item (ISO date), for chasing. */
export async function lastChangeByTrust(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await sql<{ ods_code: string; last: Date | null }>`
    select ods_code, max(at) as last from (
      select ods_code, updated_at as at from adoption_record
      union all select ods_code, updated_at from benefit_line
      union all select ods_code, updated_at from plan_item
    ) changes group by ods_code`.execute(db);
  return new Map(
    rows.rows.filter((r) => r.last).map((r) => [r.ods_code, new Date(r.last!).toISOString().slice(0, 10)]),
  );
}
