import { type Kysely, sql } from "kysely";
import type { DB } from "./schema.js";

/**
 * Tables the runtime role may only add to and read: the audit log (its rows are the record), and the record
 * of each audit verification. The chain's head is written only by the SECURITY DEFINER chain trigger, which
 * runs as the owner, so the runtime role may only read it (the verifier compares it with the last row).
 */
const APPEND_ONLY = ["audit_log", "audit_verification"] as const;
const READ_ONLY = ["audit_chain_head"] as const;
const OWNER_ONLY = ["kysely_migration", "kysely_migration_lock"] as const;

/** The role a database handle connects as. */
export async function currentRole(db: Kysely<DB>): Promise<string> {
  const row = await sql<{ role: string }>`select current_user as role`.execute(db);
  return row.rows[0]!.role;
}

/**
 * Give the runtime role exactly what the server needs on every table and sequence in `public`, as the owner
 * after all migrations (better-auth's included), so tables added later are covered on the next start:
 * read and write on the working tables, only INSERT and SELECT on the append-only ones, only SELECT on the
 * chain head, nothing on the migration bookkeeping. Anything granted before is revoked first, so the result is
 * the same whatever was granted by hand. Refuses a runtime role that owns tables or is a superuser: it
 * could lift the audit triggers whatever is granted.
 */
export async function grantRuntimeRole(owner: Kysely<DB>, runtimeRole: string): Promise<void> {
  const role = sql.id(runtimeRole);
  const found = await sql<{ rolsuper: boolean; owns: boolean }>`
    select r.rolsuper,
      exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relowner = r.oid) as owns
    from pg_roles r where r.rolname = ${runtimeRole}`.execute(owner);
  const info = found.rows[0];
  if (!info) throw new Error(`The runtime database role ${runtimeRole} does not exist`);
  if (info.rolsuper || info.owns)
    throw new Error(
      `The runtime database role ${runtimeRole} ${info.rolsuper ? "is a superuser" : "owns tables"}: DATABASE_URL must name a role that owns nothing (see the README)`,
    );
  const tables = await sql<{ name: string }>`
    select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(owner);
  await owner.transaction().execute(async (trx) => {
    await sql`grant usage on schema public to ${role}`.execute(trx);
    await sql`revoke all on all tables in schema public from ${role}`.execute(trx);
    await sql`revoke all on all sequences in schema public from ${role}`.execute(trx);
    for (const { name } of tables.rows) {
      if ((OWNER_ONLY as readonly string[]).includes(name)) continue;
      const table = sql.table(name);
      if ((READ_ONLY as readonly string[]).includes(name))
        await sql`grant select on ${table} to ${role}`.execute(trx);
      else if ((APPEND_ONLY as readonly string[]).includes(name))
        await sql`grant select, insert on ${table} to ${role}`.execute(trx);
      else await sql`grant select, insert, update, delete on ${table} to ${role}`.execute(trx);
    }
    await sql`grant usage, select on all sequences in schema public to ${role}`.execute(trx);
  });
}
