import { type Kysely, sql } from "kysely";

/** The append-only audit log, trust returns by period, official snapshots, and role bindings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor_id", "text")
    .addColumn("actor_email", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_key", "text", (c) => c.notNull())
    .addColumn("ods_code", "text")
    .addColumn("before", "jsonb")
    .addColumn("after", "jsonb")
    .execute();
  await db.schema
    .createIndex("audit_log_entity")
    .on("audit_log")
    .columns(["entity", "entity_key", "id"])
    .execute();
  await db.schema.createIndex("audit_log_ods").on("audit_log").columns(["ods_code", "id"]).execute();
  // History must not be rewritten, whoever holds the connection.
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op;
    end $$`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);

  await db.schema
    .createTable("trust_return")
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('submitted','accepted','returned','unlocked')`),
    )
    .addColumn("framework_version", "integer", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull())
    .addColumn("submitted_by", "text")
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "timestamptz")
    .addColumn("comment", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint("trust_return_pk", ["ods_code", "period"])
    .execute();
  await db.schema
    .createIndex("trust_return_status")
    .on("trust_return")
    .columns(["status", "period"])
    .execute();

  await db.schema
    .createTable("snapshot")
    .addColumn("period", "text", (c) => c.primaryKey())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('preview','published')`))
    .addColumn("framework_version", "integer", (c) => c.notNull())
    .addColumn("frozen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("frozen_by", "text")
    .addColumn("published_at", "timestamptz")
    .execute();
  await db.schema
    .createTable("snapshot_organisation")
    .addColumn("period", "text", (c) => c.notNull().references("snapshot.period").onDelete("cascade"))
    .addColumn("ods_code", "text", (c) => c.notNull())
    .addColumn("trust_type", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("icb_code", "text")
    .addColumn("epr_status", "text", (c) => c.notNull())
    .addColumn("epr_supplier", "text")
    .addColumn("attained_tier", "integer", (c) => c.notNull())
    .addColumn("progress_to_next", "double precision", (c) => c.notNull())
    .addPrimaryKeyConstraint("snapshot_organisation_pk", ["period", "ods_code"])
    .execute();
  await db.schema
    .createTable("snapshot_adoption")
    .addColumn("period", "text", (c) => c.notNull().references("snapshot.period").onDelete("cascade"))
    .addColumn("ods_code", "text", (c) => c.notNull())
    .addColumn("functionality_code", "text", (c) => c.notNull())
    .addColumn("level", "integer", (c) => c.notNull())
    .addColumn("coverage_pct", "double precision")
    .addColumn("usage_numerator", "integer")
    .addColumn("usage_denominator", "integer")
    .addColumn("validation_state", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("snapshot_adoption_pk", ["period", "ods_code", "functionality_code"])
    .execute();

  await db.schema
    .createTable("user_role")
    .addColumn("user_id", "text", (c) => c.primaryKey())
    .addColumn("role", "text", (c) =>
      c
        .notNull()
        .check(
          sql`role in ('trust_viewer','trust_editor','trust_approver','national_admin','national_analyst')`,
        ),
    )
    .addColumn("ods_code", "text", (c) => c.references("organisation.ods_code"))
    .addCheckConstraint(
      "user_role_trust_bound",
      sql`(role like 'trust_%' and ods_code is not null) or (role like 'national_%' and ods_code is null)`,
    )
    .execute();
}
