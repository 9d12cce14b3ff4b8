import { type Kysely, sql } from "kysely";

/**
 * Request limits held in the database (issue 18): sign-in and auth limits (better-auth's storage) and the
 * fair-use limits on expensive views, one fixed window per key, so every server instance counts the same
 * requests and a restart forgets nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("rate_limit")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("window_start", "timestamptz", (c) => c.notNull())
    .addColumn("hits", "integer", (c) => c.notNull())
    .execute();
  // The sweep deletes windows long past by start time.
  await sql`create index rate_limit_window_start on rate_limit (window_start)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("rate_limit").execute();
}
