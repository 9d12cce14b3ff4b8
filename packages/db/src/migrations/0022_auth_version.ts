import { type Kysely, sql } from "kysely";

/**
 * The account version (issue 18): one number that every committed change to who a session cookie
 * stands for raises — a session ended or changed, an account changed, a role bound, changed, disabled
 * or removed. Each request reads it, so a caller resolved once can be reused for that cookie until it
 * changes, on every instance, and a signed-out, disabled or re-roled caller is never let in as they were.
 * A new session does not raise it (no cookie stood for it before). Sessions and accounts are
 * better-auth's tables, made after these migrations: their triggers come with them (versionSessions).
 * One counter, not data_version's 64: these changes are rare, one at a time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("auth_version")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("version", "bigint", (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`insert into auth_version (id, version) values (1, 0)`.execute(db);
  await sql`
    create function raise_auth_version() returns trigger language plpgsql as $$
    begin
      if current_setting('realise.auth_version_raised', true) is distinct from 'yes' then
        update auth_version set version = version + 1 where id = 1;
        perform set_config('realise.auth_version_raised', 'yes', true);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger user_role_auth_version
    after insert or update or delete or truncate on user_role
    for each statement execute function raise_auth_version()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists user_role_auth_version on user_role`.execute(db);
  await sql`drop trigger if exists session_auth_version on session`.execute(db);
  await sql`drop trigger if exists user_auth_version on "user"`.execute(db);
  await sql`drop function if exists raise_auth_version()`.execute(db);
  await db.schema.dropTable("auth_version").execute();
}
