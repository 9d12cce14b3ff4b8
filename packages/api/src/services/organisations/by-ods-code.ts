import { type DB, findOrganisation, latestOfficialTiers } from "@realise/db";
import { AppError, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import { withOfficialTier } from "./official-view.js";

/** One trust by ODS code, with its ICB membership history and official tier; NOT_FOUND for an unknown code. */
export async function organisationByOdsCode(
  db: Kysely<DB>,
  input: { odsCode: string },
  principal: Principal | null = null,
) {
  const organisation = await findOrganisation(db, input.odsCode);
  if (!organisation) throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
  const official = await latestOfficialTiers(db, input.odsCode);
  return withOfficialTier(organisation, official.get(input.odsCode), principal);
}
