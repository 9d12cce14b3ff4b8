import type { Role } from "@realise/domain";
import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

export interface OutgoingMail {
  /** What the message is about, for the log and for tests (e.g. "return.sentBack"). */
  kind: string;
  recipients: string[];
  subject: string;
  body: string;
  /** When set, a second message with the same key is not queued (reminders). */
  dedupeKey?: string;
}

export interface QueuedMail extends OutgoingMail {
  id: string;
  attempts: number;
}

/** Queue a message inside the caller's transaction: it is sent only if the change that caused it commits. */
export async function enqueueMail(db: Kysely<DB>, mail: OutgoingMail): Promise<boolean> {
  if (mail.recipients.length === 0) return false;
  const row = await db
    .insertInto("mail_outbox")
    .values({
      kind: mail.kind,
      dedupe_key: mail.dedupeKey ?? null,
      recipients: mail.recipients,
      subject: mail.subject,
      body: mail.body,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

/** The email addresses of a trust's staff in the given roles. */
export async function trustStaffEmails(
  db: Kysely<DB>,
  odsCode: string,
  roles: readonly Role[],
): Promise<string[]> {
  const rows = await db
    .selectFrom("user_role")
    .innerJoin("user", "user.id", "user_role.user_id")
    .select("user.email")
    .where("user_role.ods_code", "=", odsCode)
    .where("user_role.role", "in", [...roles])
    .orderBy("user.email")
    .execute();
  return rows.map((r) => r.email);
}

/**
 * Lease the messages due now: each is pushed `leaseMs` into the future in one short statement, so the
 * sender works outside any transaction (a slow mail server never holds the database) and a second server
 * instance skips them. If the sender dies mid-send, the lease runs out and the message is tried again.
 */
export async function leaseDueMail(
  db: Kysely<DB>,
  limit: number,
  leaseMs: number,
  /** Messages that failed this many times stay in the outbox with their last error, and are not retried. */
  maxAttempts: number,
): Promise<QueuedMail[]> {
  // The database's clock, not this process's: queued rows default to now() there, and several server
  // instances must agree on what is due.
  return db
    .updateTable("mail_outbox")
    .set({ next_attempt_at: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("mail_outbox")
        .select("id")
        .where("sent_at", "is", null)
        .where("next_attempt_at", "<=", sql<Date>`now()`)
        .where("attempts", "<", maxAttempts)
        .orderBy("id")
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning(["id", "kind", "recipients", "subject", "body", "attempts"])
    .execute();
}

export async function markMailSent(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ sent_at: new Date(), attempts: sql`attempts + 1`, last_error: null })
    .where("id", "=", id)
    .execute();
}

export async function markMailFailed(
  db: Kysely<DB>,
  id: string,
  error: string,
  retryAt: Date,
): Promise<void> {
  await db
    .updateTable("mail_outbox")
    .set({ attempts: sql`attempts + 1`, last_error: error.slice(0, 1000), next_attempt_at: retryAt })
    .where("id", "=", id)
    .execute();
}

/** Messages of a kind, newest first (the national team's view of what was sent; tests). */
export async function mailOutbox(db: Kysely<DB>, filter: { kind?: string; limit?: number } = {}) {
  let q = db
    .selectFrom("mail_outbox")
    .select([
      "id",
      "kind",
      "recipients",
      "subject",
      "body",
      "attempts",
      "last_error as lastError",
      "sent_at as sentAt",
    ])
    .orderBy("id", "desc")
    .limit(filter.limit ?? 100);
  if (filter.kind) q = q.where("kind", "=", filter.kind);
  return q.execute();
}
