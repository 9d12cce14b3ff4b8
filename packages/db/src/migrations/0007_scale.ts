import { type Kysely, sql } from "kysely";

/**
 * Indexes and an incrementally maintained aggregate for national scale, from EXPLAIN ANALYZE at 10× England
 * (2,000 trusts, 20 quarters: 86k adoption records, 34k returns, 1.45M snapshot rows; `pnpm bench`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Returns counted by period and state (the validation queue, snapshot figures) were a bitmap heap scan
  // over ~2,000 wide rows (each carries its frozen payload) per period, or a full scan for all periods;
  // with this index they are index-only scans.
  await db.schema
    .createIndex("trust_return_period_status")
    .on("trust_return")
    .columns(["period", "status"])
    .execute();

  // The heatmap read every adoption record (86k rows at 10× England) to draw one cell each. This keeps,
  // per trust, {functionality code: level}, maintained by the database in the same statement as every
  // write to adoption_record, so it can never be behind the records, whatever code path writes them.
  await db.schema
    .createTable("organisation_levels")
    .addColumn("ods_code", "text", (c) =>
      c.primaryKey().references("organisation.ods_code").onDelete("cascade"),
    )
    .addColumn("levels", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();

  // Statement-level triggers with transition tables: a bulk insert of thousands of records does one
  // upsert per trust, not one per row.
  await sql`
    create function organisation_levels_upsert() returns trigger language plpgsql as $$
    begin
      insert into organisation_levels (ods_code, levels)
        select ods_code, jsonb_object_agg(functionality_code, level) from changed group by ods_code
      on conflict (ods_code) do update set levels = organisation_levels.levels || excluded.levels;
      return null;
    end $$`.execute(db);
  await sql`
    create function organisation_levels_remove() returns trigger language plpgsql as $$
    begin
      update organisation_levels l set levels = l.levels - d.codes
        from (select ods_code, array_agg(functionality_code) as codes from changed group by ods_code) d
        where l.ods_code = d.ods_code;
      return null;
    end $$`.execute(db);
  // A plain INSERT of a row that exists merges into it, so restoring a backup works in any table order
  // (the records' own triggers may have built the row already).
  await sql`
    create function organisation_levels_merge() returns trigger language plpgsql as $$
    begin
      update organisation_levels set levels = levels || new.levels where ods_code = new.ods_code;
      if found then
        return null;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger organisation_levels_merge before insert on organisation_levels
    for each row execute function organisation_levels_merge()`.execute(db);
  await sql`create trigger organisation_levels_insert after insert on adoption_record
    referencing new table as changed for each statement execute function organisation_levels_upsert()`.execute(
    db,
  );
  await sql`create trigger organisation_levels_update after update on adoption_record
    referencing new table as changed for each statement execute function organisation_levels_upsert()`.execute(
    db,
  );
  await sql`create trigger organisation_levels_delete after delete on adoption_record
    referencing old table as changed for each statement execute function organisation_levels_remove()`.execute(
    db,
  );

  await sql`
    insert into organisation_levels (ods_code, levels)
    select ods_code, jsonb_object_agg(functionality_code, level) from adoption_record group by ods_code`.execute(
    db,
  );
}
