import { type DB, lastAuditVerification } from "@realise/db";
import type { Kysely } from "kysely";

/** When the audit chain was last verified and what was found; `verification` is null if never. */
export async function auditChainStatus(db: Kysely<DB>) {
  const verification = await lastAuditVerification(db);
  return {
    verification: verification && {
      at: verification.at.toISOString(),
      ok: verification.ok,
      rowsChecked: verification.rowsChecked,
      firstBadId: verification.firstBadId,
      problem: verification.problem,
    },
  };
}
