import { type Kysely, sql } from "kysely";

/**
 * Published snapshots are the official figures: once a period is published, neither the snapshot nor
 * its rows can change, whoever holds the connection. Also indexes the national views' group keys.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function snapshot_published_immutable() returns trigger language plpgsql as $$
    begin
      if old.status = 'published' then
        raise exception 'snapshot % is published and cannot change: % refused', old.period, tg_op;
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  await sql`create trigger snapshot_published_immutable before update or delete on snapshot
    for each row execute function snapshot_published_immutable()`.execute(db);

  await sql`
    create function snapshot_rows_immutable() returns trigger language plpgsql as $$
    declare
      p text := case when tg_op = 'DELETE' then old.period else new.period end;
    begin
      if exists (select 1 from snapshot s where s.period = p and s.status = 'published')
        or (tg_op = 'UPDATE' and exists (
          select 1 from snapshot s where s.period = old.period and s.status = 'published')) then
        raise exception 'snapshot % is published and its figures cannot change: % refused', p, tg_op;
      end if;
      return case when tg_op = 'DELETE' then old else new end;
    end $$`.execute(db);
  for (const table of ["snapshot_organisation", "snapshot_adoption"]) {
    await sql`create trigger ${sql.id(`${table}_immutable`)} before insert or update or delete on ${sql.table(table)}
      for each row execute function snapshot_rows_immutable()`.execute(db);
  }
  await db.schema
    .createIndex("organisation_epr_supplier")
    .on("organisation")
    .column("epr_supplier")
    .execute();
  await db.schema
    .createIndex("snapshot_organisation_period_tier")
    .on("snapshot_organisation")
    .columns(["period", "attained_tier"])
    .execute();
}
