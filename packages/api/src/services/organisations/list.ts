import { type DB, latestOfficialTiers, listOrganisations } from "@realise/db";
import type { Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { OrganisationsListInput } from "../../contracts/organisations.js";
import { versioned } from "../versioned.js";
import { liveTierAudience, withOfficialTier } from "./official-view.js";

/**
 * Trusts with their current ICB, EPR and official tier (live tiers for whom may see them), by name. The
 * whole list is 2,000 rows at ten times England, so it is kept per data version (issue 18), by filter,
 * day (memberships are read as at today, the real date, as the query reads it) and what the caller may
 * see.
 */
export async function organisationList(
  db: Kysely<DB>,
  input: OrganisationsListInput = {},
  principal: Principal | null = null,
) {
  const asOf = input.asOf ?? new Date().toISOString().slice(0, 10);
  const key = `organisations.list|${asOf}|${liveTierAudience(principal)}|${JSON.stringify(input)}`;
  return versioned(db, key, async () => {
    const [rows, official] = await Promise.all([listOrganisations(db, input), latestOfficialTiers(db)]);
    return rows.map((r) => withOfficialTier(r, official.get(r.odsCode), principal));
  });
}
