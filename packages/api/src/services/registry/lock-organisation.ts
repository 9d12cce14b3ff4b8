import { type DB, lockRegistryOrganisation, type RegistryOrganisationRow } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";

/**
 * Lock a trust's registry row for a change, refusing a stale one: the editor saw `expectedVersion`.
 * Shared by the registry writes so they word the conflict the same way.
 */
export async function lockOrganisationAt(
  trx: Kysely<DB>,
  odsCode: string,
  expectedVersion: number,
): Promise<RegistryOrganisationRow> {
  const org = await lockRegistryOrganisation(trx, odsCode);
  if (!org) throw AppError.notFound(`No trust has the ODS code ${odsCode}`);
  if (org.version !== expectedVersion)
    throw AppError.conflict(
      `Someone else changed ${org.name} since you opened it (now version ${org.version}, you edited version ${expectedVersion}); reload it and make your change again`,
      org,
    );
  return org;
}
