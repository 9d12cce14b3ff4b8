import { type DB, recentSecurityEvents } from "@realise/db";
import type { Kysely } from "kysely";

/**
 * The recent security events held in the database (throttled sign-ins, accounts under attack), newest
 * first, and the accounts failed from several addresses in the last day: what the national team watches.
 */
export async function securityEvents(db: Kysely<DB>, input: { limit?: number | undefined } | undefined) {
  const events = await recentSecurityEvents(db, input?.limit ?? 100);
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  const underAttack = [
    ...new Set(
      events
        .filter((e) => e.event === "signin.account_under_attack" && e.at.getTime() >= dayAgo && e.account)
        .map((e) => e.account as string),
    ),
  ];
  return {
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      event: e.event,
      account: e.account,
      address: e.address,
      detail: e.detail,
    })),
    underAttack,
  };
}
