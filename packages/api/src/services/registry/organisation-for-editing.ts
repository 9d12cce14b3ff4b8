import { auditTrail, type DB, findOrganisation, peerGroupsOf } from "@realise/db";
import { AppError } from "@realise/domain";
import type { Kysely } from "kysely";

/** One trust for editing: registry fields, ICB history, peer groups and recent changes. */
export async function organisationForEditing(db: Kysely<DB>, input: { odsCode: string }) {
  return db.transaction().execute(async (trx) => {
    const organisation = await findOrganisation(trx, input.odsCode);
    if (!organisation) throw AppError.notFound(`No trust has the ODS code ${input.odsCode}`);
    const peerGroups = await peerGroupsOf(trx, input.odsCode);
    const history = await auditTrail(trx, { entity: "organisation", entityKey: input.odsCode, limit: 20 });
    return { organisation, peerGroups, history };
  });
}
