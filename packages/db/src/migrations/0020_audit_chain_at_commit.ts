import { type Kysely, sql } from "kysely";

/**
 * The audit chain is linked at commit (issue 18). Until now each audit row took the chain's head as it was
 * inserted and held it to the end of its transaction, so every audited write in the country queued on one
 * row for the rest of its transaction, client round trips included: the bench saw audited updates flat at
 * about 250 a second from 1 to 32 writers, waiting on each other's transaction ids. Now a row is inserted
 * unlinked and a deferred trigger links it as its transaction commits: the head is held for the commit
 * alone. The chain reads the same (sequence, previous hash, row hash), in commit order, and a committed row
 * is always linked; verification also refuses an unlinked one.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // On insert: the writer's chain values are dropped (only a restore brings rows already chained).
  await sql`create or replace function audit_log_chain() returns trigger language plpgsql security definer
    set search_path = public, pg_catalog as $$
    begin
      if current_setting('realise.restoring', true) = 'on' and new.row_hash is not null then
        return new;
      end if;
      new.chain_seq := null;
      new.prev_hash := null;
      new.row_hash := null;
      return new;
    end $$`.execute(db);
  await sql`alter table audit_log alter column chain_seq drop not null, alter column row_hash drop not null`.execute(
    db,
  );
  // At commit, in insertion order: take the head, link the row, move the head on.
  await sql`create function audit_log_link() returns trigger language plpgsql security definer
    set search_path = public, pg_catalog as $$
    declare
      head audit_chain_head;
      r audit_log;
    begin
      if new.chain_seq is not null then
        return null;
      end if;
      update audit_chain_head set seq = seq + 1 where id = 1 returning * into head;
      r := new;
      r.chain_seq := head.seq;
      r.prev_hash := head.hash;
      r.row_hash := audit_row_hash(r);
      update audit_log set chain_seq = r.chain_seq, prev_hash = r.prev_hash, row_hash = r.row_hash
        where id = new.id;
      update audit_chain_head set hash = r.row_hash where id = 1;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger audit_log_link after insert on audit_log
    deferrable initially deferred for each row execute function audit_log_link()`.execute(db);
  // Append-only still, but for the one change linking makes: an unlinked row gets its chain values, its
  // content untouched. (A writer setting them itself gains nothing: the link overwrites them, or fails.)
  await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' and old.chain_seq is null and new.chain_seq is not null
        and (old.id, old.at, old.actor_id, old.actor_email, old.action, old.entity, old.entity_key,
             old.ods_code, old.before, old.after)
          is not distinct from
            (new.id, new.at, new.actor_id, new.actor_email, new.action, new.entity, new.entity_key,
             new.ods_code, new.before, new.after) then
        return new;
      end if;
      raise exception 'audit_log is append-only: % refused', tg_op;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger audit_log_link on audit_log`.execute(db);
  await sql`drop function audit_log_link()`.execute(db);
  await sql`create or replace function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op;
    end $$`.execute(db);
  await sql`create or replace function audit_log_chain() returns trigger language plpgsql security definer
    set search_path = public, pg_catalog as $$
    declare
      head audit_chain_head;
    begin
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
  await sql`alter table audit_log alter column chain_seq set not null, alter column row_hash set not null`.execute(
    db,
  );
}
