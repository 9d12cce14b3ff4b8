import { type DB, listOrganisations } from "@realise/db";
import type { Kysely } from "kysely";
import type { OrganisationsListInput } from "../../contracts/organisations.js";

/** Trusts with their current ICB, EPR and tier, filtered and ordered by name. */
export async function organisationList(db: Kysely<DB>, input: OrganisationsListInput = {}) {
  return listOrganisations(db, input);
}
