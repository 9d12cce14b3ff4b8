import { type Kysely, sql } from "kysely";

/**
 * The data version (issue 18): a number that every committed change to the figures raises, read by each
 * request to a national view, so a view's result can be kept and reused until the data changes, and is never
 * served once it has. 64 counters rather than one: each writing transaction raises only its own counter
 * (chosen by its transaction id), once, so 32 concurrent writers rarely wait on one another; the version
 * is their sum, which every commit raises.
 */
export const DATA_VERSION_SLOTS = 64;

/**
 * Tables whose changes never alter a figure: sign-in, sessions, limits, mail, security and the audit trail
 * (always written beside a change that raises the version itself). Every other table raises it; a test
 * checks that a new table is one or the other.
 */
export const UNVERSIONED_TABLES = [
  "account",
  "audit_chain_head",
  "audit_log",
  "audit_verification",
  "auth_version",
  "data_version",
  "invitation",
  "kysely_migration",
  "kysely_migration_lock",
  "mail_outbox",
  "password_reset",
  "rate_limit",
  "security_event",
  "session",
  "sign_in_throttle",
  "snapshot_answer",
  "system_token",
  "user",
  "verification",
];

/**
 * Listed above but raising the version all the same, through a trigger added where the table is made: the
 * accounts' user table (better-auth's, made after these migrations; the API's migrateAuth adds it), for
 * the names on a trust's dashboard.
 */
export const VERSIONED_ELSEWHERE = ["user"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("data_version")
    .addColumn("slot", "integer", (c) => c.primaryKey())
    .addColumn("version", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into data_version (slot, version)
    select g, 0 from generate_series(0, ${sql.lit(DATA_VERSION_SLOTS - 1)}) g`.execute(db);
  // Once per transaction (a transaction-local setting remembers it), whatever number of statements it runs.
  await sql`
    create function raise_data_version() returns trigger language plpgsql as $$
    begin
      if current_setting('realise.data_version_raised', true) is distinct from 'yes' then
        update data_version set version = version + 1
          where slot = (txid_current() % ${sql.lit(DATA_VERSION_SLOTS)})::int;
        perform set_config('realise.data_version_raised', 'yes', true);
      end if;
      return null;
    end $$`.execute(db);
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  for (const { name } of tables.rows) {
    if (UNVERSIONED_TABLES.includes(name)) continue;
    await sql`create trigger ${sql.id(`${name}_data_version`)}
      after insert or update or delete or truncate on ${sql.id(name)}
      for each statement execute function raise_data_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const tables = await sql<{ name: string }>`
    select event_object_table as name from information_schema.triggers
    where trigger_name like '%\\_data\\_version' group by event_object_table`.execute(db);
  for (const { name } of tables.rows)
    await sql`drop trigger if exists ${sql.id(`${name}_data_version`)} on ${sql.id(name)}`.execute(db);
  await sql`drop function if exists raise_data_version()`.execute(db);
  await db.schema.dropTable("data_version").execute();
}
