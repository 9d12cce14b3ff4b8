import { type Kysely, sql } from "kysely";

/**
 * Security (issue 19). Sign-in throttling is held here, not in one process's memory, so every instance
 * sees the same counts and a restart does not reset them: one row per (account, address) pair and one
 * per address. `security_event` keeps the events the national team reviews (throttling, accounts
 * under attack); the structured log has every event, this table the ones worth a screen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("first_failed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_failed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("blocked_until", "timestamptz")
    .addPrimaryKeyConstraint("sign_in_throttle_pkey", ["scope", "key"])
    .execute();

  await db.schema
    .createTable("security_event")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("account", "text")
    .addColumn("address", "text")
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex("security_event_at").on("security_event").column("at").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("security_event").execute();
  await db.schema.dropTable("sign_in_throttle").execute();
}
