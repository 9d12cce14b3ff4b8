import { type Kysely, sql } from "kysely";

/**
 * Official returns (issue: a submission is an immutable copy): the national team's collections, the
 * submitted copies themselves, and the outbox that carries the emails a decision causes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // A collection opens a quarter for returns: when trusts may start, when returns are due, and the
  // framework version the quarter is assessed against. Returns exist only for periods with a collection.
  await db.schema
    .createTable("collection")
    .addColumn("period", "text", (c) => c.primaryKey())
    .addColumn("opens_on", "date", (c) => c.notNull())
    .addColumn("due_on", "date", (c) => c.notNull())
    .addColumn("framework_version", "integer", (c) => c.notNull().references("framework_version.version"))
    .addColumn("opened_by", "text")
    .addColumn("opened_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("collection_due_after_open", sql`due_on >= opens_on`)
    .execute();

  // Every submission is kept as it was sent: the adoption records, the benefits register (lines and
  // actuals) and the plan, with a digest of that content. A resubmission after a send-back is a new row;
  // the database refuses to change or remove one, so what the national team reviewed can always be shown.
  await db.schema
    .createTable("return_submission")
    .addColumn("ods_code", "text", (c) => c.notNull().references("organisation.ods_code"))
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("framework_version", "integer", (c) => c.notNull())
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("submitted_by", "text")
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("return_submission_pk", ["ods_code", "period", "seq"])
    .execute();
  await sql`
    create function return_submission_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'return_submission is immutable: % refused', tg_op;
    end $$`.execute(db);
  await sql`create trigger return_submission_immutable before update or delete on return_submission
    for each row execute function return_submission_immutable()`.execute(db);
  await sql`create trigger return_submission_no_truncate before truncate on return_submission
    for each statement execute function return_submission_immutable()`.execute(db);

  // The return points at the submission under review; an approver may withdraw it before review.
  await sql`alter table trust_return add column submission_seq integer`.execute(db);
  await sql`alter table trust_return drop constraint if exists trust_return_status_check`.execute(db);
  await sql`alter table trust_return add constraint trust_return_status_check
    check (status in ('submitted','accepted','returned','unlocked','withdrawn'))`.execute(db);

  // How many trusts had an accepted return (and how many had not) when a period was frozen: trusts without
  // one are counted apart, never filled in with live values.
  await sql`alter table snapshot add column return_counts jsonb`.execute(db);

  // Emails are written in the transaction of the decision that causes them and sent afterwards, with
  // retries: the decision never waits on, or fails because of, a mail server, and no message is lost.
  await db.schema
    .createTable("mail_outbox")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("kind", "text", (c) => c.notNull())
    // A reminder is queued once per return and kind, however often the scheduler looks.
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("recipients", sql`text[]`, (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_error", "text")
    .addColumn("sent_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("mail_outbox_pending")
    .on("mail_outbox")
    .column("next_attempt_at")
    .where(sql.ref("sent_at"), "is", null)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table snapshot drop column return_counts`.execute(db);
  await db.schema.dropTable("mail_outbox").execute();
  await sql`alter table trust_return drop constraint if exists trust_return_status_check`.execute(db);
  await sql`alter table trust_return add constraint trust_return_status_check
    check (status in ('submitted','accepted','returned','unlocked'))`.execute(db);
  await sql`alter table trust_return drop column submission_seq`.execute(db);
  await db.schema.dropTable("return_submission").execute();
  await sql`drop function return_submission_immutable`.execute(db);
  await db.schema.dropTable("collection").execute();
}
