import { type Kysely, sql } from "kysely";

/**
 * Machine access (issue 17): a trust's own systems (its EPR) send summary MeasureReports. A system client
 * belongs to one trust; its secret and its short-lived bearer tokens are kept only as hashes. Each report
 * received is kept by its identifier, so a retry is recognised and answered as before, and so every record
 * a report changed can say which system reported it, for which period, and when.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("system_client")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull())
    .addColumn("created_by", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("revoked_at", "timestamptz")
    .execute();
  await db.schema.createIndex("system_client_ods_code").on("system_client").column("ods_code").execute();

  await db.schema
    .createTable("system_token")
    .addColumn("hash", "text", (c) => c.primaryKey())
    .addColumn("client_id", "text", (c) => c.notNull().references("system_client.id"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("measure_report_receipt")
    .addColumn("identifier", "text", (c) => c.primaryKey())
    .addColumn("client_id", "text", (c) => c.notNull().references("system_client.id"))
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code"))
    .addColumn("functionality_code", "text", (c) => c.notNull())
    .addColumn("measure", "text", (c) => c.notNull())
    .addColumn("period_start", "date", (c) => c.notNull())
    .addColumn("period_end", "date", (c) => c.notNull())
    .addColumn("received_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("outcome", "jsonb", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("measure_report_receipt_record")
    .on("measure_report_receipt")
    .columns(["ods_code", "functionality_code"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("measure_report_receipt").execute();
  await db.schema.dropTable("system_token").execute();
  await db.schema.dropTable("system_client").execute();
}
