import { adoptionRecords, type DB, organisationType, saveOrganisationTier, toAssessable } from "@realise/db";
import { assessTrust, type Framework, type TrustType } from "@realise/domain";
import type { Kysely } from "kysely";

/**
 * Recompute a trust's tier from its records and store it, inside the caller's transaction: the national
 * views read the stored row, so they are never behind the records. Every write that can move a trust's
 * tier (an adoption record, a measured benefit, a framework publish) calls this before it commits.
 */
export async function refreshOrganisationTier(
  trx: Kysely<DB>,
  framework: Framework,
  odsCode: string,
  /** The trust's type when the caller has already read it, saving a lookup inside the write. */
  knownTrustType?: string,
) {
  const trustType = knownTrustType ?? (await organisationType(trx, odsCode)).trust_type;
  const records = await adoptionRecords(trx, odsCode);
  const assessment = assessTrust(
    framework,
    { odsCode, trustType: trustType as TrustType },
    toAssessable(records),
  );
  await saveOrganisationTier(trx, odsCode, framework.version, assessment);
  return assessment;
}
