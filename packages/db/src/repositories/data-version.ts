import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

/**
 * The data version now: the sum of the counters every committed change to the figures raises (migration
 * 0019). Read before a view is computed, so a result kept under this version holds data at least this new.
 */
export async function dataVersion(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom("data_version")
    .select(sql<string>`coalesce(sum(version), 0)::text`.as("version"))
    .executeTakeFirstOrThrow();
  return row.version;
}

/**
 * Make the accounts' user table raise the data version (its names show on trust dashboards). It is
 * better-auth's table, made after our migrations, so this runs once it exists; idempotent.
 */
export async function versionAccountNames(db: Kysely<DB>): Promise<void> {
  await sql`create or replace trigger user_data_version
    after insert or update or delete or truncate on "user"
    for each statement execute function raise_data_version()`.execute(db);
}

/** The account version (migration 0022): raised by every committed change to sessions, accounts and roles. */
export async function authVersion(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom("auth_version").select("version").where("id", "=", 1).executeTakeFirst();
  return row?.version ?? "0";
}

/**
 * Make better-auth's session and user tables raise the account version when a session ends or changes
 * and when an account changes (a new session raises nothing: no cookie stood for it before). They are
 * made after our migrations, so this runs once they exist; idempotent.
 */
export async function versionSessions(db: Kysely<DB>): Promise<void> {
  await sql`create or replace trigger session_auth_version
    after update or delete or truncate on session
    for each statement execute function raise_auth_version()`.execute(db);
  await sql`create or replace trigger user_auth_version
    after update or delete or truncate on "user"
    for each statement execute function raise_auth_version()`.execute(db);
}

/** The data version and the account version in one round trip: what a read-only request needs of both. */
export async function versionsNow(db: Kysely<DB>): Promise<{ data: string; auth: string }> {
  const { rows } = await sql<{ data: string; auth: string | null }>`
    select (select coalesce(sum(version), 0)::text from data_version) as data,
           (select version::text from auth_version where id = 1) as auth`.execute(db);
  return { data: rows[0]!.data, auth: rows[0]!.auth ?? "0" };
}
