import { type DB, findOrganisation } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";

/** One trust by ODS code, with its ICB membership history; NOT_FOUND for an unknown code. */
export async function organisationByOdsCode(db: Kysely<DB>, input: { odsCode: string }) {
  const organisation = await findOrganisation(db, input.odsCode);
  if (!organisation) throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
  return organisation;
}
