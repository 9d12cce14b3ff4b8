import { type Kysely, sql } from "kysely";

/**
 * Framework versions are kept as validated documents: a published version never changes, and a
 * document is the natural unit to copy into a draft and to diff.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("framework_version")
    .addColumn("version", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft','published','retired')`))
    .addColumn("effective_from", "date", (c) => c.notNull())
    .addColumn("document", "jsonb", (c) => c.notNull())
    .addColumn("crosswalk", "jsonb")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("published_at", "timestamptz")
    .addColumn("row_version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  // The database itself refuses to change a published version's document.
  await sql`
    create function framework_version_immutable() returns trigger language plpgsql as $$
    begin
      if old.status <> 'draft' and new.document is distinct from old.document then
        raise exception 'framework version % is %, its criteria cannot change', old.version, old.status;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger framework_version_immutable before update on framework_version
    for each row execute function framework_version_immutable()`.execute(db);

  await db.schema
    .createTable("adoption_record")
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code").onDelete("cascade"))
    .addColumn("functionality_code", "text", (c) => c.notNull())
    .addColumn("coverage_pct", "double precision", (c) => c.check(sql`coverage_pct between 0 and 100`))
    .addColumn("usage_numerator", "integer", (c) => c.check(sql`usage_numerator >= 0`))
    .addColumn("usage_denominator", "integer", (c) => c.check(sql`usage_denominator >= 1`))
    .addColumn("window_start", "date")
    .addColumn("window_end", "date")
    .addColumn("paper_retired", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("benefit_measured", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("planned_go_live", "date")
    .addColumn("claimed_level", "integer", (c) => c.check(sql`claimed_level between 0 and 5`))
    .addColumn("claim_reason", "text")
    .addColumn("evidence", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("notes", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("derived_level", "integer", (c) => c.notNull().check(sql`derived_level between 0 and 5`))
    .addColumn("level", "integer", (c) => c.notNull().check(sql`level between 0 and 5`))
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("validation_state", "text", (c) =>
      c
        .notNull()
        .defaultTo("self_assessed")
        .check(sql`validation_state in ('self_assessed','evidence_attached','validated','returned')`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "text")
    .addPrimaryKeyConstraint("adoption_record_pk", ["ods_code", "functionality_code"])
    .addCheckConstraint(
      "adoption_usage_le",
      sql`usage_numerator is null or usage_numerator <= usage_denominator`,
    )
    .execute();
  await db.schema
    .createIndex("adoption_record_functionality")
    .on("adoption_record")
    .columns(["functionality_code", "level"])
    .execute();

  // Incrementally maintained per-trust aggregate, updated in the same transaction as each adoption write,
  // so national views read one small row per trust and are never stale.
  await db.schema
    .createTable("organisation_tier")
    .addColumn("ods_code", "text", (c) =>
      c.primaryKey().references("organisation.ods_code").onDelete("cascade"),
    )
    .addColumn("framework_version", "integer", (c) => c.notNull())
    .addColumn("attained_tier", "integer", (c) => c.notNull())
    .addColumn("progress_to_next", "double precision", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}
