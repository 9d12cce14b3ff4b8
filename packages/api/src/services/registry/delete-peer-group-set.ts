import { type DB, deletePeerGroupSetRow, findPeerGroupSet, lockPeerGroupSet, writeAudit } from "@realise/db";
import { AppError, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { RegistryAdminDeletePeerGroupSet } from "../../contracts/registry.js";

/** Remove a peer group set with its groups. */
export async function deletePeerGroupSet(
  db: Kysely<DB>,
  input: RegistryAdminDeletePeerGroupSet,
  actor: Principal,
) {
  return db.transaction().execute(async (trx) => {
    const existing = await lockPeerGroupSet(trx, input.id);
    if (!existing) throw AppError.notFound(`No peer group set has the id ${input.id}`);
    if (existing.version !== input.expectedVersion)
      throw AppError.conflict(`Someone else changed peer group set ${input.id}; reload it`, existing);
    const before = await findPeerGroupSet(trx, input.id);
    await deletePeerGroupSetRow(trx, input.id);
    await writeAudit(trx, actor, {
      action: "peer_group_set.delete",
      entity: "peer_group_set",
      entityKey: input.id,
      before,
    });
    return { id: input.id };
  });
}
