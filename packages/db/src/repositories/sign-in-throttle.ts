import { type Kysely, sql } from "kysely";
import type { DB } from "../schema.js";

type Scope = "account_address" | "address";

/** The latest time either the pair or the address is blocked until, if later than now. */
export async function signInBlockedUntil(
  db: Kysely<DB>,
  keys: { pair: string; address: string },
  now: Date,
): Promise<Date | null> {
  const rows = await db
    .selectFrom("sign_in_throttle")
    .select(["blocked_until"])
    .where((w) =>
      w.or([
        w.and([w("scope", "=", "account_address"), w("key", "=", keys.pair)]),
        w.and([w("scope", "=", "address"), w("key", "=", keys.address)]),
      ]),
    )
    .where("blocked_until", ">", now)
    .execute();
  const times = rows.map((r) => new Date(r.blocked_until as Date).getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

/**
 * Count one failure for a key: failures older than `forgetAfterSeconds` (since the last one) start the count
 * again. Returns the count after this failure; one statement, so concurrent failures are all counted.
 */
export async function countSignInFailure(
  db: Kysely<DB>,
  scope: Scope,
  key: string,
  now: Date,
  forgetAfterSeconds: number,
): Promise<number> {
  const forgetBefore = new Date(now.getTime() - forgetAfterSeconds * 1000);
  const row = await db
    .insertInto("sign_in_throttle")
    .values({ scope, key, failures: 1, first_failed_at: now, last_failed_at: now })
    .onConflict((oc) =>
      oc.columns(["scope", "key"]).doUpdateSet({
        failures: sql`case when sign_in_throttle.last_failed_at < ${forgetBefore} then 1 else sign_in_throttle.failures + 1 end`,
        first_failed_at: sql`case when sign_in_throttle.last_failed_at < ${forgetBefore} then ${now} else sign_in_throttle.first_failed_at end`,
        last_failed_at: now,
      }),
    )
    .returning("failures")
    .executeTakeFirstOrThrow();
  return row.failures;
}

export async function blockSignIn(db: Kysely<DB>, scope: Scope, key: string, until: Date): Promise<void> {
  await db
    .updateTable("sign_in_throttle")
    .set({ blocked_until: until })
    .where("scope", "=", scope)
    .where("key", "=", key)
    .execute();
}

/** A successful sign-in forgets that pair's failures (never the address's, nor other pairs'). */
export async function clearSignInFailures(db: Kysely<DB>, pair: string): Promise<void> {
  await db
    .deleteFrom("sign_in_throttle")
    .where("scope", "=", "account_address")
    .where("key", "=", pair)
    .execute();
}

/** How many distinct addresses have failed to sign in to this account since `since`. */
export async function failingAddressesFor(db: Kysely<DB>, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("sign_in_throttle")
    .select((s) => s.fn.countAll<string>().as("n"))
    .where("scope", "=", "account_address")
    .where("key", "like", `${email.replace(/[\\%_]/g, "\\$&")}|%`)
    .where("last_failed_at", ">=", since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SecurityEventRow {
  id: string;
  at: Date;
  event: string;
  account: string | null;
  address: string | null;
  detail: Record<string, unknown>;
}

export async function insertSecurityEvent(
  db: Kysely<DB>,
  event: {
    event: string;
    account?: string | null;
    address?: string | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await db
    .insertInto("security_event")
    .values({
      event: event.event,
      account: event.account ?? null,
      address: event.address ?? null,
      detail: JSON.stringify(event.detail ?? {}),
    })
    .execute();
}

/** The most recent security events, newest first. */
export async function recentSecurityEvents(db: Kysely<DB>, limit: number): Promise<SecurityEventRow[]> {
  const rows = await db
    .selectFrom("security_event")
    .selectAll()
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, id: String(r.id), at: new Date(r.at) }));
}
