import { type ChainCheck, checkAuditChain, type DB, recordAuditVerification } from "@realise/db";
import type { Kysely } from "kysely";

/** Check the whole audit chain and record the verification (found or not), so the national team sees it. */
export async function verifyAuditChain(db: Kysely<DB>): Promise<ChainCheck> {
  const check = await checkAuditChain(db);
  await recordAuditVerification(db, check);
  return check;
}
