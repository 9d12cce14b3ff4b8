import type { Framework } from "@realise/domain";
import type { Kysely } from "kysely";
import type { DB } from "../schema.js";
import {
  adoptionRecords,
  organisationType,
  saveOrganisationTier,
  toAssessable,
} from "../repositories/adoption-records.js";
import { assessTrust, type TrustType } from "@realise/domain";

/**
 * Transitional copy of the service `refreshOrganisationTier` (packages/api/src/services/adoption), kept only
 * for `queries/benefits.ts` and `queries/framework-admin.ts`, which cannot import the api package; delete this
 * file once they have moved to services.
 */
export async function refreshOrganisationTier(
  trx: Kysely<DB>,
  framework: Framework,
  odsCode: string,
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
