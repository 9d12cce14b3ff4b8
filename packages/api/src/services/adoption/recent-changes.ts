import { auditTrail, type DB } from "@realise/db";
import type { Kysely } from "kysely";

/** Recent changes across the trust, newest first (50 unless a limit is given). */
export async function recentChanges(db: Kysely<DB>, input: { odsCode: string; limit?: number | undefined }) {
  return auditTrail(db, { odsCode: input.odsCode, limit: input.limit ?? 50 });
}
