import { type DB, planningTrust } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";

/** The trust a plan belongs to; NOT_FOUND when no trust has the code. */
export async function requirePlanningTrust(db: Kysely<DB>, odsCode: string) {
  const trust = await planningTrust(db, odsCode);
  if (!trust) throw AppError.notFound(`No trust has the ODS code ${odsCode}`);
  return trust;
}
