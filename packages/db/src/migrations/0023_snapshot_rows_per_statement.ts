import { type Kysely, sql } from "kysely";

/**
 * A published snapshot's rows still cannot change, now checked once per statement instead of once per
 * row (issue 18): freezing a quarter inserts a row per trust and functionality — 9,300 for England,
 * 92,000 at ten times — and each ran a trigger with its own lookup of the snapshot. The statement's
 * rows, old and new, are checked together against the published snapshots, and a statement touching any
 * of them fails whole, as before.
 */
const TABLES = ["snapshot_organisation", "snapshot_adoption"] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function snapshot_statement_immutable() returns trigger language plpgsql as $$
    declare
      p text;
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        select n.period into p from changed_new n
          join snapshot s on s.period = n.period and s.status = 'published' limit 1;
      end if;
      if p is null and tg_op in ('UPDATE', 'DELETE') then
        select o.period into p from changed_old o
          join snapshot s on s.period = o.period and s.status = 'published' limit 1;
      end if;
      if p is not null then
        raise exception 'snapshot % is published and its figures cannot change: % refused', p, tg_op;
      end if;
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    await sql`drop trigger ${sql.id(`${table}_immutable`)} on ${sql.table(table)}`.execute(db);
    await sql`create trigger ${sql.id(`${table}_immutable_insert`)} after insert on ${sql.table(table)}
      referencing new table as changed_new
      for each statement execute function snapshot_statement_immutable()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_immutable_update`)} after update on ${sql.table(table)}
      referencing old table as changed_old new table as changed_new
      for each statement execute function snapshot_statement_immutable()`.execute(db);
    await sql`create trigger ${sql.id(`${table}_immutable_delete`)} after delete on ${sql.table(table)}
      referencing old table as changed_old
      for each statement execute function snapshot_statement_immutable()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    for (const op of ["insert", "update", "delete"])
      await sql`drop trigger if exists ${sql.id(`${table}_immutable_${op}`)} on ${sql.table(table)}`.execute(
        db,
      );
    await sql`create trigger ${sql.id(`${table}_immutable`)} before insert or update or delete on ${sql.table(table)}
      for each row execute function snapshot_rows_immutable()`.execute(db);
  }
  await sql`drop function if exists snapshot_statement_immutable()`.execute(db);
}
