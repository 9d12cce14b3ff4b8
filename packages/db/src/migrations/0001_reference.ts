import { type Kysely, sql } from "kysely";

/** Organisations, regions, ICBs (with validity dates, because ICBs merge) and EPR suppliers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("region")
    .addColumn("name", "text", (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable("icb")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull().references("region.name"))
    .addColumn("valid_from", "date", (c) => c.notNull())
    .addColumn("valid_to", "date")
    .addColumn("predecessor_codes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute();
  await db.schema
    .createTable("epr_supplier")
    .addColumn("name", "text", (c) => c.primaryKey())
    .execute();
  await db.schema
    .createTable("organisation")
    .addColumn("ods_code", "text", (c) => c.primaryKey().check(sql`ods_code ~ '^[A-Z0-9]{3}([A-Z0-9]{2})?$'`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("trust_type", "text", (c) =>
      c
        .notNull()
        .check(sql`trust_type in ('acute','specialist','combined','mental_health','community','ambulance')`),
    )
    .addColumn("region", "text", (c) => c.notNull().references("region.name"))
    .addColumn("epr_status", "text", (c) =>
      c.notNull().check(sql`epr_status in ('none','procuring','implementing','live')`),
    )
    .addColumn("epr_supplier", "text", (c) => c.references("epr_supplier.name"))
    .addColumn("epr_product", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("organisation_icb")
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code").onDelete("cascade"))
    .addColumn("icb_code", "text", (c) => c.notNull().references("icb.code"))
    .addColumn("valid_from", "date", (c) => c.notNull())
    .addColumn("valid_to", "date")
    .addPrimaryKeyConstraint("organisation_icb_pk", ["ods_code", "valid_from"])
    .execute();
  await db.schema.createIndex("organisation_icb_icb").on("organisation_icb").columns(["icb_code"]).execute();
  await db.schema.createIndex("organisation_region").on("organisation").columns(["region"]).execute();
  await db.schema.createIndex("organisation_type").on("organisation").columns(["trust_type"]).execute();
}
