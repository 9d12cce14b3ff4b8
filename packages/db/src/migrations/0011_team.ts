import { type Kysely, sql } from "kysely";

/**
 * A trust's team and working cycle (issue 14). An account can be disabled (a leaver: sign-in refused, every
 * session ended) and re-enabled. Invitations and password resets are one-time links whose tokens are kept
 * only as hashes, with an expiry and the moment they were used. Work is assigned to colleagues (a tier, a
 * functionality, a benefit line or a plan item: one assignee each), and editors hand a tier, or the whole
 * trust (tier 0), to the approver as ready for a period's return.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("user_role").addColumn("disabled_at", "timestamptz").execute();

  await db.schema
    .createTable("invitation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("invited_by", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("user_id", "text")
    .execute();
  await db.schema.createIndex("invitation_ods_code").on("invitation").column("ods_code").execute();
  await db.schema.createIndex("invitation_email").on("invitation").column("email").execute();

  await db.schema
    .createTable("password_reset")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema.createIndex("password_reset_user").on("password_reset").column("user_id").execute();

  await db.schema
    .createTable("assignment")
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code"))
    .addColumn("subject_kind", "text", (c) => c.notNull())
    .addColumn("subject_key", "text", (c) => c.notNull())
    .addColumn("assignee_user_id", "text", (c) => c.notNull())
    .addColumn("assigned_by", "text", (c) => c.notNull())
    .addColumn("assigned_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("assignment_pk", ["ods_code", "subject_kind", "subject_key"])
    .execute();
  await db.schema.createIndex("assignment_assignee").on("assignment").column("assignee_user_id").execute();

  await db.schema
    .createTable("handoff")
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("tier", "integer", (c) => c.notNull())
    .addColumn("marked_by", "text", (c) => c.notNull())
    .addColumn("marked_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("handoff_pk", ["ods_code", "period", "tier"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("handoff").execute();
  await db.schema.dropTable("assignment").execute();
  await db.schema.dropTable("password_reset").execute();
  await db.schema.dropTable("invitation").execute();
  await db.schema.alterTable("user_role").dropColumn("disabled_at").execute();
}
