import type { Kysely } from "kysely";

/**
 * A published snapshot's whole-nation open-data answers, written once (issue 18): a published snapshot never
 * changes, so its JSON and CSV are the same bytes on every request and are served from here instead of
 * being rebuilt from 90,000 rows each time. The key names the snapshot's freeze and publication, so a
 * snapshot frozen again can never be answered with an older copy.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("snapshot_answer")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("snapshot_answer").execute();
}
