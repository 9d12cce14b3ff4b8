import type { Kysely } from "kysely";

/**
 * Undo for the benefits register (issue 14): a benefit line is withdrawn rather than deleted, so it stays in
 * the register's history with who withdrew it, when and why, and is left out of every total and forecast.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("benefit_line")
    .addColumn("withdrawn_at", "timestamptz")
    .addColumn("withdrawn_by", "text")
    .addColumn("withdrawn_reason", "text")
    .execute();
}
