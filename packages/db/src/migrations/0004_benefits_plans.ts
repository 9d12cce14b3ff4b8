import { type Kysely, sql } from "kysely";

/**
 * A trust's benefits register (Green Book Box 9 fields plus tracking), its actuals by period, and its plan
 * (functionality → target level by a date). Lines and plan items carry a version for optimistic concurrency.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("benefit_line")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code").onDelete("cascade"))
    .addColumn("benefit_type_code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("benefit_class", "text", (c) =>
      c
        .notNull()
        .check(
          sql`benefit_class in ('cash_releasing','non_cash_releasing','quantitative_non_monetised','qualitative','wider_societal')`,
        ),
    )
    .addColumn("is_disbenefit", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("unit", "text", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.notNull().check(sql`direction in ('increase','decrease')`))
    .addColumn("baseline_value", "double precision", (c) => c.notNull())
    .addColumn("baseline_date", "date", (c) => c.notNull())
    .addColumn("baseline_source", "text", (c) => c.notNull())
    .addColumn("target_value", "double precision", (c) => c.notNull())
    .addColumn("target_date", "date", (c) => c.notNull())
    .addColumn("trajectory", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("confidence", "text", (c) => c.notNull().check(sql`confidence in ('low','medium','high')`))
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('planned','in_progress','realised','not_realised')`),
    )
    .addColumn("enabling_functionalities", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("full_year_value_gbp", "double precision", (c) => c.check(sql`full_year_value_gbp >= 0`))
    .addColumn("attribution_pct", "double precision", (c) =>
      c.notNull().defaultTo(100).check(sql`attribution_pct between 0 and 100`),
    )
    .addColumn("double_count_group", "text")
    .addColumn("evidence", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "text")
    .addCheckConstraint("benefit_line_dates", sql`target_date >= baseline_date`)
    .execute();
  await db.schema.createIndex("benefit_line_ods").on("benefit_line").columns(["ods_code"]).execute();
  await db.schema
    .createIndex("benefit_line_type")
    .on("benefit_line")
    .columns(["benefit_type_code"])
    .execute();

  // One actual per line and period: re-recording a period replaces its value (the audit keeps the old one).
  await db.schema
    .createTable("benefit_actual")
    .addColumn("benefit_id", "text", (c) => c.notNull().references("benefit_line.id").onDelete("cascade"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("source", "text")
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("recorded_by", "text")
    .addPrimaryKeyConstraint("benefit_actual_pk", ["benefit_id", "period"])
    .execute();

  await db.schema
    .createTable("plan_item")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code").onDelete("cascade"))
    .addColumn("functionality_code", "text", (c) => c.notNull())
    .addColumn("target_level", "integer", (c) => c.notNull().check(sql`target_level between 0 and 5`))
    .addColumn("target_date", "date", (c) => c.notNull())
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c.notNull().check(sql`status in ('not_started','in_progress','done','at_risk')`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_by", "text")
    .execute();
  await db.schema.createIndex("plan_item_ods").on("plan_item").columns(["ods_code", "target_date"]).execute();
}
