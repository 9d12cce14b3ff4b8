import { type Kysely, sql } from "kysely";

/**
 * Security (issue 19). Sign-in throttling is held here, not in one process's memory, so every instance
 * sees the same counts and a restart does not reset them: one row per (account, address) pair and one
 * per address. `security_event` keeps the events the national team reviews (throttling, accounts
 * under attack); the structured log has every event, this table the ones worth a screen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("first_failed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_failed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("blocked_until", "timestamptz")
    .addPrimaryKeyConstraint("sign_in_throttle_pkey", ["scope", "key"])
    .execute();

  await db.schema
    .createTable("security_event")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("account", "text")
    .addColumn("address", "text")
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex("security_event_at").on("security_event").column("at").execute();

  await auditChain(db);
}

/**
 * The audit chain: each audit row carries `chain_seq`, the previous row's hash and its own hash over its
 * content and that previous hash, so a row changed, removed or reordered behind the application's back is
 * found by `pnpm audit:verify`. The chain's head is one row updated under its row lock by a SECURITY
 * DEFINER trigger: concurrent inserts queue on it and each links to the one committed before it, and the
 * runtime role, which cannot write the head, cannot move it. Existing rows are chained in id order.
 */
async function auditChain(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_log add column chain_seq bigint, add column prev_hash text, add column row_hash text`.execute(
    db,
  );
  await sql`create table audit_chain_head (
    id int primary key check (id = 1),
    seq bigint not null,
    hash text not null
  )`.execute(db);
  await sql`insert into audit_chain_head values (1, 0, ${GENESIS})`.execute(db);
  // The one definition of a row's hash: its content as a JSON array (jsonb text is canonical), with the
  // time in UTC whatever the session's time zone, and the previous row's hash.
  await sql`create function audit_row_hash(a audit_log) returns text language sql immutable as $$
    select encode(sha256(convert_to(jsonb_build_array(
      a.chain_seq, a.id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      a.actor_id, a.actor_email, a.action, a.entity, a.entity_key, a.ods_code, a.before, a.after, a.prev_hash
    )::text, 'UTF8')), 'hex')
  $$`.execute(db);
  await sql`create function audit_log_chain() returns trigger language plpgsql security definer
    set search_path = public, pg_catalog as $$
    declare
      head audit_chain_head;
    begin
      -- A restore (importData) brings rows already chained; it sets the head once they are in. Anything
      -- else inserted this way still has to match on verification, head included.
      if current_setting('realise.restoring', true) = 'on' and new.row_hash is not null then
        return new;
      end if;
      update audit_chain_head set seq = seq + 1 where id = 1 returning * into head;
      new.chain_seq := head.seq;
      new.prev_hash := head.hash;
      new.row_hash := audit_row_hash(new);
      update audit_chain_head set hash = new.row_hash where id = 1;
      return new;
    end $$`.execute(db);

  // Chain the rows already there, oldest first (the append-only trigger is lifted for this one step).
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  await sql`do $$
    declare
      r audit_log;
      head audit_chain_head;
    begin
      for r in select * from audit_log order by id loop
        update audit_chain_head set seq = seq + 1 where id = 1 returning * into head;
        r.chain_seq := head.seq;
        r.prev_hash := head.hash;
        r.row_hash := audit_row_hash(r);
        update audit_log set chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash
          where id = r.id;
        update audit_chain_head set hash = r.row_hash where id = 1;
      end loop;
    end $$`.execute(db);
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
  await sql`alter table audit_log alter column chain_seq set not null, alter column row_hash set not null`.execute(
    db,
  );
  await sql`create unique index audit_log_chain_seq on audit_log (chain_seq)`.execute(db);
  await sql`create trigger audit_log_chain before insert on audit_log
    for each row execute function audit_log_chain()`.execute(db);

  // Each verification, so the national team sees when the chain was last checked and what was found.
  await db.schema
    .createTable("audit_verification")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("ok", "boolean", (c) => c.notNull())
    .addColumn("rows_checked", "bigint", (c) => c.notNull())
    .addColumn("head_seq", "bigint")
    .addColumn("head_hash", "text")
    .addColumn("first_bad_id", "text")
    .addColumn("problem", "text")
    .execute();
}

/** The hash before the first row. */
export const GENESIS = "0".repeat(64);

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("audit_verification").execute();
  await sql`drop trigger audit_log_chain on audit_log`.execute(db);
  await sql`drop function audit_log_chain()`.execute(db);
  await sql`drop function audit_row_hash(audit_log)`.execute(db);
  await db.schema.dropTable("audit_chain_head").execute();
  await sql`alter table audit_log disable trigger audit_log_append_only`.execute(db);
  await sql`alter table audit_log drop column chain_seq, drop column prev_hash, drop column row_hash`.execute(
    db,
  );
  await sql`alter table audit_log enable trigger audit_log_append_only`.execute(db);
  await db.schema.dropTable("security_event").execute();
  await db.schema.dropTable("sign_in_throttle").execute();
}
