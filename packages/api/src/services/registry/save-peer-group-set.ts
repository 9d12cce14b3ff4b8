import {
  type DB,
  findPeerGroupSet,
  groupIdTakenElsewhere,
  insertPeerGroups,
  insertPeerGroupSet,
  knownOdsCodes,
  lockPeerGroupSet,
  peerGroupSetNameTaken,
  updatePeerGroupSetClearingGroups,
  writeAudit,
} from "@realise/db";
import { AppError, peerGroupSetIssues, type Principal } from "@realise/domain";
import type { Kysely } from "kysely";
import type { RegistryAdminSavePeerGroupSet } from "../../contracts/registry.js";

/**
 * Create or replace a peer group set with its groups and members. A trust may sit in one group of the set
 * only: checked by the domain with a message naming the trust, and by the member table's key as the backstop.
 */
export async function savePeerGroupSet(
  db: Kysely<DB>,
  input: RegistryAdminSavePeerGroupSet,
  actor: Principal,
) {
  const issues = peerGroupSetIssues(input.id, input.groups);
  if (issues.length > 0) throw AppError.invalid(issues.map((i) => ({ ...i, path: ["groups", ...i.path] })));

  return db.transaction().execute(async (trx) => {
    const existing = await lockPeerGroupSet(trx, input.id);
    const currentVersion = existing?.version ?? 0;
    if (currentVersion !== input.expectedVersion)
      throw AppError.conflict(
        existing
          ? `Someone else changed peer group set ${input.id} (now version ${currentVersion}, you edited version ${input.expectedVersion}); reload it`
          : `Peer group set ${input.id} does not exist any more; reload the list`,
        existing ?? null,
      );
    const allMembers = [...new Set(input.groups.flatMap((g) => g.members))];
    const known = await knownOdsCodes(trx, allMembers);
    const unknown = allMembers.filter((c) => !known.has(c));
    if (unknown.length > 0) throw AppError.field("groups", `No trust has the ODS code ${unknown.join(", ")}`);
    const taken = await groupIdTakenElsewhere(
      trx,
      input.id,
      input.groups.map((g) => g.id),
    );
    if (taken) throw AppError.field("groups", `Group id ${taken.id} is already used by set ${taken.set_id}`);
    const before = existing ? ((await findPeerGroupSet(trx, input.id)) ?? null) : null;
    const version = currentVersion + 1;
    if (existing) await updatePeerGroupSetClearingGroups(trx, input, version);
    else {
      if (await peerGroupSetNameTaken(trx, input.name))
        throw AppError.field("name", `A peer group set is already called ${input.name}`);
      await insertPeerGroupSet(trx, input, version);
    }
    await insertPeerGroups(trx, input.id, input.groups);
    await writeAudit(trx, actor, {
      action: existing ? "peer_group_set.update" : "peer_group_set.create",
      entity: "peer_group_set",
      entityKey: input.id,
      before,
      after: { id: input.id, name: input.name, description: input.description, groups: input.groups },
    });
    return { id: input.id, version };
  });
}
