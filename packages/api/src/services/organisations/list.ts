import { type DB, latestOfficialTiers, listOrganisations } from "@realise/db";
import type { Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { OrganisationsListInput } from "../../contracts/organisations.js";
import { withOfficialTier } from "./official-view.js";

/** Trusts with their current ICB, EPR and official tier (live tiers for whom may see them), by name. */
export async function organisationList(
  db: Kysely<DB>,
  input: OrganisationsListInput = {},
  principal: Principal | null = null,
) {
  const [rows, official] = await Promise.all([listOrganisations(db, input), latestOfficialTiers(db)]);
  return rows.map((r) => withOfficialTier(r, official.get(r.odsCode), principal));
}
