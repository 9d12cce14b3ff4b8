import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

/**
 * The data version now: the sum of the counters every committed change to the figures raises (migration
 * 0019). Read before a view is computed, so a result kept under this version holds data at least this new.
 */
export async function dataVersion(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom("data_version")
    .select(sql<string>`coalesce(sum(version), 0)::text`.as("version"))
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * Make the accounts' user table raise the data version (its names show on trust dashboards). It is
 * better-auth's table, made after our migrations, so this runs once it exists; idempotent.
 */
export async function versionAccountNames(db: Kysely<DB>): Promise<void> {
  await sql`create or replace trigger user_data_version
    after insert or update or delete or truncate on "user"
    for each statement execute function raise_data_version()`.execute(db);
}
