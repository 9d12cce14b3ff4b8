import { type Kysely, sql } from "kysely";

/**
 * Figures from a trust's own systems (issue 17): a record whose measures came from a FHIR MeasureReport
 * has the validation state `system_reported`, so every view can tell it from a self-assessed one; and a
 * trust's approver can pause a system client (its tokens and reports are refused until it is resumed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table adoption_record drop constraint if exists adoption_record_validation_state_check`.execute(
    db,
  );
  await sql`alter table adoption_record add constraint adoption_record_validation_state_check
    check (validation_state in ('self_assessed','evidence_attached','validated','returned','system_reported'))`.execute(
    db,
  );
  await sql`alter table system_client add column paused_at timestamptz`.execute(db);
  // The national views count system-reported records per trust; the index holds only those rows.
  await sql`create index adoption_record_system_reported on adoption_record (ods_code)
    where validation_state = 'system_reported'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists adoption_record_system_reported`.execute(db);
  await sql`alter table system_client drop column paused_at`.execute(db);
  await sql`update adoption_record set validation_state = 'self_assessed' where validation_state = 'system_reported'`.execute(
    db,
  );
  await sql`alter table adoption_record drop constraint if exists adoption_record_validation_state_check`.execute(
    db,
  );
  await sql`alter table adoption_record add constraint adoption_record_validation_state_check
    check (validation_state in ('self_assessed','evidence_attached','validated','returned'))`.execute(db);
}
